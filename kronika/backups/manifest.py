"""The manifest, an archive's last member: what the archive holds, with the size and
SHA-256 of every other member, the row count of every table of the database snapshot,
and a SHA-256 of the manifest itself, since tar checks only its own headers."""

import hashlib
import json
import re
from pathlib import PurePosixPath

from kronika.backups.errors import CorruptArchive

FORMAT = "kronika-backup"
VERSION = 1
MANIFEST = "manifest.json"
SECRET_KEY = "secret_key"  # noqa: S105 - a member name, not a key
MEDIA = "media/"
DATABASE_MEMBERS = {"sqlite": "database/kronika.sqlite3", "postgresql": "database/kronika.pgdump"}
SHA256 = re.compile(r"[0-9a-f]{64}")


def _canonical(manifest: dict) -> bytes:
    return json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def seal(manifest: dict) -> bytes:
    """The manifest as written: indented JSON with the checksum of its own content."""
    sealed = {**manifest, "manifest_sha256": hashlib.sha256(_canonical(manifest)).hexdigest()}
    return json.dumps(sealed, sort_keys=True, indent=2, ensure_ascii=False).encode() + b"\n"


def unseal(data: bytes) -> dict:
    try:
        manifest = json.loads(data)
    except ValueError:
        raise CorruptArchive("it is damaged: its manifest is not valid JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise CorruptArchive("it is not a Kronika backup: its manifest is not one")
    claimed = manifest.pop("manifest_sha256", None)
    if claimed != hashlib.sha256(_canonical(manifest)).hexdigest():
        raise CorruptArchive("it is damaged: its manifest does not match its own checksum")
    if manifest.get("version") != VERSION:
        raise CorruptArchive(
            f"it was written in backup format {manifest.get('version')!r} by a newer Kronika; "
            f"this one reads format {VERSION}"
        )
    problem = _malformation(manifest)
    if problem:
        raise CorruptArchive(f"its manifest is malformed: {problem}")
    return manifest


def _malformation(manifest: dict) -> str | None:
    """What is wrong with a manifest whose checksum is right: only a bug or a forgery."""
    database = manifest.get("database")
    members = manifest.get("members")
    if not isinstance(database, dict) or not isinstance(members, dict):
        return "it lacks the database or the members"
    vendor = database.get("vendor")
    if vendor not in DATABASE_MEMBERS or database.get("member") != DATABASE_MEMBERS[vendor]:
        return f"it names an unknown database, {vendor!r}"
    if DATABASE_MEMBERS[vendor] not in members:
        return "it lists no database dump"
    tables = database.get("tables")
    if not isinstance(tables, dict) or not all(
        isinstance(count, int) and count >= 0 for count in tables.values()
    ):
        return "its row counts are not counts"
    for name, entry in members.items():
        if not _member_name(name, vendor):
            return f"it lists a member with an unsafe name, {name!r}"
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("size"), int)
            and isinstance(entry.get("sha256"), str)
            and SHA256.fullmatch(entry["sha256"])
        ):
            return f"its entry for {name} has no size and checksum"
    if not isinstance(manifest.get("secret_key_id"), str):
        return "it has no secret key id"
    return None


def _member_name(name: str, vendor: str) -> bool:
    if name in (DATABASE_MEMBERS[vendor], SECRET_KEY):
        return True
    if not name.startswith(MEDIA):
        return False
    path = PurePosixPath(name[len(MEDIA) :])
    return (
        not path.is_absolute()
        and "\\" not in name
        and all(part not in ("", ".", "..") for part in path.parts)
        and str(path) == name[len(MEDIA) :]
    )


def counted(number: int, noun: str) -> str:
    """ "1 file", "2,000 files"."""
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


def row_count_difference(found: dict[str, int], listed: dict[str, int]) -> str | None:
    """The first table whose rows differ from the manifest's count, in words."""
    for name in sorted(found.keys() | listed.keys()):
        if name not in found:
            return f"{name} is missing"
        if name not in listed:
            return f"{name} is not in its manifest"
        if found[name] != listed[name]:
            return f"{name} holds {found[name]} rows, its manifest says {listed[name]}"
    return None


def contents(manifest: dict) -> str:
    """What an archive holds, in a phrase: the database, the media, the key."""
    tables = manifest["database"]["tables"]
    media = [entry for name, entry in manifest["members"].items() if name.startswith(MEDIA)]
    megabytes = sum(entry["size"] for entry in media) / 1_000_000
    parts = [
        f"the {manifest['database']['vendor']} database ({counted(len(tables), 'table')}, "
        f"{counted(sum(tables.values()), 'row')})",
        f"{counted(len(media), 'media file')} ({megabytes:,.1f} MB)",
    ]
    if SECRET_KEY in manifest["members"]:
        parts.append("the secret key")
    return ", ".join(parts[:-1]) + " and " + parts[-1]
