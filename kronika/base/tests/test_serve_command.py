from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import SimpleTestCase, override_settings


class ServeCommandTests(SimpleTestCase):
    @override_settings(DEBUG=True)
    def test_it_refuses_to_serve_in_debug_mode(self):
        with self.assertRaisesMessage(CommandError, "debug"):
            call_command("serve", "--port", "8999")

    def test_it_refuses_a_port_that_is_not_a_port(self):
        for bad in ("0", "70000", "http"):
            with self.subTest(port=bad), self.assertRaises(CommandError):
                call_command("serve", "--port", bad)
