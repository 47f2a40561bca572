"""Sign-in throttling: django-axes' database handler, made exact under concurrency.

Axes checks whether an account or client is locked before the password is
checked, and records the failure after. Sign-ins sent at the same moment all
pass the check before any failure is recorded: against `kronika serve`, 24
wrong passwords sent together for one account got 16 or 17 of them checked
with a limit of 5, on SQLite and on PostgreSQL alike. Here the check and the
count happen together, before the password is checked, while the account and
the client are held (SQLite's write lock, or PostgreSQL advisory locks): each
attempt takes one of the remaining places, or is refused. An attempt whose
password turns out right gives its place back, with the account's earlier
failures from the same address (its owner's typing); failures from elsewhere
keep counting.

An account is locked after AXES_FAILURE_LIMIT failures from anywhere, a client
address after KRONIKA_LOGIN_CLIENT_FAILURE_LIMIT failures across accounts, each
until AXES_COOLOFF_TIME has passed since its last failure. Attempts refused
while locked are not counted: they never reached a password.
"""

import hashlib
from dataclasses import dataclass

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.db import connections, router, transaction
from django.db.models import F, Q, Sum

from kronika.accounts import events
from kronika.base.readers import client_ip

# The first key of the advisory locks taken while an attempt is counted.
LOGIN_LOCKS = 0x4C47


def client_address(request) -> str | None:
    """The client's address as the rest of Kronika sees it (KRONIKA_TRUSTED_PROXIES).

    None when it cannot be read, so that such clients share one count instead
    of escaping it (an empty string would never match itself in the database).
    """
    return client_ip(request) or None


@dataclass(frozen=True)
class Place:
    """An attempt's place in its account's and its client's counts."""

    account: int
    client: int


