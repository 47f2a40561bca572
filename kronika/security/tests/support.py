"""What the URL-wide security tests share: every URL, each with its arguments filled in.

- every URL pattern Django's resolver knows (`url_patterns`), and the address of
  one with its arguments filled in (`address`);
- the permission matrix's vocabulary: roles, entries (`Entry`), and the objects
  their arguments point at (`Target`), made by scoped_paper.targets_of;
- every address the matrix asks for (`requests_of`), what counts as a refusal,
  a CSRF token for a browser's session, and the database's fingerprint, to tell
  whether a request changed anything.
"""

import hashlib
import re
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RoutePattern

ANONYMOUS, READER, REPORTER, EDITOR, SUPERUSER = (
    "anonymous",
    "reader",
    "reporter",
    "editor",
    "superuser",
)
ROLES = (ANONYMOUS, READER, REPORTER, EDITOR, SUPERUSER)
NOBODY = frozenset()
EVERYONE = frozenset(ROLES)
STAFF = frozenset({REPORTER, EDITOR, SUPERUSER})
EDITORS = frozenset({EDITOR, SUPERUSER})
ONLY_SUPERUSER = frozenset({SUPERUSER})


# -- Every URL pattern ---------------------------------------------------------------


@dataclass(frozen=True)
class UrlPattern:
    """One pattern as the resolver has it: the full route and the name with namespaces."""

    name: str | None
    route: str
    keywords: tuple[str, ...]
    positional: int

    @property
    def key(self) -> str:
        """How the matrix knows it: its name, or its route when it has none."""
        return self.name or self.route


def _join(prefix: str, route: str) -> str:
    # As Django's resolver joins them, so that a resolved address names the same route.
    return prefix + route.removeprefix("^") if prefix else route


def _arguments(pattern) -> tuple[tuple[str, ...], int]:
    if isinstance(pattern, RoutePattern):
        return tuple(pattern.converters), 0
    regex = pattern.regex
    return tuple(regex.groupindex), regex.groups - len(regex.groupindex)


def url_patterns() -> list[UrlPattern]:
    """Every pattern of the project's URLconf, depth first, in the resolver's order."""

    def walk(resolver, prefix, namespaces, keywords, positional):
        for entry in resolver.url_patterns:
            names, count = _arguments(entry.pattern)
            route = _join(prefix, str(entry.pattern))
            if isinstance(entry, URLResolver):
                inner = (*namespaces, entry.namespace) if entry.namespace else namespaces
                yield from walk(entry, route, inner, keywords + names, positional + count)
            else:
                name = ":".join((*namespaces, entry.name)) if entry.name else None
                yield UrlPattern(name, route, keywords + names, positional + count)

    return list(walk(get_resolver(), "", (), (), 0))


def address(pattern: UrlPattern, values: dict, query: str = "") -> str:
    """The pattern's address with its arguments taken from `values`, by parameter name.

    Positional groups (in regex patterns without names) take values[0], values[1], …;
    a pattern without a name cannot be reversed, so values["address"] is its address.
    The address is resolved again, so that it is known to reach this very pattern.
    """
    if pattern.name is None:
        missing = [] if "address" in values else ["address"]
    else:
        missing = [key for key in pattern.keywords if key not in values]
        missing += [index for index in range(pattern.positional) if index not in values]
    if missing:
        raise LookupError(f"{pattern.key} ({pattern.route}) needs values for {missing}")
    if pattern.name is None:
        path = values["address"]
    elif pattern.positional:
        path = reverse(pattern.name, args=[values[i] for i in range(pattern.positional)])
    else:
        path = reverse(pattern.name, kwargs={key: values[key] for key in pattern.keywords})
    reached = resolve(path).route
    if reached != pattern.route:
        raise LookupError(f"{path} reaches {reached}, not {pattern.route}")
    return f"{path}?{query}" if query else path


# -- What the matrix says, and what its arguments point at ---------------------------


@dataclass
class Target:
    """An object (or a few related ones) a URL's arguments point at.

    `values` fills URL parameters by name; `query` is added to the address;
    `may` says, for each right a matrix entry can ask for, which roles hold it here.
    """

    name: str
    values: dict
    may: dict = field(default_factory=dict)
    query: str = ""


