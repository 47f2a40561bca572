"""A URL nobody has decided about fails the suite, naming it.

The permission matrix has one entry per pattern name (or route, for a pattern
without one) of Django's resolver: a new view, from Kronika or from an app it
installs, is answered for no role until someone writes down who may get it.
"""

from collections import Counter

from django.http import HttpResponse
from django.test import SimpleTestCase, override_settings
from django.urls import include, path

from kronika import urls as kronika_urls
from kronika.security.tests.permission_matrix import MATRIX
from kronika.security.tests.support import url_patterns

# Kronika's URLs and two new ones, for the test that the matrix notices them.
urlpatterns = [
    *kronika_urls.urlpatterns,
    path("reports/", include(([path("leak/", HttpResponse, name="leak")], "new"))),
    path("unnamed/", HttpResponse),
]


def unlisted() -> list[str]:
    listed = {entry.key for entry in MATRIX}
    return [
        f"{pattern.key}  (/{pattern.route})"
        for pattern in url_patterns()
        if pattern.key not in listed
    ]


class EveryUrlPatternIsInThePermissionMatrix(SimpleTestCase):
    def test_every_pattern_of_the_resolver_has_an_entry(self):
        self.assertEqual(
            unlisted(), [], "Say who may get these in kronika/security/tests/permission_matrix.py"
        )

    def test_every_entry_is_for_a_pattern_that_exists(self):
        known = {pattern.key for pattern in url_patterns()}
        stale = [entry.key for entry in MATRIX if entry.key not in known]
        self.assertEqual(stale, [], "No URL pattern has these names any more")

    def test_no_pattern_has_two_entries(self):
        twice = [key for key, count in Counter(e.key for e in MATRIX).items() if count > 1]
        self.assertEqual(twice, [])

    @override_settings(ROOT_URLCONF=__name__)
    def test_a_new_pattern_is_named_by_its_full_name_or_its_route(self):
        self.assertEqual(unlisted(), ["new:leak  (/reports/leak/)", "unnamed/  (/unnamed/)"])

    def test_it_finds_patterns_inside_includes_and_namespaces(self):
        keys = {pattern.key for pattern in url_patterns()}
        for key in (
            "wagtailadmin_pages:edit",
            "wagtailadmin_api:pages:detail",
            "wagtailsnippetchoosers_comments_block:choose",
            "comments:post",
            "wagtail_serve",
            "admin/.*/$",
        ):
            self.assertTrue(key in keys, f"{key} was not found")
