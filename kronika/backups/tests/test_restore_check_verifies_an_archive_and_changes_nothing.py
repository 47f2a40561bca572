"""`kronika restore --check` verifies an archive as a restore would, and changes nothing."""

import shutil

from kronika.backups.tests.paper import ANNUAL_REPORT
from kronika.backups.tests.support import member_span, one_line_error


def test_check_passes_a_sound_archive_without_restoring_it(archive, empty_site):
    result = empty_site.kronika("restore", "--check", str(archive.path))

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{archive.path} is sound: the ")
    assert "media files" in result.stdout and "the secret key" in result.stdout
    assert empty_site.tables() == []
    assert not empty_site.media_dir.exists()


def test_check_finds_a_damaged_media_file(archive, empty_site, tmp_path):
    damaged = tmp_path / "damaged.tar"
    shutil.copyfile(archive.path, damaged)
    start, _ = member_span(damaged, f"media/{ANNUAL_REPORT}")
    with open(damaged, "r+b") as file:
        file.seek(start + 1000)
        file.write(b"\x00\x01")

    error = one_line_error(empty_site.kronika("restore", "--check", str(damaged)))

    assert f"media/{ANNUAL_REPORT} does not match its checksum" in error
