from django import template
from django.utils.safestring import mark_safe

from kronika.news.slots import templates_at

register = template.Library()


@register.simple_tag(takes_context=True)
def page_slot(context, place: str):
    """What the installed features put at `place` on the page (kronika.news.slots)."""
    engine = context.template.engine
    # Rendered in the page's own context, as {% include %} renders a template.
    parts = [engine.get_template(name).render(context) for name in templates_at(place)]
    return mark_safe("".join(parts))  # noqa: S308 - rendered by templates, which escape
