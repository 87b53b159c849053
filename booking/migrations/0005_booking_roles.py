"""Who works with appointments and the clinic's schedule.

- Front desk: sees the calendar and appointments, books, moves, cancels and marks arrivals.
- Front desk managers: the same, and they set up appointment types, working hours, time off and
  closures.
- Editors and clinical reviewers: nothing here, as with consultation requests.
"""

from django.db import migrations

APPOINTMENTS = [
    ("booking", "appointment", "view_appointment"),
    ("booking", "appointment", "add_appointment"),
    ("booking", "appointment", "change_appointment"),
]
SETUP = [
    ("booking", model, f"{action}_{model}")
    for model in ("appointmenttype", "practitionerschedule", "scheduleexception", "clinicclosure")
    for action in ("add", "change", "delete", "view")
]
ROLES = {"Front desk": APPOINTMENTS, "Front desk managers": APPOINTMENTS + SETUP}


def get_permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def add_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, permissions in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(get_permission(apps, *spec) for spec in permissions))


def remove_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, permissions in ROLES.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*(get_permission(apps, *spec) for spec in permissions))


class Migration(migrations.Migration):
    dependencies = [
        ("booking", "0004_appointment_no_overlap"),
        ("booking", "0002_roles_and_clinical_review"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
