"""The scoped paper's translations: what wagtail-localize's admin views act on.

The published News article is translated into Lithuanian through
wagtail-localize, as the Translate button does: a draft in the Lithuanian tree,
which is outside every group's narrowed scope, so only the superuser may edit
it. A Vault draft is a translation source too, so that its secret title sits
in the translation tables, where the Translations report must not show it.
"""

from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import translate_object

from kronika.base.languages import publish_translation
from kronika.security.tests.support import ONLY_SUPERUSER, STAFF, Target, rights


def build(paper) -> None:
    publish_translation(paper.news, "lt")
    translate_object(paper.budget, [Locale.objects.get(language_code="lt")], user=paper.editor)
    paper.budget_translation = Translation.objects.get(
        source__object_id=paper.budget.translation_key
    )
    paper.vault_source, _ = TranslationSource.get_or_create_from_instance(paper.vault_draft)


def targets(paper) -> list[Target]:
    translation = paper.budget_translation
    source = translation.source
    overridable = OverridableSegment.objects.filter(source=source).first()
    preview = {"translation_id": translation.pk}
    return [
        Target(
            "the translations of a published News article",
            {"translation_source_id": source.pk},
            # The News desk's: its reporters edit the original, and may sync.
            rights(edit=STAFF),
        ),
        Target(
            "the translations of a Vault draft",
            {"translation_source_id": paper.vault_source.pk},
            rights(edit=ONLY_SUPERUSER),
        ),
        Target(
            "the Lithuanian translation of a published News article",
            {
                "translation_id": translation.pk,
                "string_segment_id": StringSegment.objects.filter(source=source).first().pk,
                "overridable_segment_id": overridable.pk if overridable else 0,
                "page_id": translation.get_target_instance().pk,
            },
            rights(edit=ONLY_SUPERUSER),
        ),
        # An article has one preview mode, the default, whose name ("") no address
        # can carry: the address with a mode finds none, even for the superuser.
        Target(
            "the Lithuanian translation in a preview mode articles do not have",
            {**preview, "mode": "amp"},
            rights(edit=ONLY_SUPERUSER),
        ),
    ]
