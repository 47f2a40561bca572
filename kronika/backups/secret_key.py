"""The secret key generated in the data directory, which a backup carries along.

Sessions, signed cookies (readers' votes) and readers' fingerprints (blocked
commenters, flood limits) are keyed by the secret key, so a site restored with
another key logs everyone out and forgets whom it blocked. A key set in
KRONIKA_SECRET_KEY belongs to the site's configuration and stays out of backups.
"""

import hashlib
import hmac

from django.conf import settings

from kronika.base.storage import replace_file

# The file kronika.settings generates when KRONIKA_SECRET_KEY is unset.
FILE_NAME = "secret_key"


def generated() -> bytes | None:
    """The data directory's key file, when the site runs on it rather than a configured key."""
    try:
        data = (settings.DATA_DIR / FILE_NAME).read_bytes()
    except FileNotFoundError:
        return None
    return data if data.decode(errors="replace").strip() == settings.SECRET_KEY else None


def key_id(key: str) -> str:
    """Tells two keys apart without revealing either."""
    return hmac.new(key.encode(), b"kronika backup key id", hashlib.sha256).hexdigest()[:16]


def install(data: bytes) -> None:
    """Replace the data directory's key file, atomically and readable by its owner only."""
    replace_file(settings.DATA_DIR / FILE_NAME, data)
