"""Sign-in timing tells nothing about which accounts exist: the median times of a wrong
password for a real account and of a password for a made-up one differ by less than
10 ms over 200 tries each.

The hasher is Django's PBKDF2 with fewer rounds than in production, about 40 ms of
processor time a hash instead of 260: a path that skipped hashing for unknown accounts
would still stand out by four times the margin, while the machine's jitter, which grows
with the length of a request, stays well inside it. Processor time is printed beside the
wall-clock time the assertion is about.
"""

import statistics
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.test import override_settings

from kronika.accounts.tests.support import sign_in
from kronika.testing import KronikaTestCase

TRIES = 200
WRONG = "a wrong guess at the password"


class FewerRoundsPBKDF2(PBKDF2PasswordHasher):
    iterations = 150_000


# PBKDF2 rather than the suite's MD5; the throttle's limits out of reach, since every
# try here fails.
@override_settings(
    PASSWORD_HASHERS=[f"{__name__}.FewerRoundsPBKDF2"],
    AXES_FAILURE_LIMIT=10 * TRIES,
    KRONIKA_LOGIN_CLIENT_FAILURE_LIMIT=10 * TRIES,
)
class SignInTimingTests(KronikaTestCase):
    def test_median_times_differ_by_less_than_10_ms(self):
        staff = get_user_model().objects.create_user(
            "correspondent", "correspondent@example.org", "the correspondent's own passphrase"
        )
        self.assertTrue(staff.password.startswith("pbkdf2_sha256$"))
        work = {"known": [], "unknown": []}
        wall = {"known": [], "unknown": []}

        def attempt(kind):
            username = "correspondent" if kind == "known" else "no-such-correspondent"
            started, started_work = time.perf_counter(), time.thread_time()
            response = sign_in(self.client, username, WRONG)
            work[kind].append(time.thread_time() - started_work)
            wall[kind].append(time.perf_counter() - started)
            self.assertEqual(response.status_code, 200)

        for kind in ("known", "unknown"):  # warm up both paths, and forget it
            attempt(kind)
            work[kind].clear()
            wall[kind].clear()
        for number in range(TRIES):
            # Alternating which goes first cancels any drift in the machine's speed.
            for kind in ("known", "unknown") if number % 2 else ("unknown", "known"):
                attempt(kind)

        def medians(times):
            return [statistics.median(times[kind]) * 1000 for kind in ("known", "unknown")]

        known, unknown = medians(wall)
        print(
            f"\nmedian sign-in over {TRIES} tries each, known account vs unknown: "
            f"wall clock {known:.1f} vs {unknown:.1f} ms, "
            "processor {:.1f} vs {:.1f} ms".format(*medians(work))
        )
        self.assertLess(abs(known - unknown), 10)
