"""A damaged or incomplete archive, or a file that is no archive at all, is refused
before the site is touched, even with --force, with one line saying what is wrong."""

import shutil

import pytest

from kronika.backups.tests.paper import ANNUAL_REPORT
from kronika.backups.tests.support import (
    Site,
    empty_database,
    manifest_of,
    member_span,
    one_line_error,
    rewrite,
)


def flip_a_byte_of_the_database_dump(archive, damaged):
    dump = manifest_of(archive.path)["database"]["member"]
    start, size = member_span(archive.path, dump)
    flip(damaged, start + size // 2)


def flip_a_digit_in_the_manifest(archive, damaged):
    """The manifest stays valid JSON; only its own checksum can tell."""
    start, size = member_span(archive.path, "manifest.json")
    data = damaged.read_bytes()
    digit = data.index(b'"created_at": "', start, start + size) + len(b'"created_at": "')
    other = b"3" if data[digit : digit + 1] != b"3" else b"4"
    damaged.write_bytes(data[:digit] + other + data[digit + 1 :])


def cut_it_short(archive, damaged):
    start, size = member_span(archive.path, f"media/{ANNUAL_REPORT}")
    with open(damaged, "r+b") as file:
        file.truncate(start + size // 2)


def leave_out_the_manifest(archive, damaged):
    rewrite(archive.path, damaged, drop=("manifest.json",))


def replace_it_with_text(archive, damaged):
    damaged.write_text("These are not the backups you are looking for.\n" * 100)


def misstate_a_row_count(archive, damaged):
    """A manifest sealed again, as a bug could: on PostgreSQL only the restore finds out."""

    def one_comment_more(manifest):
        tables = manifest["database"]["tables"]
        name = next(name for name in tables if name.endswith("comments_comment"))
        tables[name] += 1

    rewrite(archive.path, damaged, change=one_comment_more)


def flip(path, offset):
    with open(path, "r+b") as file:
        file.seek(offset)
        byte = file.read(1)
        file.seek(offset)
        file.write(bytes([byte[0] ^ 0xFF]))


DAMAGE = {
    "a flipped byte in the database dump": (
        flip_a_byte_of_the_database_dump,
        "does not match its checksum",
    ),
    "a changed digit in the manifest": (
        flip_a_digit_in_the_manifest,
        "its manifest does not match its own checksum",
    ),
    "an archive cut short": (cut_it_short, "it ends early"),
    "no manifest": (leave_out_the_manifest, "it has no manifest"),
    "not a tar archive": (replace_it_with_text, "it is not a tar archive"),
    "a misstated row count": (misstate_a_row_count, "comments_comment holds"),
}


@pytest.fixture(scope="module")
def site_with_content(archive, tmp_path_factory):
    """A site restored from the archive, which a successful forced restore would replace."""
    with empty_database() as database_url:
        site = Site(tmp_path_factory.mktemp("site"), database_url)
        result = site.kronika("restore", str(archive.path))
        assert result.returncode == 0, result.stderr
        # A change the backup does not have: a forced restore would undo it.
        site.execute(
            f"UPDATE {site.table('auth_user')} SET email = 'moved@example.org' "  # noqa: S608
            "WHERE username = 'reader'"
        )
        yield site


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_restore_refuses_a_corrupt_archive_and_changes_nothing(
    damage, archive, site_with_content, tmp_path
):
    damage_archive, complaint = DAMAGE[damage]
    damaged = tmp_path / "damaged.tar"
    shutil.copyfile(archive.path, damaged)
    damage_archive(archive, damaged)
    before = site_with_content.contents()

    result = site_with_content.kronika("restore", "--force", str(damaged))

    error = one_line_error(result)
    assert str(damaged) in error
    assert complaint in error
    assert site_with_content.contents() == before
