import uuid

from django.db import migrations, models

import pagecache.models


def create_generation(apps, schema_editor):
    Generation = apps.get_model("pagecache", "Generation")
    Generation.objects.get_or_create(pk=1, defaults={"value": uuid.uuid4().hex})


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Generation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("value", models.CharField(default=pagecache.models.new_generation, max_length=32)),
            ],
            options={"verbose_name": "page cache generation"},
        ),
        migrations.RunPython(create_generation, migrations.RunPython.noop),
    ]
