"""An extension point of the article editor: panels that features add.

A feature that stores something per article shows it in the editor without
news knowing the feature: its wagtail_hooks module registers a function under
a hook named here, which returns the panels to add, as Wagtail's own
`construct_*` hooks do:

    @hooks.register(SETTINGS_PANELS)
    def article_comment_panels():
        return [ArticleChoicePanel("comment_policies", heading="Comments")]

What a feature keeps per article is a model of its own, a child of the
article's cluster (a ParentalKey), so it is part of each revision as a field
of the page would be, and news has no column for it. ArticleChoicePanel
shows such a child when it holds one choice per article, and `choice_of`
reads it.

The hooks are read when Wagtail first builds the editor, once every app is
ready; an app that is not installed adds nothing.
"""

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel, ObjectList

SETTINGS_PANELS = "register_article_settings_panels"


class FeaturePanels(ObjectList):
    """The panels registered under `hook_name`, in the order the apps are installed."""

    def __init__(self, hook_name: str, *args, **kwargs):
        self.hook_name = hook_name
        super().__init__(*args, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "hook_name": self.hook_name}

    def on_model_bound(self):
        # Wagtail binds a fresh copy of the class's panels to the model, once;
        # the copy's children are gathered then, when every hook is registered.
        self.children = [panel for hook in hooks.get_hooks(self.hook_name) for panel in hook()]
        super().on_model_bound()


class KeptAsShownForm(WagtailAdminModelForm):
    """A choice left as it was shown is still the editor's choice, and is saved."""

    def has_changed(self):
        return True


class ArticleChoicePanel(InlinePanel):
    """A child that holds one choice per article: always shown, always kept.

    Shown as a plain InlinePanel with one required form, the choice would be
    refused when the editor leaves it at its default: a formset counts a form
    left as shown as empty, and an empty form does not make its minimum.
    """

    def __init__(self, relation_name, *args, **kwargs):
        kwargs.update(min_num=1, max_num=1)
        super().__init__(relation_name, *args, **kwargs)

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = KeptAsShownForm
        return options

    class BoundPanel(InlinePanel.BoundPanel):
        # Its fields alone: the add, delete and move buttons of a list of
        # children would offer what one choice cannot do.
        template_name = "news/panels/article_choice.html"


def choice_of(article, relation: str, field: str, default):
    """The article's own choice kept in `relation`, or `default` when it has none.

    Read through the relation, so a draft or a preview answers from the rows
    it holds in memory, and a live article with one query.
    """
    rows = list(getattr(article, relation).all())
    return getattr(rows[0], field) if rows else default
