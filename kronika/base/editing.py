"""How the page editor behaves for every kind of page in the paper.

Two things Wagtail leaves to the site:

- the title fills in the slug only until the page is first published: Wagtail
  stops syncing when a page is live, but a page published once and then
  unpublished has an address that may have been shared, and keeps it;
- a page that cannot be saved says where its errors are when they sit on a tab
  the editor is not looking at. Wagtail's message ("could not be created due to
  validation errors") names none, and a missing slug on the Promote tab was
  found only by clicking through every tab.
"""

from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import TabbedInterface, TitleFieldPanel

# Wagtail's focus controller selects the tab holding its target, then focuses it.
FOCUS_LINK = '<a href="#{}" data-controller="w-focus" data-action="w-focus#focus:prevent">{}</a>'


class LinkedMessage(SafeString):
    """HTML that stays marked safe when Wagtail puts a label before it.

    Wagtail's message lists each error as `label + error`, with "" for the
    form's own: a plain str on the left would unmark the links. A str subclass
    on the right of `+` is asked first.
    """

    def __radd__(self, other):
        return SafeString(conditional_escape(other) + str.__str__(self))


class FirstDraftTitlePanel(TitleFieldPanel):
    """The title, which fills in the slug while the page has never been published."""

    class BoundPanel(TitleFieldPanel.BoundPanel):
        def get_should_apply(self):
            published = getattr(self.instance, "first_published_at", None)
            return super().get_should_apply() and not published


def tabs_of(page_class) -> list[tuple[str, str, dict]]:
    """Each tab but the first of a page's editor: its id, heading and form options.

    The first tab is the one the editor opens on, where Wagtail's own field
    highlighting is seen.
    """
    handler = page_class.get_edit_handler()
    if not isinstance(handler, TabbedInterface):
        return []
    children = zip(handler.children, handler.child_identifiers, strict=True)
    return [(f"tab-{ident}", tab.heading, tab.get_form_options()) for tab, ident in children][1:]


def errors_elsewhere(form) -> list[tuple[str, str]]:
    """(element id, "Tab → Field") for each field or list of children in error on another tab."""
    found = []
    for tab_id, heading, options in tabs_of(type(form.instance)):
        for name in options.get("fields", ()):
            if name in form.errors and name in form.fields:
                found.append((form[name].auto_id, f"{heading} → {form[name].label}"))
        for name in options.get("formsets", {}):
            formset = form.formsets.get(name)
            if formset is not None and not formset.is_valid():
                label = formset.model._meta.verbose_name_plural.capitalize()
                found.append((tab_id, f"{heading} → {label}"))
    return found


class PageForm(WagtailAdminPageForm):
    """The base form of the paper's pages: an invalid page names the tabs its errors are on."""

    def is_valid(self):
        valid = super().is_valid()
        # An unbound form (Wagtail's preview with nothing typed yet) is invalid
        # without having been cleaned, and has no errors to place.
        elsewhere = errors_elsewhere(self) if self.is_bound and not valid else []
        # Wagtail lists a form's errors in its message when the form has one of
        # its own (kronika's, here), each field's with the field's label.
        if elsewhere and not getattr(self, "_tabs_named", False):
            self._tabs_named = True
            links = format_html_join(", ", FOCUS_LINK, elsewhere)
            message = format_html("On another tab: {}.", links)
            self.add_error(None, LinkedMessage(message))
        return valid
