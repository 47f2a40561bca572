"""Editors can read the log of Telegram calls; only administrators manage channels."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="telegram", model="call")
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_call", defaults={"name": "Can view call"}
    )
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(perm)


class Migration(migrations.Migration):
    dependencies = [("telegram", "0001_initial"), ("news", "0002_newsroom")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
