"""The paper's languages (KRONIKA_LANGUAGES): their locales, and a page's translations.

Each language is a Wagtail locale with a tree of pages of its own: the home
page's translation is that language's home, under which sit its sections and
their articles, translated from a source (publish_translation) or written in that language
alone. The first language is served at "/", each other under its code, so
an address names its language and nothing depends on what a browser asks for
(a page cache keeps one copy of each address, and nothing is negotiated).

A page links its translations that readers may see, in the order of
KRONIKA_LANGUAGES; addresses that are not pages (search, a tag, an author)
exist in every language. Both give the switcher on each page and the
hreflang links, which name every translation on each of them, itself
included, so that each page's list is the same: reciprocal, as search
engines require.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale

from kronika.pagecache import tags
from kronika.pagecache.fragments import remember

# OpenGraph names a locale with its territory. A language's own country where
# the code and the country's differ; otherwise the code twice ("lt_LT").
TERRITORIES = {
    "en": "GB",
    "uk": "UA",
    "be": "BY",
    "et": "EE",
    "sv": "SE",
    "da": "DK",
    "el": "GR",
    "cs": "CZ",
    "sl": "SI",
    "ka": "GE",
    "kk": "KZ",
    "he": "IL",
    "ja": "JP",
    "ko": "KR",
    "nb": "NO",
    "hy": "AM",
}


@dataclass(frozen=True)
class Translation:
    """One language's version of what a page shows: its code, name and addresses.

    `url` is absolute, for hreflang; `path` is on this host, for the switcher,
    so that a reader on a mirror stays on the mirror.
    """

    code: str
    name: str
    url: str
    path: str
    current: bool


def multilingual() -> bool:
    """Whether the paper has more than one language: one has no translations to link or list."""
    return len(settings.LANGUAGES) > 1


def ensure_locales(using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """A Wagtail locale for each of the paper's languages, the first one made at migration.

    Run after every `migrate` and before `kronika serve` starts, so that adding
    a language to KRONIKA_LANGUAGES is all an operator does; a language taken
    out keeps its locale and its pages, which are then served nowhere.
    """
    for code in settings.KRONIKA_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)


def publish_translation(page, language: str, *, dated_as_source=False, **fields):
    """`page` in `language`, given its translated `fields` and published; its parents first.

    Wagtail's copy_for_translation makes the copy, linked to its source by
    their translation key, in the language's own tree (translating the
    parents that are not yet). `dated_as_source` dates it as its source was
    first published, as a translation published the same day is.
    """
    translated = page.specific.copy_for_translation(
        Locale.objects.get(language_code=language), copy_parents=True
    )
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    if dated_as_source and page.first_published_at is not None:
        type(translated).objects.filter(pk=translated.pk).update(
            first_published_at=page.first_published_at, last_published_at=page.first_published_at
        )
    return translated


def locale_ids(request=None) -> dict[str, int]:
    """Each configured language's locale id, kept in memory behind the SITE tag."""
    return remember(
        request,
        "locale-ids",
        (),
        lambda: dict(
            Locale.objects.filter(language_code__in=settings.KRONIKA_LANGUAGES).values_list(
                "language_code", "id"
            )
        ),
    )


def active_locale_id(request=None) -> int | None:
    return locale_ids(request).get(translation.get_language())


def in_language(queryset, code: str | None = None):
    """The pages of `queryset` in language `code`, by default the one being read."""
    locale_id = locale_ids().get(code or translation.get_language())
    return queryset.filter(locale_id=locale_id) if locale_id else queryset.none()


def og_locale(code: str) -> str:
    """The OpenGraph name of a language's locale: "lt_LT", "en_GB", "pt_BR"."""
    language, _, territory = code.partition("-")
    return f"{language}_{(territory or TERRITORIES.get(language, language)).upper()}"


def _published(queryset):
    """What of `queryset` readers may see: a model's own publishing rules where it has them."""
    published = getattr(queryset, "published", None)
    return published() if published else queryset.live().public()


def page_translations(request, page) -> list[Translation]:
    """The page in each language readers may read it in, `page` included, in the paper's order.

    Empty when the paper has one language, or the page has no translation
    readers may see: a page alone in its language links no other.
    """
    if not multilingual():
        return []
    ids = {locale_id: code for code, locale_id in locale_ids(request).items()}
    versions = {
        ids[version.locale_id]: version
        for version in _kept_versions(request, page)
        if version.locale_id in ids
    }
    if len(versions) < 2:
        return []
    current = ids.get(page.locale_id)
    translations = []
    for code, name in settings.LANGUAGES:
        if code in versions:
            path = versions[code].get_url(request)
            url = request.build_absolute_uri(path)
            translations.append(Translation(code, name, url, path, code == current))
    return translations


def _kept_versions(request, page) -> tuple:
    """The page's versions readers may see, kept in memory until one of them changes.

    An article's publication, edit or withdrawal bumps its versions' tag
    (kronika.news.invalidation), and any other page's bumps SITE: every version
    kept, and every cached page of the article in any language, follow. A
    reader's vote or comment, which bumps the article's own page, does not
    rebuild it.
    """

    def build():
        found = _published(type(page).objects.filter(translation_key=page.translation_key))
        return tuple(found.only("url_path", "locale_id", "path", "depth"))

    key = tags.versions(page.translation_key)
    return remember(request, key, [key], build)


def address_translations(request, codes=None) -> list[Translation]:
    """This address in every language, or in `codes`, for what is not a page: search, a tag."""
    if not multilingual() or (codes is not None and len(codes) < 2):
        return []
    current = translation.get_language()
    translations = []
    for code, name in settings.LANGUAGES:
        if codes is not None and code not in codes:
            continue
        path = translate_url(request.get_full_path(), code)
        url = request.build_absolute_uri(path)
        translations.append(Translation(code, name, url, path, code == current))
    return translations


def languages_of(locale_ids_found, request=None) -> set[str]:
    """The codes of the languages whose locale ids are among `locale_ids_found`."""
    found = set(locale_ids_found)
    return {code for code, locale_id in locale_ids(request).items() if locale_id in found}


def versions(request, page) -> list[Translation]:
    """The page's versions, or the address's when it is not a page; found once per request."""
    if not hasattr(request, "kronika_translations"):
        request.kronika_translations = (
            page_translations(request, page)
            if getattr(page, "translation_key", None)
            else address_translations(request)
        )
    return request.kronika_translations


def default_version(translations: list[Translation]) -> Translation | None:
    """What hreflang's x-default names: the default language's version, else the first there is."""
    return translations[0] if translations else None
