"""Editors must use two-factor authentication (while KRONIKA_2FA_REQUIRED is on).

wagtail-2fa's VerifyUserPermissionsMiddleware requires it of holders of
`wagtailadmin.enable_2fa`; everyone else may use it.
"""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="enable_2fa", defaults={"name": "Enable 2FA"}
    )
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(perm)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    perm = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="enable_2fa"
    ).first()
    group = Group.objects.filter(name="Editors").first()
    if perm and group:
        group.permissions.remove(perm)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_newsroom"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