@dataclass(frozen=True)
class Entry:
    """What one named URL pattern (or an unnamed one, by route) answers whom.

    may:    the roles that may get what it shows, or the name of a right that
            each target grants (Target.may) for patterns that act on an object;
    on:     the targets whose values fill its arguments (none: it takes none);
    ok:     the statuses a role that may is answered with on GET;
    writes: whether its POST changes something: True for the roles that may, or
            (like `may`) the roles whose POST changes something where others are
            only shown a form. Every other role posts to it with a valid CSRF
            token, and the database must stay as it was;
    values: fixed arguments (an action's name, say);
    query:  added to its address, with {name} taken from the arguments' values;
    shows:  secret markers this page shows roles that may not see them elsewhere,
            with the reason in the matrix.
    """

    key: str
    may: frozenset | str
    on: tuple[str, ...] = ()
    ok: tuple[int, ...] = (200,)
    writes: bool | frozenset | str = False
    values: dict = field(default_factory=dict)
    query: str = ""
    shows: dict = field(default_factory=dict)

    def _roles(self, who, target: "Target | None") -> frozenset:
        if isinstance(who, str):
            if target is None or who not in target.may:
                raise LookupError(f"{self.key}: no target says who may {who!r}")
            return target.may[who]
        return who

    def roles_that_may(self, target: "Target | None") -> frozenset:
        return self._roles(self.may, target)

    def roles_that_write(self, target: "Target | None") -> frozenset | None:
        """Whose POST may change something; None when no POST changes anything."""
        if self.writes is False:
            return None
        return (
            self.roles_that_may(target)
            if self.writes is True
            else self._roles(self.writes, target)
        )


def rights(**rights) -> dict:
    """Target.may from right=roles keywords."""
    return {right: frozenset(roles) for right, roles in rights.items()}


# -- Requests and the database ---------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """One address of one pattern, as a matrix entry fills it in for one target."""

    entry: Entry
    pattern: UrlPattern
    target: Target | None
    url: str

    def roles_that_may(self) -> frozenset:
        return self.entry.roles_that_may(self.target)

    def roles_that_write(self) -> frozenset | None:
        return self.entry.roles_that_write(self.target)

    def __str__(self):
        about = f" on {self.target.name}" if self.target else ""
        return f"{self.entry.key}{about} ({self.url})"


def requests_of(matrix, targets: dict) -> list[Request]:
    """Every address the matrix asks for: each pattern of each entry, on each of its targets."""
    by_key = {}
    for pattern in url_patterns():
        by_key.setdefault(pattern.key, []).append(pattern)
    found = []
    for entry in matrix:
        for pattern in by_key.get(entry.key, ()):
            for target in [targets[name] for name in entry.on] or [None]:
                values = {**(target.values if target else {}), **entry.values}
                # Of two patterns under one name, a target fills the one it has values for.
                filled = all(key in values for key in pattern.keywords)
                if not filled and len(by_key[entry.key]) > 1:
                    continue
                named = {key: value for key, value in values.items() if isinstance(key, str)}
                queries = (entry.query.format_map(named), target.query if target else "")
                query = "&".join(q for q in queries if q)
                found.append(Request(entry, pattern, target, address(pattern, values, query)))
    return found


REFUSALS = (401, 403, 404, 405)


def refused(response) -> bool:
    """Whether the answer gives nothing away: an error, or a redirect.

    Wagtail sends a member of staff without the right to the admin's home page
    (or, in the explorer, to the part they may browse) and anyone else to sign in;
    what a redirect leads to is a URL of its own, which the matrix checks.
    """
    return response.status_code in REFUSALS or response.status_code in (301, 302, 303, 307)


def text_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


def csrf_token(client: Client) -> str:
    """A token valid for this client's session, taken from a form as a browser takes it."""
    response = client.get(reverse("wagtailadmin_password_reset"))
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text_of(response))
    if not found:
        raise AssertionError(f"no CSRF token in the password reset form ({response.status_code})")
    return found.group(1)


# Tables a request may change without changing anything anyone else sees or relies
# on: sessions (a visitor's own sign-in, and the admin's messages to them) and
# django-axes' records of sign-in attempts, which record requests by design.
UNWATCHED_TABLES = {
    "django_session",
    "axes_accessattempt",
    "axes_accesslog",
    "axes_accessfailurelog",
    "axes_accessattemptexpiration",
}


def fingerprint() -> dict[str, str]:
    """A digest of every row of every table but the unwatched ones, by table."""
    digests = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table in UNWATCHED_TABLES:
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows = sorted(repr(row) for row in cursor.fetchall())
            digests[table] = (
                f"{len(rows)} rows " + hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]
            )
    return digests


def changed_tables(before: dict, after: dict) -> list[str]:
    return [
        table
        for table in sorted(set(before) | set(after))
        if before.get(table) != after.get(table)
    ]
