import json
import tempfile
from pathlib import Path
from unittest import TestCase

from bench.results import Results


class GoalTableTests(TestCase):
    def test_a_bound_reached_exactly_is_met_and_one_missed_is_not(self):
        results = Results("sqlite")
        results.at_most("search_p95", 50, "ms", 50)
        results.at_most("uncached_article_render_p50", 6.01, "ms", 6)
        results.at_least("crawl_rps", 250, "req/s", 250)
        results.at_least("uncached_served_rps", 299.9, "req/s", 300)
        met = {goal["name"]: goal["met"] for goal in results.goals}
        self.assertEqual(
            met,
            {
                "search_p95": True,
                "uncached_article_render_p50": False,
                "crawl_rps": True,
                "uncached_served_rps": False,
            },
        )
        self.assertFalse(results.passed)
        table = results.table()
        self.assertRegex(table, r"met +search_p95 +50 ms +goal <= 50")
        self.assertRegex(table, r"NOT MET +uncached_served_rps +299.9 req/s +goal >= 300")
        self.assertIn("2 of 4 goals met", table)

    def test_a_regression_fails_the_run_even_when_every_goal_is_met(self):
        results = Results("sqlite")
        results.at_most("search_p95", 12, "ms", 50)
        self.assertTrue(results.passed)
        results.regression("search regression: GET /search/?q=maal+cla stopped")
        self.assertFalse(results.passed)
        listed = "Regressions (1)\n  search regression: GET /search/?q=maal+cla"
        self.assertIn(listed, results.table())

    def test_the_json_keeps_the_goal_names_and_records_the_vendor(self):
        results = Results("postgresql")
        results.at_most("queries_per_article", 9, "queries", 8)
        with tempfile.TemporaryDirectory() as out:
            written = json.loads(results.write(Path(out)).read_text())
            kept = json.loads((Path(out) / "latest-postgresql.json").read_text())
        expected = {
            "name": "queries_per_article",
            "value": 9,
            "unit": "queries",
            "goal": "<= 8",
            "met": False,
            "vendor": "postgresql",
        }
        self.assertEqual(written, [expected])
        self.assertEqual(kept, written)
