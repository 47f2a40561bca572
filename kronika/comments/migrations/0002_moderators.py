"""Editors moderate reader comments and block commenters; Reporters can read the queue."""

from django.db import migrations

PERMISSIONS = {
    "Editors": [
        ("comment", ["view_comment", "change_comment", "delete_comment"]),
        ("block", ["view_block", "add_block", "change_block", "delete_block"]),
    ],
    "Reporters": [("comment", ["view_comment"])],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    for group_name, grants in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, codenames in grants:
            content_type, _ = ContentType.objects.get_or_create(app_label="comments", model=model)
            for codename in codenames:
                perm, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=codename,
                    defaults={"name": codename.replace("_", " ")},
                )
                group.permissions.add(perm)


class Migration(migrations.Migration):
    dependencies = [("comments", "0001_initial"), ("news", "0002_newsroom")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