class AtomicLoginThrottle(AxesDatabaseHandler):
    """Axes' database handler, counting each attempt before its password is checked."""

    def limits(self) -> dict[str, int]:
        return {
            "username": settings.AXES_FAILURE_LIMIT,
            "ip_address": settings.KRONIKA_LOGIN_CLIENT_FAILURE_LIMIT,
        }

    def take_place(self, request, credentials: dict) -> Place | None:
        """Count this attempt as a failure unless its account or client is locked.

        None means refused. The caller gives the place back if the password is right.
        """
        if self.is_blacklisted(request, credentials):
            return None
        if self.is_whitelisted(request, credentials):
            return Place(0, 0)
        username = get_client_username(request, credentials)
        address = request.axes_ip_address
        using = router.db_for_write(AccessAttempt)
        self._forget_expired(using, request)
        with transaction.atomic(using=using):
            self._take_turns(using, username, address)
            if self._is_locked(request, credentials):
                return None
            self._count_failure(request, username, address)
            return Place(
                account=self._failures(Q(username=username), request),
                client=self._failures(Q(ip_address=address), request),
            )

    def give_place_back(self, request, credentials: dict) -> None:
        """The password was right: forget this account's failures from this address.

        Its failures from other addresses stay: they may be an attack on it, and
        each also counts against the client that made it.
        """
        username = get_client_username(request, credentials)
        address = request.axes_ip_address
        using = router.db_for_write(AccessAttempt)
        with transaction.atomic(using=using):
            self._take_turns(using, username, address)
            AccessAttempt.objects.filter(username=username, ip_address=address).delete()

    def locks(self, place: Place) -> list[str]:
        """What this failure locked: the account, the client, both or neither."""
        limits = self.limits()
        locked = []
        if place.account >= limits["username"]:
            locked.append("account")
        if place.client >= limits["ip_address"]:
            locked.append("client")
        return locked

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        if request is None:
            return
        username = get_client_username(request, credentials)
        place = getattr(request, "kronika_login_place", None)
        if place is None:
            events.log(
                "login_refused",
                request,
                username,
                reason="locked",
                failures=self.get_failures(request, credentials),
            )
            return
        events.log(
            "login_failed",
            request,
            username,
            account_failures=place.account,
            client_failures=place.client,
        )
        locked = self.locks(place)
        if locked:
            events.log("lockout", request, username, locked="+".join(locked))
            request.axes_locked_out = True
            request.axes_credentials = credentials

    def user_logged_in(self, sender, request, user, **kwargs):
        events.log("login", request, user.get_username())

    def user_logged_out(self, sender, request, user, **kwargs):
        events.log("logout", request, user.get_username() if user else None)

    def get_failures(self, request, credentials: dict | None = None) -> int:
        username = get_client_username(request, credentials)
        return max(
            self._failures(Q(username=username), request),
            self._failures(Q(ip_address=request.axes_ip_address), request),
        )

    def is_locked(self, request, credentials: dict | None = None) -> bool:
        return self._is_locked(request, credentials)

    def _is_locked(self, request, credentials) -> bool:
        if not settings.AXES_LOCK_OUT_AT_FAILURE:
            return False
        limits = self.limits()
        parameters = get_lockout_parameters(request, credentials)
        for parameter, attempts in zip(
            parameters, self.get_user_attempts(request, credentials), strict=True
        ):
            # A combined parameter (["username", "ip_address"]) counts like an account.
            limit = (
                limits.get(parameter, limits["username"])
                if isinstance(parameter, str)
                else limits["username"]
            )
            if (attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0) >= limit:
                return True
        return False

    def _failures(self, which: Q, request) -> int:
        recent = AccessAttempt.objects.filter(which, attempt_time__gte=self._threshold(request))
        return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0

    def _threshold(self, request):
        return request.axes_attempt_time - get_cool_off(request)

    def _count_failure(self, request, username, address) -> None:
        """One more failure on this account, client and browser's row."""
        attempt = (
            AccessAttempt.objects.select_for_update()
            .filter(username=username, ip_address=address, user_agent=request.axes_user_agent)
            .first()
        )
        if attempt is None:
            AccessAttempt.objects.create(
                username=username,
                ip_address=address,
                user_agent=request.axes_user_agent,
                http_accept=request.axes_http_accept,
                path_info=request.axes_path_info,
                get_data="",
                post_data="",
                failures_since_start=1,
                attempt_time=request.axes_attempt_time,
            )
            return
        # A row whose cool-off has passed starts counting again.
        expired = attempt.attempt_time < self._threshold(request)
        AccessAttempt.objects.filter(pk=attempt.pk).update(
            failures_since_start=1 if expired else F("failures_since_start") + 1,
            attempt_time=request.axes_attempt_time,
            http_accept=request.axes_http_accept,
            path_info=request.axes_path_info,
        )

    def _forget_expired(self, using: str, request) -> None:
        """Delete rows whose cool-off has passed, skipping any another attempt holds.

        In a transaction of its own that never waits, so it cannot deadlock
        with attempts that hold their account and client.
        """
        with transaction.atomic(using=using):
            expired = list(
                AccessAttempt.objects.filter(attempt_time__lt=self._threshold(request))
                .select_for_update(skip_locked=True)
                .values_list("pk", flat=True)[:500]
            )
            if expired:
                AccessAttempt.objects.filter(pk__in=expired).delete()

    @staticmethod
    def _take_turns(using: str, username: str | None, address: str | None) -> None:
        """Hold the account and the client until the transaction ends.

        SQLite runs write transactions one at a time already (they begin
        IMMEDIATE). On PostgreSQL both locks are taken in one order, so two
        attempts holding one each can never wait for each other.
        """
        connection = connections[using]
        if connection.vendor != "postgresql":
            return
        keys = sorted({_lock_key(f"account:{username}"), _lock_key(f"client:{address}")})
        with connection.cursor() as cursor:
            for key in keys:
                cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOGIN_LOCKS, key])


def _lock_key(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big", signed=True)
