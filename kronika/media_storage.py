"""Where uploaded media live: local disk, or an S3-compatible bucket (docs/storage.md).

Read once by the settings. Media stay on local disk unless KRONIKA_MEDIA_S3_BUCKET
is set; any other S3 variable without a bucket is a mistake and stops the start,
rather than leaving an editor's uploads on a disk nobody backs up.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from kronika.env import env_choice, env_str

S3_VARIABLES = (
    "KRONIKA_MEDIA_S3_ENDPOINT_URL",
    "KRONIKA_MEDIA_S3_REGION",
    "KRONIKA_MEDIA_S3_PREFIX",
    "KRONIKA_MEDIA_S3_ACL",
    "KRONIKA_MEDIA_S3_ADDRESSING_STYLE",
    "KRONIKA_MEDIA_S3_ACCESS_KEY_ID",
    "KRONIKA_MEDIA_S3_SECRET_ACCESS_KEY",
)
ADDRESSING_STYLES = ("auto", "path", "virtual")
# As long as deploy/nginx.conf lets local media be kept. An uploaded name is
# never used again (kronika/security/uploads.py), so no cache can show old bytes
# under a new picture's address; the lifetime is what bounds how long a picture
# the newsroom deleted, a face that must not be seen, say, stays in caches.
OBJECT_CACHE_CONTROL = "public, max-age=2592000"


def media_storage() -> dict:
    """The STORAGES["default"] entry: the bucket when one is named, else local disk."""
    public_url = env_str("KRONIKA_MEDIA_URL", "")
    if public_url:
        public_url = _checked_url("KRONIKA_MEDIA_URL", public_url, allow_path=True)
    bucket = env_str("KRONIKA_MEDIA_S3_BUCKET", "")
    if not bucket:
        for name in S3_VARIABLES:
            if env_str(name, ""):
                raise ImproperlyConfigured(
                    f"{name} is set but KRONIKA_MEDIA_S3_BUCKET is not: set the bucket to "
                    f"keep media in S3-compatible storage, or unset {name} to keep them on "
                    "local disk."
                )
        options = {"base_url": public_url.rstrip("/") + "/"} if public_url else {}
        return {"BACKEND": "kronika.base.storage.AtomicFileSystemStorage", "OPTIONS": options}
    if public_url.startswith("/"):
        raise ImproperlyConfigured(
            "KRONIKA_MEDIA_URL must be a full address such as https://media.example.com/ "
            f"when media are in S3-compatible storage, got {public_url!r}."
        )
    return {
        "BACKEND": "kronika.base.bucket_storage.BucketStorage",
        "OPTIONS": _s3_options(bucket, public_url),
    }


def media_s3_credentials() -> tuple[str | None, str | None]:
    """The access key pair, or (None, None) for the standard AWS environment or instance role.

    They become the AWS_S3_* settings rather than storage options because Wagtail
    hands a storage's options to its file-deletion task, which the task queue keeps
    in the database.
    """
    key_id = env_str("KRONIKA_MEDIA_S3_ACCESS_KEY_ID", "")
    secret = env_str("KRONIKA_MEDIA_S3_SECRET_ACCESS_KEY", "")
    if bool(key_id) != bool(secret):
        present, missing = (
            ("KRONIKA_MEDIA_S3_ACCESS_KEY_ID", "KRONIKA_MEDIA_S3_SECRET_ACCESS_KEY")
            if key_id
            else ("KRONIKA_MEDIA_S3_SECRET_ACCESS_KEY", "KRONIKA_MEDIA_S3_ACCESS_KEY_ID")
        )
        raise ImproperlyConfigured(f"{present} is set but {missing} is not: set both or neither.")
    return key_id or None, secret or None


def _s3_options(bucket: str, public_url: str) -> dict:
    endpoint = env_str("KRONIKA_MEDIA_S3_ENDPOINT_URL", "")
    if endpoint:
        endpoint = _checked_url("KRONIKA_MEDIA_S3_ENDPOINT_URL", endpoint).rstrip("/")
    region = env_str("KRONIKA_MEDIA_S3_REGION", "")
    # MinIO, Ceph and most S3-compatible servers answer only path-style requests
    # unless their DNS is set up for bucket subdomains.
    style = env_choice(
        "KRONIKA_MEDIA_S3_ADDRESSING_STYLE", ADDRESSING_STYLES, "path" if endpoint else "auto"
    )
    # Every address is built from this base without asking botocore, which costs
    # a quarter of a millisecond per picture on a page.
    parts = urlsplit(public_url or _bucket_address(bucket, endpoint, region, style))
    return {
        "bucket_name": bucket,
        "endpoint_url": endpoint or None,
        "region_name": region or None,
        "addressing_style": None if style == "auto" else style,
        "location": env_str("KRONIKA_MEDIA_S3_PREFIX", "").strip("/"),
        # Buckets made since 2023 refuse ACLs; public reading is the bucket
        # policy's or the CDN's business.
        "default_acl": env_str("KRONIKA_MEDIA_S3_ACL", "") or None,
        # Two pictures called photo.jpg must not overwrite each other.
        "file_overwrite": False,
        # Pages with media addresses are kept for an hour in the page cache and
        # for a day by CDNs; a signed address would expire inside them.
        "querystring_auth": False,
        "custom_domain": (parts.netloc + parts.path).rstrip("/"),
        "url_protocol": f"{parts.scheme}:",
        "object_parameters": {"CacheControl": OBJECT_CACHE_CONTROL},
    }


def _bucket_address(bucket: str, endpoint: str, region: str, style: str) -> str:
    """Where readers fetch the bucket's objects when no CDN or custom domain is in front."""
    if endpoint:
        parts = urlsplit(endpoint)
        scheme, host, path = parts.scheme, parts.netloc, parts.path
    else:
        scheme, path = "https", ""
        host = f"s3.{region}.amazonaws.com" if region else "s3.amazonaws.com"
    # A dotted bucket name cannot be a subdomain under the endpoint's TLS certificate.
    if style == "virtual" or (style == "auto" and "." not in bucket):
        return f"{scheme}://{bucket}.{host}{path}"
    return f"{scheme}://{host}{path}/{bucket}"


def _checked_url(name: str, value: str, *, allow_path: bool = False) -> str:
    if "@" in value:
        # Not repeated in the message: what precedes the @ may be a secret.
        raise ImproperlyConfigured(f"{name} must not contain a user name or password.")
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.netloc and not parts.query:
        return value
    if allow_path and value.startswith("/") and not parts.netloc:
        return value
    expected = "an http(s) address" + (" or a path starting with /" if allow_path else "")
    raise ImproperlyConfigured(f"{name} must be {expected}, got {value!r}.")


def media_origin(storage: dict) -> str | None:
    """The other host that pages show pictures from, or None when media are the site's own.

    The Content-Security-Policy lets images come from it and nowhere else.
    """
    options = storage.get("OPTIONS", {})
    if "custom_domain" in options:
        address = f"{options['url_protocol']}//{options['custom_domain']}"
    else:
        address = options.get("base_url", "")
    parts = urlsplit(address)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else None
