import tempfile

from django.core.management.base import CommandError

from kronika.testing_over_http import run_kronika
from kronika.wordpress.tests.exports import (
    BLOCK_TEST_DATA,
    SEED,
    ImportTestCase,
    export,
    item,
    row_counts,
    run_import_command,
)

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss><channel><title>&lol3;</title></channel></rss>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss><channel><title>&secret;</title></channel></rss>
"""


class BrokenOrHostileExportsAreRefusedWithNothingWritten(ImportTestCase):
    def assertRefused(self, text: str, *phrases: str):
        before = row_counts()
        path = self.write(text)
        with self.assertRaises(CommandError) as refused:
            run_import_command(path)
        message = str(refused.exception)
        self.assertTrue(message.startswith("Nothing was imported: "), message)
        for phrase in phrases:
            self.assertIn(phrase, message)
        self.assertEqual(row_counts(), before)
        return message

    def truncated(self, text: str) -> str:
        # Cut inside the last item, as a download that stopped would.
        return text[: text.rindex("<item>") + 200]

    def test_a_truncated_seed_export_is_refused_naming_the_line(self):
        text = SEED.read_text(encoding="utf-8")
        cut = self.truncated(text)
        line = cut.count("\n") + 1
        self.assertRefused(cut, f"line {line}:", "the XML is broken")

    def test_a_truncated_block_test_data_export_is_refused(self):
        text = BLOCK_TEST_DATA.read_text(encoding="utf-8")
        self.assertRefused(self.truncated(text), "the XML is broken")

    def test_a_file_cut_after_its_first_items_writes_none_of_them(self):
        text = export(*(item(number, f"Story {number}") for number in range(1, 6)))
        self.assertRefused(text[: text.rindex("</item>")], "the XML is broken")

    def test_an_unknown_wxr_version_is_refused_naming_its_line(self):
        text = export(item(1, "Story"), version="1.3")
        line = text[: text.index("<wp:wxr_version>")].count("\n") + 1
        self.assertRefused(text, f"line {line}:", "WXR version '1.3'")

    def test_an_rss_feed_that_is_not_an_export_is_refused(self):
        feed = '<?xml version="1.0"?><rss><channel><title>Feed</title><item><title>A</title>'
        self.assertRefused(feed + "</item></channel></rss>", "not a WordPress export")

    def test_entity_expansion_and_external_entities_are_refused(self):
        for attack in (BILLION_LAUGHS, EXTERNAL_ENTITY):
            self.assertRefused(attack, "line 2:", "entities or a DTD")

    def test_a_missing_file_is_refused(self):
        with self.assertRaises(CommandError) as refused:
            run_import_command(self.folder / "nowhere.xml")
        self.assertIn("No such file", str(refused.exception))

    def test_the_command_line_gets_one_line_on_stderr_and_a_failing_exit(self):
        path = self.write(export(item(1, "Story"), version="0.9"))
        with tempfile.TemporaryDirectory() as data:
            result = run_kronika("import_wordpress", str(path), KRONIKA_DATA_DIR=data)
        self.assertNotEqual(result.returncode, 0)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)
        self.assertIn("WXR version '0.9'", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
