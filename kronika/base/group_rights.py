"""A data migration's grant of a model's permissions to one of the newsroom's groups.

Each app grants its own models' rights in its own migration, so that a paper
without a feature (KRONIKA_FEATURES) holds no rights on models it lacks, and
a feature switched on later brings its rights with it. The groups themselves
are made by news 0002_newsroom, which such a migration depends on.
"""

from django.db import migrations


def _permissions(apps, app_label: str, model_name: str, actions: tuple[str, ...]):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    model = apps.get_model(app_label, model_name)
    content_type, _ = content_type_model.objects.get_or_create(
        app_label=app_label, model=model._meta.model_name
    )
    # Named as Django names them after migrating, for the group editor's lists.
    return [
        permission_model.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model._meta.model_name}",
            defaults={"name": f"Can {action} {model._meta.verbose_name}"},
        )[0]
        for action in actions
    ]


def grant(group_name: str, model: str, *actions: str) -> migrations.RunPython:
    """Give `group_name` the `actions` ("change", …) on `model` ("app_label.Model"); reversible."""
    app_label, model_name = model.split(".")

    def forwards(apps, schema_editor):
        group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=group_name)
        group.permissions.add(*_permissions(apps, app_label, model_name, actions))

    def backwards(apps, schema_editor):
        group = apps.get_model("auth", "Group").objects.filter(name=group_name).first()
        if group is not None:
            group.permissions.remove(*_permissions(apps, app_label, model_name, actions))

    return migrations.RunPython(forwards, backwards)
