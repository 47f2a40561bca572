import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from kronika.newsletters.models import Newsletter
from kronika.pagecache.fragments import remember


def offered_in(request, language: str) -> tuple[Newsletter, ...]:
    """The newsletters on the form in `language`, kept in memory behind the SITE tag.

    The form is on every article and the front page: read from the database,
    it would cost each of them a query for rows that editors change a few
    times a year (kronika.newsletters.invalidation bumps SITE when they do).
    """
    return remember(
        request,
        f"newsletters-offered:{language}",
        (),
        lambda: tuple(Newsletter.objects.offered().in_language(language)),
    )


def _no_control_characters(value: str) -> None:
    # A line break in a name would become a header of its own in the mail.
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise forms.ValidationError(_("A name cannot contain line breaks or control characters."))


class SignupForm(forms.Form):
    """A reader's sign-up: an address, a name if they like, and the newsletters they choose.

    The choices are the newsletters offered in the page's language, compared
    as text: nothing a client sends reaches a query before it is known to be
    one of them.
    """

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Please give the address to send the newsletters to."),
            "invalid": _("That email address does not look right."),
        },
    )
    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=80,
        validators=[_no_control_characters],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    newsletters = forms.TypedMultipleChoiceField(
        label=_("Newsletters"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Please choose at least one newsletter."),
            "invalid_choice": _("Please choose among the newsletters listed."),
        },
    )
    # The honeypot: hidden from people by the style sheet, filled in by bots.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, offered, **kwargs):
        # Its own ids: an article's page also shows the comment form's fields.
        super().__init__(*args, auto_id="newsletter-%s", **kwargs)
        self.offered = list(offered)
        self.fields["newsletters"].choices = [(item.pk, item.name) for item in self.offered]
        if len(self.offered) == 1:
            self.fields["newsletters"].initial = [self.offered[0].pk]

    def choices_shown(self) -> list[tuple[Newsletter, bool]]:
        """Each newsletter offered, and whether its box is ticked."""
        value = self["newsletters"].value() or []
        ticked = {str(pk) for pk in value}
        return [(item, str(item.pk) in ticked) for item in self.offered]

    def clean_email(self):
        # One address, one subscriber: an address is kept as it is read, in lower case.
        return self.cleaned_data["email"].lower()
