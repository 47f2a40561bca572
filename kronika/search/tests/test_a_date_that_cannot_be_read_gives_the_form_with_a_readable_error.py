"""A publication date the search cannot read gets the form back with a message, never a 500.

The date inputs send year-month-day, but an address may carry anything, and a
browser without date inputs sends what the reader typed. Such a date is left
out of the search and named in a message saying how to write it. The first
and last days a date can hold, moved to UTC, overflowed into a 500.
"""

from bs4 import BeautifulSoup

from kronika.testing import KronikaTestCase, body, publish_article


class ADateThatCannotBeReadGivesTheFormWithAReadableError(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.story = publish_article(
            cls.news, "Zeppelin hangar", body=body("A hangar."), when=cls.days_ago(3)
        )

    def search(self, **dates) -> BeautifulSoup:
        response = self.client.get("/search/", {"q": "zeppelin", **dates})
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content, "html.parser")

    def test_an_unreadable_date_is_named_with_how_to_write_it_and_left_out_of_the_search(self):
        for typed in ("31/12/2026", "2026-13-01", "2026-02-30", "yesterday", "<b>", "9" * 500):
            with self.subTest(typed=typed[:20]):
                soup = self.search(**{"from": typed})
                error = soup.select_one(".search-errors #search-from-error").get_text()
                self.assertIn("Published from:", error)
                self.assertIn(typed[:30], error)
                self.assertIn("year-month-day, such as 2026-12-04", error)
                date_input = soup.select_one("input#search-from")
                self.assertEqual(date_input["aria-invalid"], "true")
                self.assertEqual(date_input["aria-describedby"], "search-from-error")
                self.assertEqual(soup.select_one(".search-results a").text, "Zeppelin hangar")

    def test_an_unreadable_end_date_is_named_as_the_end(self):
        soup = self.search(to="12/04/2026")
        self.assertIn("Published to:", soup.select_one("#search-to-error").get_text())
        self.assertIsNone(soup.select_one("#search-from-error"))

    def test_day_month_year_with_dots_is_read(self):
        since = self.days_ago(5).date()
        soup = self.search(**{"from": since.strftime("%d.%m.%Y")})
        self.assertIsNone(soup.select_one(".search-errors"))
        self.assertEqual(soup.select_one("input#search-from")["value"], since.isoformat())

    def test_the_first_and_last_days_a_date_can_hold_give_a_page(self):
        for dates in (
            {"from": "0001-01-01"},
            {"to": "0001-01-01"},
            {"from": "9999-12-31"},
            {"to": "9999-12-31"},
        ):
            for zone in ("UTC", "Europe/Vilnius", "America/New_York"):
                with self.subTest(**dates, zone=zone), self.settings(TIME_ZONE=zone):
                    soup = self.search(**dates)
                    self.assertIsNone(soup.select_one(".search-errors"))

    def test_dates_the_wrong_way_round_are_searched_between_and_said_so(self):
        soup = self.search(**{"from": self.days_ago(1).date(), "to": self.days_ago(5).date()})
        self.assertIn("the other way round", soup.select_one(".search-note").get_text())
        self.assertEqual(soup.select_one(".search-results a").text, "Zeppelin hangar")

    def test_the_date_fields_are_date_inputs_labelled_with_what_they_filter(self):
        soup = self.search()
        for name, label in (("from", "Published from"), ("to", "Published to")):
            date_input = soup.select_one(f"input[name={name}]")
            self.assertEqual(date_input["type"], "date")
            self.assertEqual(soup.select_one(f"label[for={date_input['id']}]").text, label)
