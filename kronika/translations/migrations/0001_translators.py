"""Reporters and Editors translate: anyone who may edit a page may start or sync its
translations (kronika.translations.rights), and publishing one still needs the
right to publish."""

from django.db import migrations

GROUPS = ("Reporters", "Editors")


def grant(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    translate = Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(translate)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_localize", "0006_create_submit_translation_permission"),
        ("news", "0002_newsroom"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
