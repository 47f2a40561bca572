"""`stopping_on` turns the errors a command expects into the one line Django prints on
stderr before exiting with status 1, and lets any other error through as the bug it is."""

from django.core.management.base import CommandError
from django.test import SimpleTestCase

from kronika.base.commands import stopping_on


def cannot_go_on(error: Exception) -> str:
    return f"Cannot go on: {error}."


class CommandsStopOnExpectedErrorsWithOneLine(SimpleTestCase):
    def test_an_expected_error_becomes_the_line_it_is_said_in(self):
        with (
            self.assertRaises(CommandError) as stopped,
            stopping_on(KeyError, OSError, saying=cannot_go_on),
        ):
            raise OSError("the disk is full")
        self.assertEqual(str(stopped.exception), "Cannot go on: the disk is full.")

    def test_no_traceback_of_the_error_is_chained_to_it(self):
        with self.assertRaises(CommandError) as stopped, stopping_on(ValueError, saying=str):
            raise ValueError("bad input")
        self.assertTrue(stopped.exception.__suppress_context__)
        self.assertIsNone(stopped.exception.__cause__)

    def test_a_message_of_several_lines_is_folded_onto_one(self):
        server_says = "duplicate key value\nDETAIL:  Key (slug)=(storm) already exists.\n"
        with self.assertRaises(CommandError) as stopped, stopping_on(RuntimeError, saying=str):
            raise RuntimeError(server_says)
        self.assertEqual(
            str(stopped.exception),
            "duplicate key value DETAIL: Key (slug)=(storm) already exists.",
        )

    def test_an_unexpected_error_is_left_alone(self):
        with self.assertRaises(LookupError), stopping_on(OSError, saying=cannot_go_on):
            raise LookupError("a bug, to be seen with its traceback")
