"""An extension point of the article editor: panels that features add.

A feature that stores something per article shows it in the editor without
news knowing the feature: its wagtail_hooks module registers a function under
a hook named here, which returns the panels to add, as Wagtail's own
`construct_*` hooks do:

    @hooks.register(SETTINGS_PANELS)
    def article_comment_panels():
        return [InlinePanel("comment_policies", max_num=1)]

The hooks are read when Wagtail first builds the editor, once every app is
ready; an app that is not installed adds nothing.
"""

from wagtail import hooks
from wagtail.admin.panels import ObjectList

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
