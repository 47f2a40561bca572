from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from kronika.base.reader_methods import only_get_and_head
from kronika.base.readers import (
    MAX_ID,
    Refused,
    article_cookie,
    client_fingerprint,
    reader_form_post,
    set_article_cookie,
)
from kronika.base.views import render_error
from kronika.comments.forms import CommentForm
from kronika.comments.models import Comment
from kronika.comments.policy import CommentSettings, comments_open
from kronika.comments.posting import Submission, submit
from kronika.news.models import ArticlePage

PENDING_COOKIE = "kronika_pending"
PENDING_SALT = "kronika.comments.pending"
PENDING_DAYS = 7
PENDING_KEEP = 20


def pending_ids(request, article) -> list[int]:
    """The reader's own comments on this article that are awaiting moderation."""
    data = article_cookie(request, PENDING_COOKIE, PENDING_SALT, article) or {}
    try:
        return [int(pk) for pk in data.get("c", [])][-PENDING_KEEP:]
    except (TypeError, ValueError):
        return []


def _remember_pending(response, request, article, comment):
    ids = [*pending_ids(request, article), comment.pk][-PENDING_KEEP:]
    set_article_cookie(
        response, PENDING_COOKIE, PENDING_SALT, article, {"c": ids}, PENDING_DAYS * 86_400
    )


def _open_article(article_id: int) -> ArticlePage:
    if article_id > MAX_ID:
        raise Http404
    article = ArticlePage.objects.published().filter(pk=article_id).first()
    if article is None:
        raise Http404
    return article


def _form_page(request, article, form, status, title="", message="", retry_after=None):
    response = TemplateResponse(
        request,
        "comments/form_page.html",
        {"article": article, "form": form, "title": title, "message": message},
        status=status,
    )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def _unknown_article(request):
    return render_error(
        request,
        404,
        _("Article not found"),
        _("This article does not exist or is not published, so it cannot take comments."),
    )


@reader_form_post
def post_comment(request, article_id: int):
    try:
        article = _open_article(article_id)
    except Http404:
        return _unknown_article(request)
    site_settings = CommentSettings.for_request(request)
    if not comments_open(article, site_settings):
        return render_error(
            request, 403, _("Comments are closed"), _("Comments are closed on this article.")
        )

    form = CommentForm(request.POST, article_id=article.pk)
    if not form.is_valid():
        return _form_page(
            request,
            article,
            form,
            400,
            _("Please check your comment"),
            _("Your comment was not posted yet. Correct what is marked below and send it again."),
        )
    if settings.KRONIKA_COMMENTS_HONEYPOT and form.cleaned_data["website"]:
        return render_error(
            request,
            400,
            _("Comment refused"),
            _(
                "Your comment looks automated, so it was not posted. "
                "If you are a person, leave the field marked “%(label)s” empty."
            )
            % {"label": form.fields["website"].label},
        )
    took = form.seconds_since_shown()
    if took is None:
        form.renew_token()
        return _form_page(
            request,
            article,
            form,
            400,
            _("Please send your comment again"),
            _(
                "This form has expired or was not sent from the article page. "
                "Your words are kept below; send them again."
            ),
        )
    if took < settings.KRONIKA_COMMENTS_MIN_SECONDS:
        return _form_page(
            request,
            article,
            form,
            400,
            _("That was quick"),
            _(
                "Your comment arrived faster than a person can type it. "
                "Please check it and send it again."
            ),
        )

    data = form.cleaned_data
    submission = Submission(
        article=article,
        name=data["name"],
        email=data["email"],
        body=data["body"],
        client=client_fingerprint(request),
        parent_id=data["parent"],
    )
    try:
        comment = submit(submission, site_settings)
    except Refused as refusal:
        if refusal.status in (429, 409, 400):
            return _form_page(
                request,
                article,
                form,
                refusal.status,
                refusal.title,
                refusal.message,
                retry_after=refusal.retry_after,
            )
        return render_error(request, refusal.status, refusal.title, refusal.message)

    response = HttpResponseRedirect(f"{article.get_url(request)}#comment-{comment.pk}")
    response.status_code = 303
    if comment.status == Comment.Status.PENDING:
        _remember_pending(response, request, article, comment)
    return response


@only_get_and_head
def reply_form(request, comment_id: int):
    """A page to reply from, so that replying works without JavaScript."""
    if comment_id > MAX_ID:
        raise Http404
    parent = get_object_or_404(Comment.objects.approved(), pk=comment_id)
    article = _open_article(parent.article_id)
    form = CommentForm(article_id=article.pk, initial={"parent": parent.pk})
    return TemplateResponse(
        request,
        "comments/reply_page.html",
        {
            "article": article,
            "parent": parent,
            "form": form,
            "comments_open": comments_open(article, CommentSettings.for_request(request)),
        },
    )
