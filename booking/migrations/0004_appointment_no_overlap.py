"""No two appointments of one practitioner that are not cancelled may overlap, buffers included.

On PostgreSQL: an exclusion constraint over the practitioner (equal, through btree_gist) and the range
the visit blocks (overlapping), for rows not cancelled. Built with Django's ``ExclusionConstraint`` and
added by ``schema_editor.add_constraint`` only on PostgreSQL, so it stays out of the model's state:
in ``Meta.constraints`` Django would also run it as a validation query, which SQLite cannot run.
SQLite has no such constraint; there the booking transaction checks for overlap under its write lock
(``booking.appointments``).
"""

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeOperators
from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations
from django.db.models import Func, Q

NAME = "booking_appointment_no_overlap"


class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


def constraint():
    return ExclusionConstraint(
        name=NAME,
        expressions=[
            ("practitioner", RangeOperators.EQUAL),
            (TsTzRange("blocked_from", "blocked_until"), RangeOperators.OVERLAPS),
        ],
        condition=~Q(status="cancelled"),
    )


def add_constraint(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_constraint(apps.get_model("booking", "Appointment"), constraint())


def remove_constraint(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_constraint(apps.get_model("booking", "Appointment"), constraint())


class Migration(migrations.Migration):
    dependencies = [("booking", "0003_appointments_and_schedule")]

    operations = [
        BtreeGistExtension(),
        migrations.RunPython(add_constraint, remove_constraint),
    ]
