"""Extension points of the pages: the places where features add their parts.

News draws the article, its neighbours and the lists of more to read; what
readers do with it (comments, ratings) and where else the paper is (its
Telegram channel) come from the features, which news does not know. A
feature's wagtail_hooks module registers a function under PAGE_SLOTS that
returns the parts it adds:

    @hooks.register(PAGE_SLOTS)
    def article_rating():
        return [Slot(AFTER_BODY, "ratings/in_article.html")]

On every page (base.html):

- SITE_HEAD: inside <head>, after the page's metadata;
- FOOTER: in the site's footer, after the paper's name.

On the front page:

- FRONT_END: after the sections' blocks.

On the article page, in page order:

- HEAD: inside <head>, after the page's own metadata;
- HEADER: the end of the article's header, under the byline;
- AFTER_BODY: after the body and its tags;
- BEFORE_NAV and AFTER_NAV: around the links to the previous and next article;
- END: after "You may also like" and "More in".

A part is a template rendered with the page's own context, as an {% include %}
would be (page, request, settings, and on an article the paper and what
get_context added), so it may declare what it depends on to the page cache
as the page itself does. Parts
at one place come in the order their apps are installed. An app that is not
installed adds nothing, and the page is drawn without it.
"""

from dataclasses import dataclass

from wagtail import hooks

PAGE_SLOTS = "register_page_slots"

SITE_HEAD = "site_head"
FOOTER = "footer"
HEAD = "head"
HEADER = "header"
AFTER_BODY = "after_body"
BEFORE_NAV = "before_nav"
AFTER_NAV = "after_nav"
END = "end"
FRONT_END = "front_end"
PLACES = (SITE_HEAD, FOOTER, HEAD, HEADER, AFTER_BODY, BEFORE_NAV, AFTER_NAV, END, FRONT_END)


@dataclass(frozen=True)
class Slot:
    place: str
    template: str

    def __post_init__(self):
        if self.place not in PLACES:
            raise ValueError(f"{self.place!r} is not a place on the pages: {PLACES}")


def templates_at(place: str) -> list[str]:
    """The templates that features put at `place`, in the order their apps are installed."""
    return [
        slot.template
        for hook in hooks.get_hooks(PAGE_SLOTS)
        for slot in hook()
        if slot.place == place
    ]
