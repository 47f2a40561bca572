"""KRONIKA_FEATURES names the optional features to install; a mistake in it stops the start.

A misspelt feature, or WordPress without the comments its importer writes,
ends every `kronika` command with one line saying what to change, rather than
a paper running without what its administrator meant to switch on.
"""

import os
from unittest import mock

from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase

from kronika import features
from kronika.env import env_names
from kronika.testing_over_http import run_kronika


class FeatureListTests(SimpleTestCase):
    def read(self, value: str | None) -> list[str]:
        environment = {} if value is None else {"KRONIKA_FEATURES": value}
        with mock.patch.dict(os.environ, environment, clear=True):
            names = env_names("KRONIKA_FEATURES", features.OPTIONAL, list(features.OPTIONAL))
        return features.with_what_they_need("KRONIKA_FEATURES", names)

    def test_every_feature_is_installed_unless_some_are_named(self):
        self.assertEqual(self.read(None), list(features.OPTIONAL))
        self.assertEqual(self.read(" Feeds, search ,feeds"), ["feeds", "search"])
        self.assertEqual(self.read(""), [])

    def test_a_name_that_is_no_feature_is_refused_with_the_choices(self):
        with self.assertRaisesMessage(
            ImproperlyConfigured,
            "KRONIKA_FEATURES may name only comments, ratings, telegram, newsletters, feeds, "
            "search, wordpress; got 'coments'.",
        ):
            self.read("coments,feeds")

    def test_wordpress_needs_comments_but_not_telegram(self):
        with self.assertRaisesMessage(ImproperlyConfigured, "wordpress, which needs comments"):
            self.read("wordpress,telegram")
        self.assertEqual(self.read("comments,wordpress"), ["comments", "wordpress"])


class FeatureErrorAtStartTests(SimpleTestCase):
    def test_each_mistake_ends_the_command_with_one_line_saying_what_to_change(self):
        for value, message in (
            ("feeds,serch", "KRONIKA_FEATURES may name only"),
            ("wordpress", "add comments to it, or leave wordpress out"),
        ):
            with self.subTest(value):
                result = run_kronika("check", KRONIKA_FEATURES=value)
                self.assertNotEqual(result.returncode, 0)
                self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)
                self.assertIn(message, result.stderr)
