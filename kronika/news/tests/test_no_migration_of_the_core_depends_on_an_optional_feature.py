"""The apps always installed migrate without the optional features (KRONIKA_FEATURES).

A migration of base, news or any other app always installed that depended on
one of comments, ratings, telegram, newsletters, feeds, search or wordpress would stop
`kronika migrate` on a paper that leaves that feature out. Nor may a feature's
migration ask to run before one of theirs (run_before): on a paper that first
migrated without the feature, that migration of theirs is applied already, and
Django refuses to migrate the feature in later (InconsistentMigrationHistory).
"""

from unittest import skipUnless

from django.apps import apps
from django.db.migrations.loader import MigrationLoader
from django.test import SimpleTestCase

from kronika import features


def optional_labels() -> set[str]:
    return {
        config.label
        for config in apps.get_app_configs()
        if config.name.removeprefix("kronika.") in features.OPTIONAL
    }


class CoreMigrationTests(SimpleTestCase):
    def test_no_migration_of_an_app_always_installed_depends_on_an_optional_one(self):
        optional = optional_labels()
        migrations = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
        leaning = [
            (key, dependency)
            for key, migration in migrations.items()
            if key[0] not in optional
            for dependency in migration.dependencies
            if dependency[0] in optional
        ]
        self.assertEqual(leaning, [])

    @skipUnless(
        all(apps.is_installed(f"kronika.{name}") for name in features.OPTIONAL),
        "needs every feature's migrations",
    )
    def test_a_paper_migrated_without_the_features_can_migrate_them_in_later(self):
        graph = MigrationLoader(None, ignore_no_migrations=True).graph
        optional = optional_labels()
        migrated_without = {key for key in graph.nodes if key[0] not in optional}
        refused = [
            (key, parent.key)
            for key in migrated_without
            for parent in graph.node_map[key].parents
            if parent.key not in migrated_without
        ]
        self.assertEqual(refused, [])
