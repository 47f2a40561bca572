from django import template
from django.utils import translation

from kronika.newsletters.forms import SignupForm, offered_in

register = template.Library()


@register.simple_tag(takes_context=True)
def newsletter_signup_form(context):
    """An empty sign-up form offering the newsletters of the page's language (maybe none)."""
    request = context.get("request")
    return SignupForm(offered=offered_in(request, translation.get_language()))
