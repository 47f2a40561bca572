"""The interface's message catalogues (kronika/locale): extracted, checked and compiled.

`make messages` brings every catalogue up to date with the strings marked in
the code and templates (Django's makemessages, then compiled), and the suite
fails (kronika/base/tests/test_every_interface_string_is_translated.py) when
a catalogue lacks a string, keeps one no longer used, leaves one untranslated
or fuzzy, or its compiled .mo differs from it. Adding a language is one more
catalogue: `python -m kronika.catalogues add lv`.

Strings are extracted from a copy of the package, so that checking never
writes into the working tree. The newsroom's own templates are left out (the
admin's, and the staff's sign-in and two-factor pages): they rearrange
Wagtail's and wagtail_2fa's, whose strings those translate, and editors read
the admin in the language they choose for themselves.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

PACKAGE = Path(__file__).resolve().parent
LOCALE = PACKAGE / "locale"
IGNORED = [
    "*/tests/*",
    "*/migrations/*",
    "*/wagtailadmin/*",
    "*/wagtailimages/*",
    "*/wagtaildocs/*",
    "*/wagtailsnippets/*",
    "*/wagtail_2fa/*",
    "*/accounts/*",
    "*/bulk_actions/*",
]


def languages() -> list[str]:
    """The languages with a catalogue."""
    return sorted(path.name for path in LOCALE.iterdir() if (path / "LC_MESSAGES").is_dir())


def catalogue(language: str, root: Path = PACKAGE) -> Path:
    return root / "locale" / language / "LC_MESSAGES" / "django.po"


def extracted(languages_: list[str]) -> dict[str, polib.POFile]:
    """The catalogues as makemessages leaves them from the strings marked today.

    Run in a copy of the package with the committed catalogues in it, so
    translations already made are kept and only new strings come in empty.
    """
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "kronika"
        shutil.copytree(
            PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "tests", "*.pyc")
        )
        command = [sys.executable, "-m", "django", "makemessages", "--no-obsolete"]
        # Templates of every kind readers get: pages, and the feeds' stylesheet.
        command += ["--extension=html,txt,py,xsl"]
        command += [f"--locale={language}" for language in languages_]
        command += [f"--ignore={pattern}" for pattern in IGNORED]
        environment = {
            **os.environ,
            "PYTHONPATH": scratch,
            "DJANGO_SETTINGS_MODULE": "kronika.settings",
            "KRONIKA_DATA_DIR": str(Path(scratch) / "data"),
        }
        subprocess.run(  # noqa: S603 - Django's own command
            command, cwd=copy, env=environment, check=True, capture_output=True
        )
        return {language: polib.pofile(str(catalogue(language, copy))) for language in languages_}


def problems(language: str, path: Path | None = None) -> list[str]:
    """What is wrong with a committed catalogue (or the one at `path`), one line each."""
    path = path or catalogue(language)
    committed = polib.pofile(str(path))
    fresh = extracted([language])[language]
    found = []
    wanted = {_key(entry) for entry in fresh}
    have = {_key(entry) for entry in committed if not entry.obsolete}
    found += [f"{language}: missing {msgid!r}" for _, msgid in sorted(wanted - have)]
    found += [f"{language}: no longer used {msgid!r}" for _, msgid in sorted(have - wanted)]
    for entry in committed:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            found.append(f"{language}: fuzzy {entry.msgid!r}")
        forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        if not all(forms) or (entry.msgid_plural and len(forms) < _plural_count(committed)):
            found.append(f"{language}: untranslated {entry.msgid!r}")
    compiled = polib.mofile(str(path.with_suffix(".mo")))
    if _translations(compiled) != _translations(committed):
        found.append(f"{language}: django.mo is not compiled from django.po (make messages)")
    return found


def _key(entry) -> tuple[str, str]:
    return (entry.msgctxt or "", entry.msgid)


def _plural_count(po: polib.POFile) -> int:
    forms = po.metadata.get("Plural-Forms", "")
    return int(forms.split("nplurals=")[1].split(";")[0]) if "nplurals=" in forms else 2


def _translations(catalogue_) -> dict:
    return {
        _key(entry): (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
        for entry in catalogue_
        if not entry.obsolete and entry.msgid
    }


def compile_all() -> None:
    for language in languages():
        po = polib.pofile(str(catalogue(language)))
        po.save_as_mofile(str(catalogue(language).with_suffix(".mo")))


def update(languages_: list[str]) -> None:
    """Bring the catalogues up to date with the code, then compile them."""
    for language, fresh in extracted(languages_).items():
        target = catalogue(language)
        target.parent.mkdir(parents=True, exist_ok=True)
        fresh.save(str(target))
    compile_all()


def main(arguments: list[str]) -> int:
    if arguments[:1] == ["add"] and len(arguments) == 2:
        update([arguments[1]])
        print(f"Added {catalogue(arguments[1]).relative_to(PACKAGE.parent)}: translate it.")
        return 0
    if arguments == ["update"]:
        update(languages())
        return 0
    if arguments == ["check"]:
        found = [line for language in languages() for line in problems(language)]
        for line in found:
            print(line, file=sys.stderr)
        return 1 if found else 0
    print("usage: python -m kronika.catalogues update | check | add LANGUAGE", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
