"""KRONIKA_LANGUAGES (issue 23): codes Django knows, the first the default, at least one.

A misspelt or unknown code stops every command with one line naming it,
rather than serving a paper whose addresses no language can match.
"""

import os
from unittest import mock

from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase

from kronika.env import env_languages
from kronika.testing_over_http import run_kronika


class LanguagesSettingTests(SimpleTestCase):
    def test_codes_are_read_in_order_lowercased_and_once_each(self):
        with mock.patch.dict(os.environ, {"K_LANGS": "en, LT,ru,lt"}):
            self.assertEqual(env_languages("K_LANGS"), ["en", "lt", "ru"])

    def test_the_default_applies_when_unset(self):
        with mock.patch.dict(os.environ, {}, clear=True):
            self.assertEqual(env_languages("K_LANGS", ["en"]), ["en"])

    def test_an_unknown_code_or_none_at_all_is_refused(self):
        for value, message in (("en,xx", "'xx'"), (" , ", "at least one language")):
            with (
                self.subTest(value),
                mock.patch.dict(os.environ, {"K_LANGS": value}),
                self.assertRaisesMessage(ImproperlyConfigured, message),
            ):
                env_languages("K_LANGS")

    def test_a_bad_code_ends_the_command_with_one_line_on_stderr(self):
        result = run_kronika("check", KRONIKA_LANGUAGES="en,english")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)
        self.assertIn("KRONIKA_LANGUAGES", result.stderr)
        self.assertIn("'english'", result.stderr)
