"""The apps always installed migrate without the optional features (KRONIKA_FEATURES).

A migration of base, news or any other app always installed that depended on
one of comments, ratings, telegram, feeds, search or wordpress would stop
`kronika migrate` on a paper that leaves that feature out. The other way round
is fine: a feature's migration may ask to run before one of the core's
(run_before, as the features' settings do before base drops its old columns),
and without the feature that ordering simply is not there.
"""

from django.apps import apps
from django.db.migrations.loader import MigrationLoader
from django.test import SimpleTestCase

from kronika import features


class CoreMigrationTests(SimpleTestCase):
    def test_no_migration_of_an_app_always_installed_depends_on_an_optional_one(self):
        optional = {
            config.label
            for config in apps.get_app_configs()
            if config.name.removeprefix("kronika.") in features.OPTIONAL
        }
        migrations = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
        leaning = [
            (key, dependency)
            for key, migration in migrations.items()
            if key[0] not in optional
            for dependency in migration.dependencies
            if dependency[0] in optional
        ]
        self.assertEqual(leaning, [])
