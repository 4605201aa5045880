-- The story from product.md: Django's auth_user, a blog_article with its FK to
-- users, and pets with a JSON column. Sluice builds demo.sqlite from this file
-- on first start; no binary database is committed.

CREATE TABLE auth_user (
  id integer PRIMARY KEY AUTOINCREMENT,
  password varchar(128) NOT NULL,
  last_login datetime NULL,
  is_superuser bool NOT NULL,
  username varchar(150) NOT NULL UNIQUE,
  first_name varchar(150) NOT NULL,
  last_name varchar(150) NOT NULL,
  email varchar(254) NOT NULL,
  is_staff bool NOT NULL,
  is_active bool NOT NULL,
  date_joined datetime NOT NULL
);

CREATE TABLE blog_article (
  id integer PRIMARY KEY AUTOINCREMENT,
  title varchar(120) NOT NULL,
  slug varchar(50) NULL,
  content text NULL,
  publish_timestamp datetime NULL,
  user_id integer NOT NULL DEFAULT 1 REFERENCES auth_user (id) ON DELETE SET DEFAULT
);

CREATE INDEX blog_article_user_id ON blog_article (user_id);

CREATE TABLE pets (
  id integer PRIMARY KEY AUTOINCREMENT,
  name varchar(100) NOT NULL,
  data json NOT NULL CHECK (json_valid(data))
);

INSERT INTO pets (name, data) VALUES
  ('Bruno', '{"name":"Bruno","type":"Rat","nickname":"We don''t talk about it","age":2,"age_interval":"months"}'),
  ('Tom', '{"name":"Tom","type":"Cat","breed":"Mixed","age":4,"age_interval":"years","favorite_food":[{"brand":"Acme","flavor":"Tuna"}]}'),
  ('Stewey', '{"name":"Stewey","type":"Dog","breed":"unknown","age":34,"age_interval":"dog years","nickname":"Football"}');

INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email, is_staff, is_active, date_joined)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
SELECT '!', i = 1, 'user' || i, 'First' || i, 'Last' || i, 'user' || i || '@example.com', i <= 3, 1,
       datetime('2023-01-01', '+' || i || ' days')
FROM n;

INSERT INTO blog_article (title, slug, content, publish_timestamp, user_id)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
SELECT 'Article number ' || i,
       'article-' || i,
       CASE WHEN i % 10 = 0 THEN NULL ELSE 'Body of article ' || i || '.' END,
       CASE WHEN i % 7 = 0 THEN NULL ELSE datetime('2024-01-01', '+' || (i % 700) || ' days', '+' || (i % 86400) || ' seconds') END,
       1 + (i % 200)
FROM n;

-- Statistics for the schema browser's row estimates.
ANALYZE;
