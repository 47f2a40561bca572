"""The article editor as a newsroom uses it: help written for journalists, the
writer's own byline filled in, character counts, and the next step first.

Features add to the counts without news knowing them: a function registered
under TEXT_LIMITS returns {field name: [Limit, ...]}, as the Telegram app does
for the length of its posts.
"""

import json
from dataclasses import asdict, dataclass

from wagtail import hooks

from kronika.base.editing import PageForm

TEXT_LIMITS = "register_article_text_limits"

HEADLINE_HELP = (
    "What happened, in words readers search for. "
    "Search engines show about 60 characters; lists show it whole."
)
SLUG_HELP = (
    "The end of the article's address, filled in from the headline until it is first "
    "published. Change it before then: once shared, an address should not change."
)


@dataclass(frozen=True)
class Limit:
    """How much of a field a reader sees somewhere.

    `plus` names another field whose length counts towards the same limit, as
    the headline does in a Telegram post that has room for both.
    """

    max: int
    label: str
    plus: str = ""


SEARCH_ENGINES = {
    "title": [Limit(60, "shown by search engines")],
    "standfirst": [Limit(160, "shown by search engines")],
}


def text_limits() -> dict[str, list[Limit]]:
    limits = {name: list(found) for name, found in SEARCH_ENGINES.items()}
    for hook in hooks.get_hooks(TEXT_LIMITS):
        for name, found in hook().items():
            limits.setdefault(name, []).extend(found)
    return limits


def primary_action_first(menu_items, request, context):
    """Publish is the default button for those who may publish; Submit for review for others.

    Wagtail makes the first item the button and puts Save draft first; the
    paper's editors publish all day, and a reporter's next step is review.
    """
    for name in ("action-publish", "action-submit"):
        item = next((item for item in menu_items if item.name == name), None)
        if item is not None:
            menu_items.remove(item)
            menu_items.insert(0, item)
            return


class ArticlePageForm(PageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].help_text = SLUG_HELP
        for name, limits in text_limits().items():
            if name in self.fields:
                attrs = [asdict(limit) for limit in limits]
                for attr in attrs:
                    if attr["plus"] in self.fields:
                        attr["plus"] = self[attr["plus"]].auto_id
                self.fields[name].widget.attrs["data-kronika-limits"] = json.dumps(attrs)
        if not self.is_bound and self.instance.pk is None:
            self._sign_with(self.for_user)

    def _sign_with(self, user) -> None:
        """A new article starts with its writer's byline, when the writer is one of the authors.

        As the formset's initial data: a byline the writer leaves as shown is
        still sent, since the posted form differs from its empty default.
        """
        author = getattr(user, "author_profile", None) if user else None
        formset = self.formsets.get("article_authors")
        if author is not None and formset is not None:
            formset.initial = [{"author": author.pk}]
