"""Every string the reader's interface shows is translated into Lithuanian and Russian (issue 23).

The strings marked in the code and templates are extracted afresh, as
`make messages` does, and compared with the committed catalogues: a string
missing from one, left untranslated or fuzzy, a stale one, or a .mo not
compiled from its .po fails the suite, and so CI.
"""

import shutil
import tempfile
from pathlib import Path

import polib
from django.test import SimpleTestCase

from kronika import catalogues


class CataloguesTests(SimpleTestCase):
    def test_the_paper_s_languages_each_have_a_catalogue(self):
        self.assertEqual(catalogues.languages(), ["lt", "ru"])

    def test_each_catalogue_has_every_string_translated_and_compiled(self):
        for language in catalogues.languages():
            with self.subTest(language):
                self.assertEqual(catalogues.problems(language), [])

    def test_a_missing_an_untranslated_and_a_fuzzy_string_are_each_named(self):
        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / "django.po"
            shutil.copy(catalogues.catalogue("lt"), path)
            shutil.copy(catalogues.catalogue("lt").with_suffix(".mo"), path.with_suffix(".mo"))
            po = polib.pofile(str(path))
            po.remove(po.find("Skip to content"))
            po.find("Search the paper").msgstr = ""
            po.find("Sections").flags.append("fuzzy")
            po.save()
            self.assertEqual(
                sorted(catalogues.problems("lt", path)),
                [
                    "lt: django.mo is not compiled from django.po (make messages)",
                    "lt: fuzzy 'Sections'",
                    "lt: missing 'Skip to content'",
                    "lt: untranslated 'Search the paper'",
                ],
            )
