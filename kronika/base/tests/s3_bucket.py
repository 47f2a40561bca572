"""What the S3 tests share: moto's S3 server on loopback standing in for MinIO or
AWS, a fresh bucket on it, and the bucket policy docs/storage.md tells operators to set.
"""

import json
import re
import uuid
from pathlib import Path

import boto3
from moto.server import ThreadedMotoServer

from kronika.testing_over_http import free_port

STORAGE_DOC = Path(__file__).resolve().parents[3] / "docs" / "storage.md"
DOCUMENTED_BUCKET = "paper-media"
KEY_ID = "AKIDKRONIKATEST"
SECRET = "kronika-test-secret-access-key"


def start_s3_server() -> tuple[ThreadedMotoServer, str]:
    """moto's S3 server, started, and its endpoint."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    return server, f"http://{host}:{port}"


def new_bucket(endpoint: str):
    """A boto3 client with the tests' keys, and the name of a bucket it has just made."""
    bucket = f"paper-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=KEY_ID,
        aws_secret_access_key=SECRET,
    )
    client.create_bucket(Bucket=bucket)
    return client, bucket


def documented_read_policy(bucket: str = DOCUMENTED_BUCKET) -> dict:
    """The bucket policy docs/storage.md gives for readers: its JSON block granting "*"."""
    blocks = re.findall(r"```json\n(.*?)```", STORAGE_DOC.read_text(), re.DOTALL)
    policies = [json.loads(block) for block in blocks]
    [policy] = [
        policy
        for policy in policies
        if any(statement.get("Principal") == "*" for statement in policy["Statement"])
    ]
    return json.loads(json.dumps(policy).replace(f":::{DOCUMENTED_BUCKET}/", f":::{bucket}/"))
