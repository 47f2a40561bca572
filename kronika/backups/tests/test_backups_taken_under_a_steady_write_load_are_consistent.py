"""The issue's acceptance test: 30 backups taken a second apart while another process
keeps committing comments, ratings, pictures and articles are each sound and each a
single moment of the site, and the last one restores to exactly what it lists."""

from kronika.backups.tests.support import media_checksums, sound_manifest

BACKUPS = 30


def test_30_backups_under_a_steady_write_load_are_sound_and_the_last_restores_exactly(
    source, empty_site, tmp_path
):
    comments, ratings = source.table("comments_comment"), source.table("ratings_rating")
    counts = source.row_counts()
    # The writer adds a comment and a rating in each transaction, so in any single
    # moment of the site their difference is what it is now.
    difference = counts[comments] - counts[ratings]
    ready, stop = tmp_path / "ready", tmp_path / "stop"
    archives = tmp_path / "archives"
    archives.mkdir()

    writer = source.start("write_steadily", str(ready), str(stop), log=tmp_path / "writer.log")
    try:
        output = source.call(
            "back_up_every_second", str(archives), BACKUPS, str(ready), timeout=300
        )
    finally:
        stop.touch()
        writer.wait(timeout=60)
    assert writer.returncode == 0, (tmp_path / "writer.log").read_text()[-3000:]
    transactions = int((tmp_path / "writer.log").read_text().split()[-1])
    assert output.count("Backed up ") == BACKUPS

    manifests = [sound_manifest(path, tmp_path) for path in sorted(archives.glob("*.tar"))]
    assert len(manifests) == BACKUPS
    tables = [manifest["database"]["tables"] for manifest in manifests]
    assert [table[comments] - table[ratings] for table in tables] == [difference] * BACKUPS
    # The site really was being written to all along.
    seen = [table[comments] for table in tables]
    assert seen == sorted(seen)
    assert len(set(seen)) > BACKUPS * 2 // 3, seen
    assert transactions > BACKUPS

    last = manifests[-1]
    result = empty_site.kronika("restore", str(sorted(archives.glob("*.tar"))[-1]))
    assert result.returncode == 0, result.stderr
    assert empty_site.row_counts() == last["database"]["tables"]
    media = {
        name.removeprefix("media/"): entry["sha256"]
        for name, entry in last["members"].items()
        if name.startswith("media/")
    }
    assert media_checksums(empty_site.media_dir) == media
    # Every file a row of the snapshot names was captured.
    named = empty_site.execute(f"SELECT file FROM {empty_site.table('base_kronikaimage')}")  # noqa: S608
    assert named and {name for (name,) in named} <= media.keys()
