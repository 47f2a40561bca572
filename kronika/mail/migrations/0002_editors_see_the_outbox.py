"""Editors see mail that is not going out, on their dashboard (kronika.mail.dashboard)."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="mail", model="outgoingmail")
    view, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_outgoingmail",
        defaults={"name": "Can view outgoing mail"},
    )
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(view)


class Migration(migrations.Migration):
    dependencies = [("mail", "0001_initial"), ("news", "0002_newsroom")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
