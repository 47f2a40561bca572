"""A backup restored into an empty site gives back every row, every media file and the key."""

from kronika.backups.tests.paper import ANNUAL_REPORT, FIRST_MESSAGE_ID


def test_a_restore_into_an_empty_site_gives_back_everything_the_backup_held(archive, empty_site):
    result = empty_site.kronika("restore", str(archive.path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Restored "), result.stdout

    before, after = archive.contents, empty_site.contents()
    table = empty_site.table
    # What the issue names, present in the backup and not merely equal.
    for name in (
        "wagtailcore_page",
        "wagtailcore_revision",
        "comments_comment",
        "ratings_rating",
        "telegram_post",
        "auth_user",
        "base_kronikaimage",
        "wagtaildocs_document",
    ):
        assert before.rows[table(name)], f"the paper has no rows in {name}"
    assert after.rows.keys() == before.rows.keys()
    differing = [name for name in before.rows if after.rows[name] != before.rows[name]]
    assert differing == [], f"these tables came back different: {differing}"

    message_ids = empty_site.execute(f"SELECT message_id FROM {table('telegram_post')}")  # noqa: S608
    assert sorted(message_ids) == [(FIRST_MESSAGE_ID + number,) for number in range(5)]
    # Pictures, a rendition, a 2 MB document and a file name that is not ASCII.
    assert any(name.startswith("images/") for name in before.media)
    assert ANNUAL_REPORT in before.media
    assert any(not name.isascii() for name in before.media)
    assert after.media == before.media
    # Sessions, signed cookies and readers' fingerprints depend on the generated key.
    assert before.secret_key and after.secret_key == before.secret_key
