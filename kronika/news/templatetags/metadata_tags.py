from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Page

from kronika.base.models import PaperSettings
from kronika.news.metadata import as_script_json, metadata

register = template.Library()


@register.inclusion_tag("includes/metadata.html", takes_context=True)
def page_metadata(context, title="", description=""):
    request = context["request"]
    page = context.get("page")
    data = metadata(
        request,
        PaperSettings.for_request(request),
        page if isinstance(page, Page) else None,
        title=str(title).strip(),
        description=str(description).strip(),
    )
    data["jsonld"] = [mark_safe(as_script_json(item)) for item in data["jsonld"]]  # noqa: S308
    return data
