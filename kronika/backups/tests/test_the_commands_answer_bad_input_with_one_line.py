"""`kronika backup` and `kronika restore` refuse what they cannot do with one line on
stderr and a non-zero exit, and leave no file behind."""

from urllib.parse import urlsplit, urlunsplit

from kronika.backups.tests.support import (
    Site,
    manifest_of,
    one_line_error,
    postgres_url,
    rewrite,
)

MEMBERS = {"sqlite": "database/kronika.sqlite3", "postgresql": "database/kronika.pgdump"}


def test_a_backup_into_a_missing_directory(empty_site, tmp_path):
    target = tmp_path / "nowhere" / "paper.tar"
    error = one_line_error(empty_site.kronika("backup", str(target)))
    assert f"Cannot back up to {target}: the directory {target.parent} does not exist" in error


def test_a_backup_to_a_file_name_that_is_not_an_archive(empty_site, tmp_path):
    target = tmp_path / "paper.zip"
    error = one_line_error(empty_site.kronika("backup", str(target)))
    assert "must end in .tar, .tar.gz or .tgz" in error
    assert list(tmp_path.iterdir()) == []


def test_a_backup_of_a_site_without_a_database(tmp_path):
    """An empty data directory on SQLite, a database that does not exist on PostgreSQL."""
    url = postgres_url()
    if url:
        missing = urlunsplit(urlsplit(url)._replace(path="/kronika_backup_no_such_database"))
        complaint = 'database "kronika_backup_no_such_database" does not exist'
    else:
        missing = None
        complaint = f"there is no database at {tmp_path / 'data' / 'kronika.sqlite3'}"
    target = tmp_path / "paper.tar"

    error = one_line_error(Site(tmp_path / "data", missing).kronika("backup", str(target)))

    assert f"Cannot back up to {target}:" in error and "; no archive was written." in error
    assert complaint in error
    assert [path.name for path in tmp_path.iterdir()] == ["data"]


def test_a_restore_of_a_file_that_is_not_there(empty_site, tmp_path):
    missing = tmp_path / "paper.tar"
    error = one_line_error(empty_site.kronika("restore", str(missing)))
    assert f"Cannot restore {missing}: there is no such file; nothing was changed." in error


def test_a_restore_of_a_backup_of_another_kind_of_database(archive, empty_site, tmp_path):
    ours = manifest_of(archive.path)["database"]["vendor"]
    other = next(vendor for vendor in MEMBERS if vendor != ours)
    foreign = tmp_path / "foreign.tar"

    def from_the_other_database(manifest):
        manifest["database"].update(vendor=other, member=MEMBERS[other])

    renamed = {MEMBERS[ours]: MEMBERS[other]}
    rewrite(archive.path, foreign, rename=renamed, change=from_the_other_database)
    error = one_line_error(empty_site.kronika("restore", str(foreign)))
    assert f"it holds a {other} database and this site runs on {ours}" in error
    assert empty_site.tables() == []
    assert not empty_site.media_dir.exists() or not any(empty_site.media_dir.iterdir())
