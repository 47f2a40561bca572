"""A paper starts with two newsletters in its first language, which Editors manage.

The form on every article offers what exists; with none it is not shown, so a
new paper would collect no readers until someone found the admin's menu.
"""

from django.conf import settings
from django.db import migrations

DEFAULTS = (
    ("Daily digest", "digest", "The day's articles, each evening."),
    ("Breaking news", "breaking", "Only when something important happens."),
)
EDITORS_MAY = ("add", "change", "delete", "view")


def create(apps, schema_editor):
    Newsletter = apps.get_model("newsletters", "Newsletter")
    if not Newsletter.objects.exists():
        for order, (name, kind, description) in enumerate(DEFAULTS):
            Newsletter.objects.create(
                name=name,
                kind=kind,
                description=description,
                language=settings.LANGUAGE_CODE,
                order=order,
            )
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="newsletters", model="newsletter")
    group, _ = Group.objects.get_or_create(name="Editors")
    for action in EDITORS_MAY:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_newsletter",
            defaults={"name": f"Can {action} newsletter"},
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("newsletters", "0001_initial"), ("news", "0002_newsroom")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
