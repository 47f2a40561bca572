"""Media in an S3-compatible bucket go through the same storage API as local ones: a
restore writes every file into the bucket, and a backup reads them all back out of it.
moto's S3 server on loopback stands in for the bucket."""

import hashlib

import pytest

from kronika.backups.tests.support import manifest_of
from kronika.base.tests.s3_bucket import KEY_ID, SECRET, new_bucket, start_s3_server


@pytest.fixture
def bucket():
    server, endpoint = start_s3_server()
    client, name = new_bucket(endpoint)
    settings = {
        "KRONIKA_MEDIA_S3_BUCKET": name,
        "KRONIKA_MEDIA_S3_ENDPOINT_URL": endpoint,
        "KRONIKA_MEDIA_S3_REGION": "us-east-1",
        "KRONIKA_MEDIA_S3_ACCESS_KEY_ID": KEY_ID,
        "KRONIKA_MEDIA_S3_SECRET_ACCESS_KEY": SECRET,
    }
    try:
        yield client, name, settings
    finally:
        server.stop()


def objects(client, name) -> dict[str, str]:
    keys = [
        item["Key"]
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=name)
        for item in page.get("Contents", [])
    ]
    return {
        key: hashlib.sha256(client.get_object(Bucket=name, Key=key)["Body"].read()).hexdigest()
        for key in keys
    }


def media_of(manifest) -> dict[str, str]:
    return {
        name.removeprefix("media/"): entry["sha256"]
        for name, entry in manifest["members"].items()
        if name.startswith("media/")
    }


def test_a_restore_fills_the_bucket_and_a_backup_reads_it_back(
    archive, empty_site, bucket, tmp_path
):
    client, name, settings = bucket
    empty_site.settings.update(settings)

    restored = empty_site.kronika("restore", str(archive.path))

    assert restored.returncode == 0, restored.stderr
    assert objects(client, name) == archive.contents.media
    assert not empty_site.media_dir.exists()

    again = tmp_path / "from-the-bucket.tar"
    backed_up = empty_site.kronika("backup", str(again))

    assert backed_up.returncode == 0, backed_up.stderr
    assert media_of(manifest_of(again)) == archive.contents.media
