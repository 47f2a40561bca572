"""The demo paper in Lithuanian and Russian: its home page, sections and four articles.

Each page is translated as Wagtail translates one: copied into the other
language's tree by `copy_for_translation`, which keeps it linked to its source
(the same translation key), then given its translated text
(content/translations.json, written for this project) and published. The
home page and sections come first, so that each translation lands in its own
language's section.

Only the languages the paper has (KRONIKA_LANGUAGES) are loaded, and a page
already translated is left as it is.
"""

import json
from pathlib import Path

from django.conf import settings

from kronika.base.languages import publish_translation

TRANSLATIONS = Path(__file__).parent / "content" / "translations.json"


def load_translations(home, sections, articles, body) -> int:
    """Translate the demo into each of its languages the paper has; how many pages were added.

    `body` makes an article's body from its blocks, as the English one is made.
    """
    data = json.loads(TRANSLATIONS.read_text(encoding="utf-8"))
    added = 0
    for code in settings.KRONIKA_LANGUAGES[1:]:
        if code not in data["home"]:
            continue
        added += _translate(home, code, **data["home"][code])
        for slug, section in sections.items():
            text = data["sections"][slug][code]
            added += _translate(section, code, title=text["title"], intro=text["intro"])
        for slug, versions in data["articles"].items():
            text = versions[code]
            added += _translate(
                articles[slug],
                code,
                title=text["headline"],
                slug=text["slug"],
                standfirst=text["standfirst"],
                dateline=text["dateline"],
                body=body(text["body"]),
            )
    return added


def _translate(page, language: str, **fields) -> bool:
    """`page` in `language` with its translated `fields`, published; False if it already was."""
    if page.get_translations().filter(locale__language_code=language).exists():
        return False
    publish_translation(page, language, dated_as_source=True, **fields)
    return True
