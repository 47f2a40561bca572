"""A backup that fills the disk part-way leaves no partial archive, and the archive it
was to replace stays as it was."""

from kronika.backups.tests.support import one_line_error
from kronika.base.tests.full_disk import tiny_tmpfs


def test_a_full_disk_leaves_the_old_archive_whole_and_nothing_else(source):
    # Room for the database dump, which is written first, but not for the archive too.
    database = source.data_dir / "kronika.sqlite3"
    room = (database.stat().st_size if database.exists() else 0) + 1024 * 1024
    with tiny_tmpfs(room // 1024) as disk:
        old = disk / "paper.tar"
        old.write_bytes(b"yesterday's archive")

        error = one_line_error(source.kronika("backup", str(old)))

        assert f"Cannot back up to {old}:" in error and "No space left on device" in error
        assert error.endswith("no archive was written.")
        assert [path.name for path in disk.iterdir()] == ["paper.tar"]
        assert old.read_bytes() == b"yesterday's archive"
