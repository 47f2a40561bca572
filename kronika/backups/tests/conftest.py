"""The paper the backup tests back up, built once, and empty sites to restore into."""

import tempfile
from pathlib import Path

import pytest

from kronika.backups.tests.support import Archive, Site, empty_database
from kronika.scratch import scratch_database


@pytest.fixture(scope="session")
def source():
    """A paper in a data directory of its own (and a scratch database on PostgreSQL runs)."""
    with scratch_database() as database, tempfile.TemporaryDirectory() as data_dir:
        site = Site(Path(data_dir), database.get("DATABASE_URL"))
        site.call("build", timeout=300)
        yield site


@pytest.fixture(scope="session")
def archive(source, tmp_path_factory) -> Archive:
    """A backup of the source paper, and everything the paper held when it was taken."""
    path = tmp_path_factory.mktemp("archives") / "paper.tar"
    result = source.kronika("backup", str(path))
    assert result.returncode == 0, result.stderr
    return Archive(path, source.contents())


@pytest.fixture
def empty_site():
    """A site with nothing in it yet: an empty data directory (and an empty database)."""
    with empty_database() as database_url, tempfile.TemporaryDirectory() as data_dir:
        yield Site(Path(data_dir), database_url)
