from django import template

from kronika.ratings.models import STARS, Score
from kronika.ratings.views import own_vote

register = template.Library()


@register.inclusion_tag("ratings/widget.html", takes_context=True)
def rating_widget(context, article):
    vote = own_vote(context["request"], article)
    return {
        "article": article,
        "score": Score.of(article),
        "stars": STARS,
        "yours": vote["stars"] if vote else None,
    }
