"""Editors and Reporters can see how readers rated articles."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="ratings", model="rating")
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_rating", defaults={"name": "Can view rating"}
    )
    for name in ("Editors", "Reporters"):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(perm)


class Migration(migrations.Migration):
    dependencies = [("ratings", "0001_initial"), ("news", "0002_newsroom")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
