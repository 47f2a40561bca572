"""A restore into a site that has content is refused unless --force is given; forced, it
makes the site what the backup was, leaving alone only files the backup never knew."""

import hashlib

from kronika.backups.tests.paper import ANNUAL_REPORT
from kronika.backups.tests.support import one_line_error


def test_a_restore_refuses_a_site_with_content_and_replaces_it_when_forced(archive, empty_site):
    assert empty_site.kronika("restore", str(archive.path)).returncode == 0
    # The site moves on after the backup: a changed row, deleted rows, a new upload,
    # and a file whose bytes changed under the same name.
    users, comments = empty_site.table("auth_user"), empty_site.table("comments_comment")
    empty_site.execute(f"UPDATE {users} SET email = 'moved@example.org' WHERE username = 'reader'")  # noqa: S608
    empty_site.execute(f"DELETE FROM {comments} WHERE parent_id IS NOT NULL")  # noqa: S608
    upload = empty_site.media_dir / "original_images" / "since-the-backup.jpg"
    upload.write_bytes(b"a picture uploaded after the backup")
    (empty_site.media_dir / ANNUAL_REPORT).write_bytes(b"a later draft")
    before = empty_site.contents()

    refused = empty_site.kronika("restore", str(archive.path))

    error = one_line_error(refused)
    assert "the database holds data" in error
    assert "pass --force" in error and "nothing was changed" in error
    assert empty_site.contents() == before

    forced = empty_site.kronika("restore", "--force", str(archive.path))

    assert forced.returncode == 0, forced.stderr
    after = empty_site.contents()
    assert after.rows == archive.contents.rows
    assert after.secret_key == archive.contents.secret_key
    assert after.media == {
        **archive.contents.media,
        "original_images/since-the-backup.jpg": hashlib.sha256(upload.read_bytes()).hexdigest(),
    }


def test_media_files_alone_make_a_site_with_content(archive, empty_site):
    upload = empty_site.media_dir / "documents" / "notes.txt"
    upload.parent.mkdir(parents=True)
    upload.write_text("Written before anyone thought of restoring here.")

    error = one_line_error(empty_site.kronika("restore", str(archive.path)))

    assert "the media storage holds 1 file;" in error and "pass --force" in error
    assert "the database holds data" not in error
    assert empty_site.tables() == []
    assert [path.name for path in empty_site.media_dir.rglob("*") if path.is_file()] == [
        "notes.txt"
    ]
