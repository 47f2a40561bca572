from django import forms
from django.http import HttpResponseRedirect, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kronika.base.readers import (
    MAX_ID,
    article_cookie,
    client_fingerprint,
    reader_form_post,
    set_article_cookie,
)
from kronika.base.views import render_error
from kronika.news.models import ArticlePage
from kronika.ratings.models import STARS, Rating

VOTE_COOKIE = "kronika_vote"
VOTE_SALT = "kronika.ratings.vote"


class VoteForm(forms.Form):
    stars = forms.TypedChoiceField(
        choices=[(str(n), str(n)) for n in STARS],
        coerce=int,
        error_messages={
            "required": gettext_lazy("Choose from 1 to 5 stars."),
            "invalid_choice": gettext_lazy("A rating is a whole number of stars from 1 to 5."),
        },
    )


def own_vote(request, article) -> dict | None:
    """The reader's vote on this article from their signed cookie: voter key and stars."""
    data = article_cookie(request, VOTE_COOKIE, VOTE_SALT, article)
    try:
        if data is None or int(data["s"]) not in STARS:
            return None
        return {"voter": str(data["v"])[:64], "stars": int(data["s"])}
    except (KeyError, TypeError, ValueError):
        return None


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@reader_form_post
def rate(request, article_id: int):
    article = None
    if article_id <= MAX_ID:
        article = ArticlePage.objects.published().filter(pk=article_id).first()
    if article is None:
        return render_error(
            request,
            404,
            _("Article not found"),
            _("This article does not exist or is not published, so it cannot be rated."),
        )
    form = VoteForm(request.POST)
    if not form.is_valid():
        return render_error(request, 400, _("Rating not recorded"), form.errors["stars"][0])
    stars = form.cleaned_data["stars"]
    previous = own_vote(request, article)
    voter = previous["voter"] if previous else client_fingerprint(request)
    Rating.cast(article, voter, stars)

    if _wants_json(request):
        score = Rating.objects.score(article)
        response = JsonResponse(
            {
                "count": score.count,
                "average": score.average,
                "text": score.text,
                "stars": stars,
                # The page's script shows it as it is: in the language of the page.
                "yours": _("Your rating: %(yours)s of 5. Choose again to change it.")
                % {"yours": stars},
            }
        )
    else:
        response = HttpResponseRedirect(f"{article.get_url(request)}#rating")
        response.status_code = 303
    set_article_cookie(
        response, VOTE_COOKIE, VOTE_SALT, article, {"v": voter, "s": stars}, 365 * 86_400
    )
    return response
