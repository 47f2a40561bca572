from dataclasses import dataclass, field

from django import template
from django.db.models import Q

from kronika.comments.forms import CommentForm
from kronika.comments.models import Comment
from kronika.comments.policy import CommentSettings, close_at, comments_open, policy_of
from kronika.comments.text import render_body
from kronika.comments.views import pending_ids
from kronika.pagecache import tags as cache_tags

register = template.Library()


@dataclass
class Thread:
    comments: list[Comment] = field(default_factory=list)
    count: int = 0


@register.simple_tag(takes_context=True)
def comment_thread(context, article) -> Thread:
    """The article's approved comments, oldest first, with replies under their comment.

    The reader's own comments awaiting moderation are shown to them alone, in place.
    Read once per request: the article's header counts them and its end lists them.
    """
    request = context["request"]
    threads = request.__dict__.setdefault("_comment_threads", {})
    if article.pk not in threads:
        threads[article.pk] = _thread(request, article)
    return threads[article.pk]


def _thread(request, article) -> Thread:
    own = pending_ids(request, article)
    if not own and not article.comment_count:
        return Thread()  # the count is kept exact (see kronika.comments.counting)
    visible = Q(status=Comment.Status.APPROVED)
    if own:
        visible |= Q(status=Comment.Status.PENDING, pk__in=own)
    comments = list(
        Comment.objects.on(article)
        .filter(visible)
        .only("pk", "parent_id", "name", "body", "status", "created_at")
    )
    top_level = {comment.pk: comment for comment in comments if comment.parent_id is None}
    for comment in top_level.values():
        comment.thread_replies = []
    for comment in comments:
        if comment.parent_id in top_level:
            top_level[comment.parent_id].thread_replies.append(comment)
    count = sum(1 for comment in comments if comment.status == Comment.Status.APPROVED)
    return Thread(comments=list(top_level.values()), count=count)


@register.simple_tag(takes_context=True)
def comments_open_on(context, article) -> bool:
    """Whether the article takes comments now; the cached page expires when they close."""
    request = context["request"]
    site_settings = CommentSettings.for_request(request)
    policy = policy_of(article)  # read once: asking the article again is a query
    is_open = comments_open(article, site_settings, policy=policy)
    if is_open:
        cache_tags.depends_on(request, until=close_at(article, site_settings, policy))
    return is_open


@register.simple_tag
def comment_form(article, **initial) -> CommentForm:
    return CommentForm(article_id=article.pk, initial=initial)


@register.filter
def comment_body(text: str):
    return render_body(text)
