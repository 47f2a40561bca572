import os
from unittest import mock

from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase

from kronika.env import env_bool, env_int, env_list, env_str
from kronika.testing_over_http import run_kronika


class EnvironmentHelperTests(SimpleTestCase):
    def test_values_are_read_and_typed(self):
        with mock.patch.dict(
            os.environ, {"K_INT": "42", "K_BOOL": "yes", "K_LIST": "a, b,,c", "K_STR": " x "}
        ):
            self.assertEqual(env_int("K_INT"), 42)
            self.assertIs(env_bool("K_BOOL"), True)
            self.assertEqual(env_list("K_LIST"), ["a", "b", "c"])
            self.assertEqual(env_str("K_STR"), "x")

    def test_defaults_apply_only_when_unset(self):
        with mock.patch.dict(os.environ, {}, clear=True):
            self.assertEqual(env_int("K_INT", 7), 7)
            self.assertIs(env_bool("K_BOOL", False), False)

    def test_a_bad_value_fails_loudly_and_names_the_variable(self):
        cases = {
            "K_INT": lambda: env_int("K_INT"),
            "K_BOOL": lambda: env_bool("K_BOOL"),
        }
        with mock.patch.dict(os.environ, {"K_INT": "many", "K_BOOL": "perhaps"}):
            for name, read in cases.items():
                with self.subTest(name), self.assertRaisesMessage(ImproperlyConfigured, name):
                    read()

    def test_a_value_below_its_minimum_is_refused(self):
        with mock.patch.dict(os.environ, {"K_INT": "0"}), self.assertRaises(ImproperlyConfigured):
            env_int("K_INT", minimum=1)

    def test_a_required_variable_that_is_missing_is_refused(self):
        with mock.patch.dict(os.environ, {}, clear=True), self.assertRaises(ImproperlyConfigured):
            env_str("K_REQUIRED")


class CommandLineConfigurationErrorTests(SimpleTestCase):
    def test_a_bad_setting_ends_the_command_with_one_line_on_stderr(self):
        result = run_kronika("check", KRONIKA_PAGE_SIZE="twenty")
        self.assertNotEqual(result.returncode, 0)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)
        self.assertIn("KRONIKA_PAGE_SIZE", result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    def test_a_database_address_that_cannot_be_used_is_refused_without_repeating_it(self):
        for url in (
            "",
            "nonsense",
            "mysql://kronika:s3cret-pass@db/kronika",
            "postgres://u:s3cret-pass@h:port/db",
        ):
            with self.subTest(url=url):
                result = run_kronika("check", DATABASE_URL=url)
                self.assertNotEqual(result.returncode, 0)
                self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)
                self.assertIn(
                    "DATABASE_URL must be a sqlite:///path or postgres://", result.stderr
                )
                self.assertNotIn("s3cret-pass", result.stderr)
