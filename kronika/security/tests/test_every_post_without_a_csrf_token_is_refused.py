"""Every URL refuses a POST without a CSRF token, whoever sends it and however it is encoded.

The browser of a victim holds the CSRF cookie; a forged form cannot carry the
token. Every address of the permission matrix gets such a POST from an
anonymous visitor, a signed-in reader and the superuser, as each of the three
encodings an HTML form can use, and answers 403 without touching the database.
"""

import time

from kronika.security.tests.permission_matrix import MATRIX
from kronika.security.tests.scoped_paper import ScopedPaper
from kronika.security.tests.support import (
    ANONYMOUS,
    READER,
    SUPERUSER,
    changed_tables,
    csrf_token,
    fingerprint,
    requests_of,
    text_of,
)

FORMS = {
    "application/x-www-form-urlencoded": "title=Forged&action-publish=1",
    "multipart/form-data; boundary=forgery": (
        "--forgery\r\n"
        'Content-Disposition: form-data; name="title"\r\n\r\n'
        "Forged\r\n--forgery--\r\n"
    ),
    "text/plain": "title=Forged",
}
# Django's refusal (Kronika's page), and the admin API's.
CSRF_REFUSALS = ("This form could not be verified", "CSRF Failed")
# The csrf_exempt parts of Kronika's URLs: Wagtail's admin API, and the API of
# wagtail-localize's translation editor, both built on Django REST framework,
# which checks the token itself once it knows who is asking.
# Anonymous visitors and readers are sent to sign in before that. For staff, its
# check reads the body first, so a text/plain body gets 415 instead of 403; either
# way no view code runs.
ADMIN_API = {
    "wagtailadmin_api:pages:listing",
    "wagtailadmin_api:pages:detail",
    "wagtailadmin_api:pages:find",
    "wagtailadmin_api:pages:action",
    "wagtailadmin_api:documents:listing",
    "wagtailadmin_api:documents:detail",
    "wagtailadmin_api:documents:find",
    "wagtailadmin_api:images:listing",
    "wagtailadmin_api:images:detail",
    "wagtailadmin_api:images:find",
    "wagtail_localize:edit_string_translation",
    "wagtail_localize:edit_override",
    "wagtail_localize:snippets_api_listing",
    "wagtail_localize:snippets_api_detail",
}


def refused_for_its_token(role, request, content_type, response) -> bool:
    if request.entry.key in ADMIN_API:
        if role in (ANONYMOUS, READER):
            return response.status_code == 302 and "/admin/login/" in response["Location"]
        if content_type == "text/plain":
            return response.status_code == 415
    text = text_of(response)
    return response.status_code == 403 and any(refusal in text for refusal in CSRF_REFUSALS)


class EveryPostWithoutACsrfTokenIsRefused(ScopedPaper):
    def test_every_address_answers_403_to_a_post_without_a_token(self):
        started = time.monotonic()
        requests = requests_of(MATRIX, self.targets)
        problems = []
        posts = 0
        browsers = {}
        for role in (ANONYMOUS, READER, SUPERUSER):
            browsers[role] = self.client_for(role, enforce_csrf_checks=True)
            csrf_token(browsers[role])  # sets the cookie a victim's browser holds
        before = fingerprint()
        for role, browser in browsers.items():
            for request in requests:
                for content_type, body in FORMS.items():
                    response = browser.post(request.url, body, content_type=content_type)
                    posts += 1
                    if not refused_for_its_token(role, request, content_type, response):
                        status = response.status_code
                        problems.append(f"{role:9} {request} ({content_type}): {status}")
        after = fingerprint()
        print(
            f"\n{posts} POSTs to {len(requests)} addresses in {time.monotonic() - started:.0f} s"
        )
        if problems:
            self.fail(f"{len(problems)} not refused for their CSRF token:\n" + "\n".join(problems))
        self.assertEqual(changed_tables(before, after), [])
