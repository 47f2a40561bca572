from django import template

register = template.Library()


@register.filter
def iso(moment) -> str:
    """A machine-readable time for <time datetime>, which allows at most milliseconds."""
    if not moment:
        return ""
    return moment.replace(microsecond=0).isoformat()
