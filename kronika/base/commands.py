"""What Kronika's management commands share: the paths they are given, the time a run
took, and the rule that a failure the person running the command can act on reaches them as one
line on stderr and a non-zero exit, never a traceback.

Django's command runner prints a CommandError as `CommandError: <message>` and exits
with status 1; any other exception escapes as a traceback. So each command names the
errors it expects and what to say about them, and `stopping_on` turns them into one.
"""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import CommandError


def given_path(typed: str) -> Path:
    """A path named on the command line, with `~` expanded and made absolute against
    the current folder, so that a later change of folder cannot move it."""
    return Path(typed).expanduser().absolute()


@contextmanager
def stopping_on(*errors: type[Exception], saying: Callable[[Exception], str]) -> Iterator[None]:
    """Stop the command with the one line `saying(error)` when one of `errors` is raised.

    `from None`: the chained error's traceback (a database driver's, say) would only
    repeat the message over many lines. The message is folded onto one line too, as
    a database server's message may carry a DETAIL or HINT line.
    """
    try:
        yield
    except errors as error:
        raise CommandError(" ".join(saying(error).split())) from None


class Stopwatch:
    """Started when made; shows the time since then as the commands report it, `12.3 s`."""

    def __init__(self):
        self.started = time.monotonic()

    def __str__(self) -> str:
        return f"{time.monotonic() - self.started:.1f} s"
