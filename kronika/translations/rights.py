"""wagtail-localize's admin views, held to the rights the rest of the admin keeps.

wagtail-localize asks only for its global `submit_translation` permission
before it translates a page, syncs translations from their source, or lists
translations, so anyone who holds it could:
- create translations of a page they may not edit, in a desk that is not
  theirs (submit);
- push a source's new content into every translation of it, and publish them
  all, without the right to edit the source or to publish one of them (update);
- read the titles of every translated page, other desks' drafts included
  (the Translations report), and those of every snippet of any model (the
  snippets API its editor uses to choose a snippet).

Its other views already ask for the right to edit the translation they act on.

The fix replaces those view classes, on the modules that hold them, with
subclasses that ask first: its `register_admin_urls` hook reads the classes
when Wagtail builds the admin's URLconf, which is after every app is ready, so
its URL names and addresses stay as they are.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.models import Page
from wagtail.snippets.permissions import user_can_edit_snippet_type
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import Translation
from wagtail_localize.views import report, snippets_api, submit_translations, update_translations
from wagtail_localize.views.edit_translation import user_can_edit_instance

from kronika.translations.sources import editable_sources


class SubmitPageTranslationView(submit_translations.SubmitPageTranslationView):
    """Translating a page needs the right to edit it."""

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, id=kwargs["page_id"])
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SubmitSnippetTranslationView(submit_translations.SubmitSnippetTranslationView):
    """Translating a snippet needs the right to edit snippets of its model."""

    def dispatch(self, request, *args, **kwargs):
        model = get_snippet_model_from_url_params(kwargs["app_label"], kwargs["model_name"])
        if not user_can_edit_snippet_type(request.user, model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """Syncing needs the right to edit the source; publishing, to publish each translation."""

    def dispatch(self, request, *args, **kwargs):
        source = self.get_object()
        try:
            instance = source.get_source_instance()
        except ObjectDoesNotExist:
            raise Http404 from None
        if not user_can_edit_instance(request.user, instance):
            raise PermissionDenied
        if request.method == "POST" and request.POST.get("publish_translations"):
            translations = source.translations.filter(enabled=True)
            if not all(_may_publish(request.user, t) for t in translations):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _may_publish(user, translation: Translation) -> bool:
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return False
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_publish()
    return user_can_edit_snippet_type(user, type(target))


class TranslationsReportView(report.TranslationsReportView):
    """The report lists the translations of sources the reader may edit, and no others."""

    def get_queryset(self):
        queryset = super().get_queryset().order_by("-created_at", "-pk")
        if self.request.user.is_superuser:
            return queryset
        return queryset.filter(source__in=editable_sources(self.request.user))


class SnippetViewSet(snippets_api.SnippetViewSet):
    """Snippets are listed only to those who may edit snippets of their model."""

    def get_queryset(self):
        if not user_can_edit_snippet_type(self.request.user, self.get_model()):
            raise PermissionDenied
        return super().get_queryset()


def install() -> None:
    submit_translations.SubmitPageTranslationView = SubmitPageTranslationView
    submit_translations.SubmitSnippetTranslationView = SubmitSnippetTranslationView
    update_translations.UpdateTranslationsView = UpdateTranslationsView
    report.TranslationsReportView = TranslationsReportView
    snippets_api.SnippetViewSet = SnippetViewSet
