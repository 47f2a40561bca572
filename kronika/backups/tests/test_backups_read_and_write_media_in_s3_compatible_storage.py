"""Media in an S3-compatible bucket go through the same storage API as local ones: a
restore writes every file into the bucket, and a backup reads them all back out of it.
moto's S3 server on loopback stands in for the bucket."""

import hashlib
import uuid

import boto3
import pytest
from moto.server import ThreadedMotoServer

from kronika.backups.tests.support import manifest_of
from kronika.testing import free_port

KEY_ID = "AKIDKRONIKABACKUPS"
SECRET = "kronika-backups-test-secret"


@pytest.fixture
def bucket():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    name = f"paper-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=KEY_ID,
        aws_secret_access_key=SECRET,
    )
    client.create_bucket(Bucket=name)
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
