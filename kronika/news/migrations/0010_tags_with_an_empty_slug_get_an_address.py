"""Tags stored with an empty slug get a free fallback slug ("tag", "tag-2", ...).

Before new tags got a fallback, a tag named with punctuation alone was stored
with an empty slug, and every page listing it failed. Nothing saves a tag again
once it exists, so those rows are repaired here (kronika/news/tag_addresses.py).
An empty slug never had an address, so no redirect is needed.
"""

from django.db import migrations

from kronika.news.tag_addresses import give_empty_slugs_an_address


def give_empty_tag_slugs_an_address(apps, schema_editor):
    give_empty_slugs_an_address(apps.get_model("taggit", "Tag"))


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0009_editors_change_paper_settings"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(give_empty_tag_slugs_an_address, migrations.RunPython.noop),
    ]
