from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase

from kronika.email_settings import email_settings, sender
from kronika.testing_over_http import run_kronika

DATA = Path("/srv/kronika")


class ServerAddressTests(SimpleTestCase):
    def test_unset_mail_is_written_to_files_in_the_data_directory(self):
        self.assertEqual(
            email_settings("", DATA),
            {
                "KRONIKA_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "EMAIL_FILE_PATH": "/srv/kronika/mail",
            },
        )

    def test_smtp_requires_starttls_and_reads_encoded_credentials(self):
        found = email_settings("smtp://news%40paper.example:p%40ss%3Aword@mail.example.org", DATA)
        self.assertEqual(
            found["KRONIKA_EMAIL_BACKEND"], "django.core.mail.backends.smtp.EmailBackend"
        )
        self.assertEqual((found["EMAIL_HOST"], found["EMAIL_PORT"]), ("mail.example.org", 587))
        self.assertEqual(found["EMAIL_HOST_USER"], "news@paper.example")
        self.assertEqual(found["EMAIL_HOST_PASSWORD"], "p@ss:word")
        self.assertIs(found["EMAIL_USE_TLS"], True)
        self.assertIs(found["EMAIL_USE_SSL"], False)
        self.assertGreater(found["EMAIL_TIMEOUT"], 0)

    def test_smtps_speaks_tls_from_the_first_byte(self):
        found = email_settings("smtps://u:p@mail.example.org", DATA)
        self.assertEqual(found["EMAIL_PORT"], 465)
        self.assertEqual((found["EMAIL_USE_SSL"], found["EMAIL_USE_TLS"]), (True, False))

    def test_a_relay_on_this_machine_needs_no_starttls(self):
        for host in ("localhost", "127.0.0.1", "[::1]"):
            with self.subTest(host=host):
                found = email_settings(f"smtp://{host}:2525", DATA)
                self.assertEqual(found["EMAIL_PORT"], 2525)
                self.assertIs(found["EMAIL_USE_TLS"], False)

    def test_a_file_address_names_the_directory(self):
        found = email_settings("file:///var/spool/kronika%20mail", DATA)
        self.assertEqual(found["EMAIL_FILE_PATH"], "/var/spool/kronika mail")

    def test_anything_else_is_refused_without_showing_the_password(self):
        for url in (
            "http://mail.example.org",
            "smtp://",
            "smtp://user:secret-word@mail.example.org:99999",
            "file://relative/dir",
            "mail.example.org:587",
        ):
            with self.subTest(url=url), self.assertRaises(ImproperlyConfigured) as refused:
                email_settings(url, DATA)
            self.assertIn("KRONIKA_EMAIL_URL", str(refused.exception))
            self.assertNotIn("secret-word", str(refused.exception))


class SenderTests(SimpleTestCase):
    def test_by_default_the_site_s_name_at_its_host(self):
        self.assertEqual(
            sender("", "https://news.example.org", "Kronika"), "Kronika <noreply@news.example.org>"
        )
        self.assertEqual(
            sender("", "http://127.0.0.1:8000", "Kronika"),
            "Kronika <noreply@localhost.localdomain>",
        )

    def test_an_address_with_or_without_a_display_name(self):
        self.assertEqual(sender("news@example.org", "", "K"), "news@example.org")
        self.assertEqual(
            sender("Vilnius Daily <news@example.org>", "", "K"),
            "Vilnius Daily <news@example.org>",
        )

    def test_a_header_injection_or_a_non_address_is_refused(self):
        for value in ("news@example.org\nBcc: all@example.org", "not an address", "a@b@c"):
            with self.subTest(value=value), self.assertRaises(ImproperlyConfigured):
                sender(value, "", "K")


class StartUpTests(SimpleTestCase):
    def test_a_bad_address_stops_the_command_with_one_line(self):
        result = run_kronika("check", KRONIKA_EMAIL_URL="smtp://u:hunter2@")
        self.assertNotEqual(result.returncode, 0)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)
        self.assertIn("KRONIKA_EMAIL_URL", result.stderr)
        self.assertNotIn("hunter2", result.stderr)
