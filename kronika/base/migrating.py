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


def move_article_field_to_child(
    apps, schema_editor, *, field: str, kept: tuple, child: str, relation: str, to: str
) -> None:
    """Give each article whose `field` holds one of `kept` a `child` row with that value.

    The child (app.Model) hangs off the article's cluster as `relation`, with
    the value in its field `to`; articles holding any other value get no row,
    which their feature reads as the old default. Revisions get the row in
    their content too: publishing a draft or a scheduled revision saved before
    the move would otherwise drop the value it was saved with.
    """
    article_page = apps.get_model("news", "ArticlePage")
    if not column_exists(schema_editor, article_page, field):
        return
    child_model = apps.get_model(*child.split("."))
    child_model.objects.bulk_create(
        child_model(article_id=pk, **{to: value})
        for pk, value in article_page.objects.filter(**{f"{field}__in": kept})
        .values_list("pk", field)
        .iterator()
    )
    content_type = apps.get_model("contenttypes", "ContentType")
    article_type = content_type.objects.filter(app_label="news", model="articlepage").first()
    if article_type is None:
        return
    revisions = apps.get_model("wagtailcore", "Revision").objects.filter(
        content_type=article_type, **{f"content__{field}__in": kept}
    )
    for saved in revisions.iterator():
        value = saved.content[field]
        saved.content[relation] = [{"pk": None, "article": int(saved.object_id), to: value}]
        saved.save(update_fields=["content"])
