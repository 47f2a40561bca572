"""Helpers for the data migrations that carried the features' settings out of PaperSettings.

A feature's migration creates its own settings and copies the values it
owned from PaperSettings, before base's migration 0006 drops those columns
(`run_before`). A feature installed later, after 0006 ran, finds the columns
gone and starts from its defaults: Django still plans its migration before
0006, but the database no longer has what it would copy.
"""

PAPER_SETTINGS = ("base", "PaperSettings")


def column_exists(schema_editor, model, column: str) -> bool:
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        description = connection.introspection.get_table_description(cursor, model._meta.db_table)
    return any(row.name == column for row in description)


def copy_paper_settings(apps, schema_editor, label: str, fields: dict[str, str]) -> None:
    """Give each site's `label` settings the values PaperSettings held, field by field.

    `fields` maps the new field's name to the old one's.
    """
    paper_settings = apps.get_model(*PAPER_SETTINGS)
    if not all(column_exists(schema_editor, paper_settings, old) for old in fields.values()):
        return
    feature_settings = apps.get_model(*label.split("."))
    for paper in paper_settings.objects.all():
        feature_settings.objects.update_or_create(
            site_id=paper.site_id,
            defaults={new: getattr(paper, old) for new, old in fields.items()},
        )
