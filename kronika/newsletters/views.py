"""The reader's side of signing up: the form's post, and the confirmation link.

Both answer with pages of the site's design and set no cookie. The link's page
asks for a press of a button before it confirms: mail scanners open every link
in a message, and a GET that subscribed would subscribe whoever an attacker
named.
"""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from kronika.base.models import PaperSettings
from kronika.base.reader_methods import only_get_and_head
from kronika.base.readers import Refused, client_fingerprint, reader_form_post
from kronika.base.views import render_error
from kronika.newsletters import signup
from kronika.newsletters.forms import SignupForm, offered_in


def _form_page(request, form, status, title, message, retry_after=None):
    response = TemplateResponse(
        request,
        "newsletters/form_page.html",
        {"form": form, "title": title, "message": message},
        status=status,
    )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


@reader_form_post
def subscribe(request):
    language = translation.get_language()
    form = SignupForm(request.POST, offered=offered_in(request, language))
    if not form.is_valid():
        return _form_page(
            request,
            form,
            400,
            _("Please check the form"),
            _("You are not signed up yet. Correct what is marked below and send it again."),
        )
    if form.cleaned_data["website"]:
        return render_error(
            request,
            400,
            _("Sign-up refused"),
            _(
                "Your sign-up looks automated, so it was not kept. "
                "If you are a person, leave the field marked “%(label)s” empty."
            )
            % {"label": form.fields["website"].label},
        )
    data = form.cleaned_data
    try:
        signup.request(
            data["email"],
            data["name"],
            data["newsletters"],
            client_fingerprint(request),
            language,
            PaperSettings.for_request(request).name,
        )
    except Refused as refusal:
        return _form_page(
            request, form, refusal.status, refusal.title, refusal.message, refusal.retry_after
        )
    response = HttpResponseRedirect(reverse("newsletters:check_inbox"))
    response.status_code = 303
    return response


@only_get_and_head
def check_inbox(request):
    return TemplateResponse(
        request, "newsletters/check_inbox.html", {"hours": signup.CONFIRM_HOURS}
    )


def _expired(request):
    return render_error(
        request,
        404,
        _("This link has expired"),
        _(
            "The confirmation link is out of date, was already used, or was not copied "
            "whole. Sign up again, and use the link in the new mail within %(hours)s hours."
        )
        % {"hours": signup.CONFIRM_HOURS},
    )


@never_cache
@csrf_exempt  # a POST is checked by reader_form_post, as every reader's form is
def confirm(request, token: str):
    if request.method == "POST":
        return _confirm(request, token)
    if request.method not in ("GET", "HEAD"):
        response = render_error(
            request, 405, _("Method not allowed"), _("Open the link, then press the button.")
        )
        response["Allow"] = "GET, HEAD, POST"
        return response
    pending = signup.pending_for(token)
    if pending is None:
        return _expired(request)
    return TemplateResponse(
        request, "newsletters/confirm.html", {"pending": pending, "token": token}
    )


@reader_form_post
def _confirm(request, token):
    # Refused as a forgery before the link is even looked at, as any reader's form is.
    pending = signup.pending_for(token)
    if pending is None:
        return _expired(request)
    subscriber = signup.confirm(pending)
    return TemplateResponse(
        request,
        "newsletters/confirmed.html",
        {"subscriber": subscriber, "newsletters": subscriber.newsletters.all()},
    )
