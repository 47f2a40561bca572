"""docs/newsroom.md's permission matrix is what the admin does, row by row, for each role.

Each row's check (newsroom_rights.CHECKS, by the row's name) is done by a
reporter, an editor and an administrator, and must succeed where the row
says yes and fail where it says no. A row without a check, or a check
without a row, fails; a row of a feature the paper lacks is skipped by name.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from kronika.security.tests.newsroom_rights import CHECKS, MATRIX_DOC, documented_rows
from kronika.testing import PASSWORD, KronikaTestCase


class ThePermissionMatrixInTheDocsHolds(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        User = get_user_model()
        cls.administrator = User.objects.create_superuser(
            "administrator", "administrator@example.org", PASSWORD
        )
        cls.colleague = User.objects.create_user(
            "colleague", "colleague@example.org", PASSWORD, is_staff=True
        )
        cls.colleague.groups.add(Group.objects.get(name="Reporters"))
        cls.rows = documented_rows(MATRIX_DOC.read_text())

    def test_every_row_has_a_check_and_every_check_a_row(self):
        self.assertEqual(
            sorted(set(self.rows) - set(CHECKS)), [], "rows of docs/newsroom.md without a check"
        )
        self.assertEqual(
            sorted(set(CHECKS) - set(self.rows)), [], "checks without a row in docs/newsroom.md"
        )

    def test_each_row_holds_for_each_role(self):
        users = {
            "Reporter": self.reporter,
            "Editor": self.editor,
            "Administrator": self.administrator,
        }
        checked = 0
        for what, may in self.rows.items():
            check = CHECKS.get(what)
            if check is None:
                continue  # the test above names it
            if check.feature and not apps.is_installed(f"kronika.{check.feature}"):
                continue
            for role, user in users.items():
                with self.subTest(what=what, role=role):
                    self.user = user
                    self.client.force_login(user)
                    could = check.does(self)
                    self.assertEqual(
                        could,
                        may[role],
                        f"{role}: {what!r} is {'possible' if could else 'refused'}",
                    )
                    checked += 1
        self.assertGreaterEqual(checked, 3 * 20)
