"""No GET changes anything: every address of the permission matrix, for every role.

A GET can be made to happen by anyone: a link, an image tag on another site, a
prefetching browser. Each one here is followed by a digest of every row of every
table (support.fingerprint), which must be as it was, but for what a GET may
leave behind by design, listed below with the reason.
"""

import time

from kronika.security.tests.permission_matrix import MATRIX
from kronika.security.tests.scoped_paper import ScopedPaper
from kronika.security.tests.support import (
    ROLES,
    changed_tables,
    fingerprint,
    requests_of,
)

# Resized copies of pictures, made the first time a page shows a picture at a size:
# a cache of what the originals already hold.
DERIVED = {"base_kronikarendition"}
# Opening an editor records, for its user alone, that they have it open (Wagtail
# tells others editing the same thing) and, for a page, that they follow its comments.
EDITING = {"wagtailadmin_editingsession", "wagtailcore_pagesubscription"}
# wagtail-2fa keeps the secret its QR code shows in a new, unconfirmed device,
# made when the form is shown; no sign-in accepts a code from it until a code
# confirms it, and setting up another replaces it.
MADE_BY_SHOWING = {
    "wagtailadmin_pages:edit": EDITING,
    "wagtailadmin_pages:revisions_revert": EDITING,
    "wagtailsnippets_news_author:edit": EDITING,
    "wagtailsnippets_comments_comment:edit": EDITING,
    "wagtailsnippets_comments_block:edit": EDITING,
    "wagtailsnippets_telegram_channel:edit": EDITING,
    "wagtailsnippets_newsletters_newsletter:edit": EDITING,
    "wagtail_2fa_device_new": {"otp_totp_totpdevice"},
}


class NoGetRequestChangesState(ScopedPaper):
    def test_no_get_changes_a_row_of_any_table(self):
        started = time.monotonic()
        requests = requests_of(MATRIX, self.targets)
        problems = []
        before = fingerprint()
        for request in requests:
            may_change = DERIVED | MADE_BY_SHOWING.get(request.entry.key, set())
            for role in ROLES:
                self.clients[role].get(request.url)
                after = fingerprint()
                changed = set(changed_tables(before, after)) - may_change
                if changed:
                    problems.append(f"{role:9} {request}: changed {sorted(changed)}")
                before = after
        print(
            f"\n{len(requests) * len(ROLES)} GETs of {len(requests)} addresses "
            f"in {time.monotonic() - started:.0f} s"
        )
        if problems:
            self.fail(f"{len(problems)} GETs changed the database:\n" + "\n".join(problems))
