"""Which translations are out of date, and which sources an editor may see.

wagtail-localize copies a page's content into a TranslationSource when the page
is first translated, and again when an editor syncs its translations ("Sync
translated pages"); `last_updated_at` says when. Translators work from that
copy. So a translation is out of date once its source page has changed since:
- a live source, when it was last published: the content wagtail-localize
  extracts is the live page's, and a draft saved on it changes nothing there
  until it is published;
- a source that was never published, when its latest draft was saved.

Syncing brings the new content in; the translator then translates what is new
(wagtail-localize's own report lists translations still waiting for it).
"""

from django.db.models import Case, DateTimeField, Exists, F, OuterRef, QuerySet, When
from django.urls import reverse
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation, TranslationSource

# wagtail-localize's one permission: to translate, sync and see translations.
TRANSLATE = "wagtail_localize.submit_translation"


def _source_pages() -> QuerySet:
    return Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    )


def out_of_date(user) -> QuerySet:
    """The enabled translations, of pages `user` may edit, changed since they were synced."""
    changed = _source_pages().annotate(
        changed_at=Case(
            When(live=True, then=F("last_published_at")),
            default=F("latest_revision_created_at"),
            output_field=DateTimeField(),
        )
    )
    return (
        Translation.objects.filter(enabled=True)
        .filter(Exists(changed.filter(changed_at__gt=OuterRef("source__last_updated_at"))))
        .filter(source__in=editable_sources(user))
        .select_related("source", "target_locale", "source__locale")
        .order_by("source__last_updated_at", "target_locale__language_code")
    )


def sync_address(source_id: int) -> str:
    """wagtail-localize's view that brings an original's new content to its translations."""
    return reverse("wagtail_localize:update_translations", args=(source_id,))


def editable_sources(user) -> QuerySet:
    """The translation sources whose page `user` may edit (their own pages, for those who add)."""
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    return TranslationSource.objects.filter(
        Exists(
            editable.filter(translation_key=OuterRef("object_id"), locale_id=OuterRef("locale_id"))
        )
    )
