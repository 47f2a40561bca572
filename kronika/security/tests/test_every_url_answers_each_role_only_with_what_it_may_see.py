"""Every URL, for every role, on objects inside and outside that role's scope.

A role the matrix allows gets the page; any other role is refused. No answer to
any role contains a secret planted in something that role may not see. Every
role that may not change something posts to it with a valid CSRF token, and the
database is left exactly as it was.
"""

import time

from kronika.security.tests.permission_matrix import MATRIX
from kronika.security.tests.scoped_paper import ScopedPaper
from kronika.security.tests.support import (
    ROLES,
    changed_tables,
    csrf_token,
    fingerprint,
    refused,
    requests_of,
    text_of,
    url_patterns,
)

CSRF_REFUSAL = "This form could not be verified"


class EveryUrlAnswersEachRoleOnlyWithWhatItMaySee(ScopedPaper):
    def setUp(self):
        super().setUp()
        self.requests = requests_of(MATRIX, self.targets)
        self.problems = []
        self.exceptions_seen = set()

    def problem(self, role, request, what):
        self.problems.append(f"{role:9} {request}: {what}")

    def judge(self, role, request, response, method="GET"):
        """What is wrong with this answer to this role, if anything."""
        status = response.status_code
        where = f" to {response['Location']}" if response.has_header("Location") else ""
        if status >= 500 and response.exc_info:
            where += f" ({response.exc_info[1]!r})"
        text = text_of(response)
        if CSRF_REFUSAL in text:
            self.problem(role, request, f"{method} was refused for its CSRF token, not its role")
        elif role in request.roles_that_may():
            if method == "GET" and status not in request.entry.ok:
                self.problem(role, request, f"may, but got {status}{where}")
        elif not refused(response):
            self.problem(role, request, f"may not, but {method} got {status}{where}")
        shown_here = request.entry.shows
        for marker in self.forbidden_markers(role):
            if marker not in text:
                continue
            if role in shown_here.get(marker, ()):
                self.exceptions_seen.add((request.entry.key, marker, role))
            else:
                self.problem(role, request, f"{method} shows {marker}")

    def test_every_role_gets_only_what_it_may_and_changes_nothing_it_may_not(self):
        started = time.monotonic()
        posts = gets = 0
        tokens = {role: csrf_token(self.clients[role]) for role in ROLES}
        before = fingerprint()
        # POSTs first: one that slipped through could leave a session able to see
        # more, and the GETs below would show it.
        for request in self.requests:
            writers = request.roles_that_write()
            if writers is None:
                continue
            for role in ROLES:
                if role in writers:
                    continue
                response = self.clients[role].post(
                    request.url,
                    f"csrfmiddlewaretoken={tokens[role]}",
                    content_type="application/x-www-form-urlencoded",
                )
                posts += 1
                self.judge(role, request, response, "POST")
                after = fingerprint()
                if after != before:
                    self.problem(role, request, f"POST changed {changed_tables(before, after)}")
                    before = after
        for request in self.requests:
            for role in ROLES:
                self.judge(role, request, self.clients[role].get(request.url))
                gets += 1
        requested = {request.pattern for request in self.requests}
        for pattern in url_patterns():
            if pattern not in requested:
                self.problems.append(f"{pattern.key} (/{pattern.route}) was never requested")
        # An excuse the matrix no longer needs is taken out of it.
        unused = [
            (entry.key, marker, role)
            for entry in MATRIX
            for marker, roles in entry.shows.items()
            for role in roles
            if (entry.key, marker, role) not in self.exceptions_seen
        ]
        for key, marker, role in sorted(unused):
            self.problems.append(f"{role:9} {key}: shows {marker} no more")
        seconds = time.monotonic() - started
        print(
            f"\n{len(self.requests)} addresses of {len(MATRIX)} entries: "
            f"{gets} GETs and {posts} POSTs in {seconds:.0f} s"
        )
        if self.problems:
            self.fail(f"{len(self.problems)} problems:\n" + "\n".join(self.problems))
