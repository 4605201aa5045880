#!/usr/bin/env bash
# Brings a Debian machine to the state `npm test` needs, so the README's one
# command is all a newcomer runs (npm runs this as `pretest`):
#   - PostgreSQL and MariaDB running on 127.0.0.1;
#   - PostgreSQL checking the password of the one role the wrong-password test
#     uses (the rest of the machine keeps trust auth);
#   - Chromium for the browser journeys, and Django 3.2 with its drivers for
#     the test that lets Django's own `migrate` build the story's schema.
# Each step is skipped when already done, or when the machine is set up
# another way (SLUICE_TEST_PG_URL / SLUICE_TEST_MYSQL_URL, SLUICE_CHROMIUM,
# SLUICE_PYTHON), so a second run costs a few milliseconds.
set -euo pipefail

say() { echo "prepare-test-machine: $*" >&2; }

if [ -z "${SLUICE_TEST_PG_URL:-}" ] && ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  say "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
fi
if [ -z "${SLUICE_TEST_MYSQL_URL:-}" ] && ! mysqladmin -h 127.0.0.1 -uroot status >/dev/null 2>&1; then
  say "starting MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
fi

if [ -z "${SLUICE_TEST_PG_URL:-}" ]; then
  hba="$(ls -d /etc/postgresql/*/main 2>/dev/null | head -1)/pg_hba.conf"
  rule='host all sluice_auth_test 127.0.0.1/32 scram-sha-256'
  if [ -f "$hba" ] && ! grep -qF "$rule" "$hba"; then
    if [ -w "$hba" ]; then
      say "adding the wrong-password test's pg_hba rule"
      # First matching line wins, so the rule goes above the trust lines.
      sed -i "1i $rule" "$hba"
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main reload
    else
      say "cannot write $hba: add '$rule' above its trust lines and reload PostgreSQL"
      exit 1
    fi
  fi
fi

missing=()
[ -n "${SLUICE_CHROMIUM:-}" ] || [ -x /usr/bin/chromium ] || missing+=(chromium)
[ -n "${SLUICE_PYTHON:-}" ] || /usr/bin/python3 -c 'import django, psycopg2, MySQLdb' 2>/dev/null ||
  missing+=(python3-django python3-psycopg2 python3-mysqldb)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    say "missing ${missing[*]}: install them with apt-get (as root), or name your own with SLUICE_CHROMIUM / SLUICE_PYTHON"
    exit 1
  fi
  say "installing ${missing[*]} from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

for _ in $(seq 1 30); do
  { [ -n "${SLUICE_TEST_PG_URL:-}" ] || pg_isready -q -h 127.0.0.1 -p 5432; } &&
    { [ -n "${SLUICE_TEST_MYSQL_URL:-}" ] || mysqladmin -h 127.0.0.1 -uroot status >/dev/null 2>&1; } &&
    exit 0
  sleep 1
done
say "PostgreSQL or MariaDB did not come up on 127.0.0.1"
exit 1
