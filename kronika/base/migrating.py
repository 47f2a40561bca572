"""Helpers for the migrations that moved the features' settings and per-article choices
out of the core (PaperSettings and ArticlePage) into the features' own models.

The core's migrations (base 0006, news 0007) take the fields out of
the models but leave their columns in the database, made nullable so that
new rows need no value for them (`left_behind`). Each feature's migration
copies what it owned from those columns when they are there. Nothing orders
the two: a feature may be installed with the core, or switched on years
later (KRONIKA_FEATURES), and a migration of the core that had to run after
a feature's (`run_before`) would make the second case an inconsistent
history. Dropping the columns would make it lose the values, so they stay.
"""

from django.db import migrations

PAPER_SETTINGS_TABLE = "base_papersettings"
ARTICLE_TABLE = "news_articlepage"


def left_behind(model_name: str, fields: dict) -> list:
    """Operations that take `fields` out of the model and leave their columns, nullable.

    `fields` maps each name to its field made nullable. All are altered before
    any leaves the migration state: SQLite alters a column by rebuilding the
    table from the state, and a rebuild after a field left it would drop that
    column. For the same reason a later migration that rebuilds these tables
    on SQLite drops the columns left behind, and a feature installed after it
    starts from its defaults.
    """
    return [
        *(
            migrations.AlterField(model_name=model_name, name=name, field=field)
            for name, field in fields.items()
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name=model_name, name=name) for name in fields
            ]
        ),
    ]


def _columns(schema_editor, table: str) -> set[str]:
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if table not in connection.introspection.table_names(cursor):
            return set()
        return {row.name for row in connection.introspection.get_table_description(cursor, table)}


def _rows(schema_editor, table: str, columns: list[str], where: str = "", params=()) -> list:
    quote = schema_editor.quote_name
    sql = f"SELECT {', '.join(quote(c) for c in columns)} FROM {quote(table)} {where}"  # noqa: S608 - our own names
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def copy_paper_settings(apps, schema_editor, label: str, fields: dict[str, str]) -> None:
    """Give each site's `label` settings the values PaperSettings' old columns hold.

    `fields` maps the new field's name to the old column's. A paper made after
    the move has the columns empty (NULL), and keeps the feature's defaults.
    """
    old = list(fields.values())
    if not set(old) <= _columns(schema_editor, PAPER_SETTINGS_TABLE):
        return
    feature_settings = apps.get_model(*label.split("."))
    for site_id, *values in _rows(schema_editor, PAPER_SETTINGS_TABLE, ["site_id", *old]):
        if any(value is None for value in values):
            continue
        feature_settings.objects.update_or_create(
            site_id=site_id, defaults=dict(zip(fields, values, strict=True))
        )


def move_article_field_to_child(
    apps, schema_editor, *, field: str, kept: tuple, child: str, relation: str, to: str
) -> None:
    """Give each article whose old `field` column holds one of `kept` a `child` row with it.

    The child (app.Model) hangs off the article's cluster as `relation`, with
    the value in its field `to`; articles holding any other value get no row,
    which their feature reads as the old default. Revisions get the row in
    their content too: publishing a draft or a scheduled revision saved before
    the move would otherwise drop the value it was saved with.
    """
    if field not in _columns(schema_editor, ARTICLE_TABLE):
        return
    child_model = apps.get_model(*child.split("."))
    marks = ", ".join(["%s"] * len(kept))
    where = f"WHERE {schema_editor.quote_name(field)} IN ({marks})"
    found = _rows(schema_editor, ARTICLE_TABLE, ["page_ptr_id", field], where, kept)
    child_model.objects.bulk_create(
        child_model(article_id=pk, **{to: value}) for pk, value in found
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
