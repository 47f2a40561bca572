import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

TOKEN_SALT = "kronika.comments.form"  # noqa: S105 - a signing namespace, not a secret


def form_token(article_id: int) -> str:
    """When the form was shown and for which article, so a bot's instant post stands out."""
    return signing.dumps({"a": article_id, "t": int(time.time())}, salt=TOKEN_SALT)


class CommentForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Please give a name to sign your comment with.")},
    )
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        max_length=254,
        help_text=_("Optional. Never shown; it lets us recognise you next time."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _("That email address does not look right. You can leave it out.")
        },
    )
    body = forms.CharField(label=_("Comment"))
    parent = forms.IntegerField(
        required=False, min_value=1, widget=forms.HiddenInput, max_value=2**62
    )
    # The honeypot: hidden from people by the style sheet, filled in by bots.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(
        required=False, widget=forms.HiddenInput(attrs={"data-volatile": True})
    )

    def __init__(self, *args, article_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.article_id = article_id
        limit = settings.KRONIKA_COMMENTS_MAX_LENGTH
        # The limit is filled in now, in the reader's language's digits; the
        # validator fills in %(show_value)s, the length of what was sent.
        too_long = ngettext(
            "Comments can be at most %(limit)s character long. "
            "This one has %(show_value)s characters.",
            "Comments can be at most %(limit)s characters long. "
            "This one has %(show_value)s characters.",
            limit,
        ) % {"limit": number_format(limit, force_grouping=True), "show_value": "%(show_value)s"}
        self.fields["body"] = forms.CharField(
            label=_("Comment"),
            max_length=limit,
            widget=forms.Textarea(attrs={"rows": 6}),
            error_messages={
                "required": _("Please write a comment before sending it."),
                "max_length": too_long,
            },
        )
        self.initial.setdefault("started", form_token(article_id))

    def clean_body(self):
        body = self.cleaned_data["body"].replace("\r\n", "\n").replace("\r", "\n").strip()
        if not body:
            raise forms.ValidationError(_("Please write a comment before sending it."))
        return body

    def seconds_since_shown(self) -> float | None:
        """How long the reader took, or None if the form's token is missing or not ours."""
        try:
            data = signing.loads(self.cleaned_data.get("started") or "", salt=TOKEN_SALT)
            shown_at = int(data["t"])
            if int(data["a"]) != self.article_id:
                return None
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            return None
        return time.time() - shown_at

    def renew_token(self):
        """Give the form, shown again with the reader's words, a token that will pass."""
        self.data = self.data.copy()
        self.data["started"] = form_token(self.article_id)
