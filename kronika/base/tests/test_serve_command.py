import socket

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import SimpleTestCase, override_settings

from kronika.testing_over_http import run_kronika


class ServeCommandTests(SimpleTestCase):
    @override_settings(DEBUG=True)
    def test_it_refuses_to_serve_in_debug_mode(self):
        with self.assertRaisesMessage(CommandError, "debug"):
            call_command("serve", "--port", "8999")

    def test_it_refuses_a_port_that_is_not_a_port(self):
        for bad in ("0", "70000", "http"):
            with self.subTest(port=bad), self.assertRaises(CommandError):
                call_command("serve", "--port", bad)

    def test_it_refuses_a_port_that_is_already_taken(self):
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = taken.getsockname()[1]
            with self.assertRaisesMessage(CommandError, f"Cannot serve on 127.0.0.1:{port}"):
                call_command("serve", "--port", str(port))

    def test_it_refuses_a_number_of_workers_below_one(self):
        for bad in ("0", "-2", "many"):
            with self.subTest(workers=bad), self.assertRaises(CommandError):
                call_command("serve", "--workers", bad)

    def test_a_bad_port_in_the_environment_is_one_line_on_stderr(self):
        result = run_kronika("serve", PORT="eighty")
        self.assertNotEqual(result.returncode, 0)
        self.assertNotIn("Traceback", result.stderr)
        self.assertIn("--port", result.stderr)
