"""What several kinds of item share: fingerprints, aware times, valid email addresses."""

import hashlib
import json
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone


def fingerprint_for(*parts) -> str:
    """What an item was made from, in short: a later import compares it to see what changed."""
    return hashlib.sha256(json.dumps(parts, default=str, sort_keys=True).encode()).hexdigest()


def valid_email(email: str) -> bool:
    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


def aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment.astimezone(UTC)
