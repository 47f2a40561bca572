"""A site configured with KRONIKA_SECRET_KEY keeps its key when a backup of a site that
ran on a generated one is restored into it, and is told what that means."""


def test_a_configured_secret_key_is_kept_and_the_difference_explained(archive, empty_site):
    empty_site.settings["KRONIKA_SECRET_KEY"] = "a-configured-key-" + "x" * 40

    result = empty_site.kronika("restore", str(archive.path))

    assert result.returncode == 0, result.stderr
    assert "secret key is not the backed-up site's" in result.stdout
    assert "KRONIKA_SECRET_KEY" in result.stdout
    assert not (empty_site.data_dir / "secret_key").exists()
    assert empty_site.contents().rows == archive.contents.rows
