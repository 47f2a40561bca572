from django import template

from kronika.telegram.promotion import promotion

register = template.Library()


@register.simple_tag(takes_context=True)
def telegram_promotion(context):
    """The channel this page advertises: {% telegram_promotion as channel %}."""
    return promotion(context["request"])
