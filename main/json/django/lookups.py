"""Runs lookups through Django's JSONField on PostgreSQL, as a second reference.

Reads {"database": NAME, "table": T, "lookups": [{"kwarg": K, "value": V}, ...]}
on stdin and prints the ids each lookup selects, as a JSON list of lists.
"""
import json
import sys

import django
from django.conf import settings

request = json.load(sys.stdin)
settings.configure(
    DATABASES={
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": request["database"],
            "USER": request.get("user", "postgres"),
            "HOST": request.get("host", "127.0.0.1"),
            "PORT": request.get("port", "5432"),
        }
    },
    INSTALLED_APPS=[],
    USE_TZ=True,
)
django.setup()

from django.db import models  # noqa: E402  (after setup, as Django requires)


class Pet(models.Model):
    id = models.IntegerField(primary_key=True)
    data = models.JSONField(null=True)

    class Meta:
        app_label = "sluice_check"
        db_table = request["table"]
        managed = False


answers = []
for lookup in request["lookups"]:
    rows = Pet.objects.filter(**{lookup["kwarg"]: lookup["value"]}).order_by("id")
    answers.append(list(rows.values_list("id", flat=True)))
print(json.dumps(answers))
