"""The paper's languages come from KRONIKA_LANGUAGES, not from its settings (docs/languages.md).

A paper that had set its language in the settings ("lt") had its pages in
Wagtail's first locale, made from the admin's language ("en"). When that
language is now the first of KRONIKA_LANGUAGES, and no locale has it yet, the
pages' locale takes it: the paper stays at "/" in the language it is written
in. Otherwise the pages stay in the locale they are in.
"""

from django.conf import settings
from django.db import migrations


def move_the_pages_to_the_papers_language(apps, schema_editor):
    PaperSettings = apps.get_model("base", "PaperSettings")
    Locale = apps.get_model("wagtailcore", "Locale")
    Site = apps.get_model("wagtailcore", "Site")
    first = settings.KRONIKA_LANGUAGES[0]
    for paper in PaperSettings.objects.all():
        language = paper.language.lower()
        if language != first or Locale.objects.filter(language_code=first).exists():
            continue
        site = Site.objects.filter(pk=paper.site_id).select_related("root_page").first()
        if site is not None:
            Locale.objects.filter(pk=site.root_page.locale_id).update(language_code=first)


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0009_paper_settings_share_image"),
    ]

    operations = [
        migrations.RunPython(move_the_pages_to_the_papers_language, migrations.RunPython.noop),
        migrations.RemoveField(model_name="papersettings", name="language"),
    ]
