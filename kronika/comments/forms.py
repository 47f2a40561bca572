import time

from django import forms
from django.conf import settings
from django.core import signing

TOKEN_SALT = "kronika.comments.form"  # noqa: S105 - a signing namespace, not a secret


def form_token(article_id: int) -> str:
    """When the form was shown and for which article, so a bot's instant post stands out."""
    return signing.dumps({"a": article_id, "t": int(time.time())}, salt=TOKEN_SALT)


class CommentForm(forms.Form):
    name = forms.CharField(
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": "Please give a name to sign your comment with."},
    )
    email = forms.EmailField(
        required=False,
        max_length=254,
        help_text="Optional. Never shown; it lets us recognise you next time.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": "That email address does not look right. You can leave it out."
        },
    )
    body = forms.CharField(label="Comment")
    parent = forms.IntegerField(
        required=False, min_value=1, widget=forms.HiddenInput, max_value=2**62
    )
    # The honeypot: hidden from people by the style sheet, filled in by bots.
    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(
        required=False, widget=forms.HiddenInput(attrs={"data-volatile": True})
    )

    def __init__(self, *args, article_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.article_id = article_id
        limit = settings.KRONIKA_COMMENTS_MAX_LENGTH
        self.fields["body"] = forms.CharField(
            label="Comment",
            max_length=limit,
            widget=forms.Textarea(attrs={"rows": 6}),
            error_messages={
                "required": "Please write a comment before sending it.",
                "max_length": f"Comments can be at most {limit:,} characters long. "
                "This one has %(show_value)s characters.",
            },
        )
        self.initial.setdefault("started", form_token(article_id))

    def clean_body(self):
        body = self.cleaned_data["body"].replace("\r\n", "\n").replace("\r", "\n").strip()
        if not body:
            raise forms.ValidationError("Please write a comment before sending it.")
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
