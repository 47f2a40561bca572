"""FILE.tar.gz gives a gzip-compressed archive, which restores like a plain one."""


def test_a_tar_gz_backup_is_compressed_and_restores_everything(source, empty_site, tmp_path):
    path = tmp_path / "paper.tar.gz"

    backed_up = source.kronika("backup", str(path))
    taken = source.contents()

    assert backed_up.returncode == 0, backed_up.stderr
    assert path.read_bytes()[:2] == b"\x1f\x8b"
    restored = empty_site.kronika("restore", str(path))
    assert restored.returncode == 0, restored.stderr
    assert empty_site.contents() == taken
