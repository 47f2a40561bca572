"""An address for every tag, even one whose name makes no slug.

taggit makes a tag's slug from its name, and a name of punctuation or symbols
alone ("<>", "!!", "—", "🔥") makes an empty one, which no URL can hold: the
tag's links cannot be built, so every page listing the tag fails. Such a tag
is given the first of "tag", "tag-2", "tag-3", ... that no other tag holds.

The slug is unique, so the fallback must be chosen among those taken: one
fixed fallback failed for the second such tag. A tag stored with an empty slug
before the fallback existed is repaired by a data migration, since nothing in
Kronika saves a tag again once it exists.
"""

FALLBACK_TAG_SLUG = "tag"


def free_fallback_slug(tags) -> str:
    """The first fallback slug that no tag in `tags` (a manager or queryset) holds."""
    taken = set(tags.filter(slug__startswith=FALLBACK_TAG_SLUG).values_list("slug", flat=True))
    number = 1
    slug = FALLBACK_TAG_SLUG
    while slug in taken:
        number += 1
        slug = f"{FALLBACK_TAG_SLUG}-{number}"
    return slug


def give_empty_slugs_an_address(tag_model) -> None:
    """Give every tag stored with an empty slug a free fallback slug."""
    for tag in tag_model._default_manager.filter(slug=""):
        tag.slug = free_fallback_slug(tag_model._default_manager)
        tag.save(update_fields=["slug"])
