from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages

from kronika.telegram import outbox
from kronika.telegram.models import Post

ACTIONS = {
    "send-now": (
        "Send now",
        "Try this post again now, instead of waiting for its next retry?",
        {Post.State.QUEUED},
    ),
    "resend": (
        "Resend",
        "Send this article to the channel as a new post? If an earlier attempt reached "
        "the channel after all, it will be there twice.",
        {Post.State.FAILED, Post.State.FLAGGED, Post.State.CANCELLED, Post.State.DELETED},
    ),
}


def act(request, post_id: int, action: str):
    """An editor's Send now or Resend for one post, confirmed first."""
    if action not in ACTIONS:
        raise Http404
    post = get_object_or_404(Post.objects.select_related("article", "channel"), pk=post_id)
    article = post.article.specific
    if not article.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    label, question, states = ACTIONS[action]
    back = reverse("wagtailadmin_pages:edit", args=[article.pk])
    if post.state not in states:
        messages.warning(request, f"{label} does not apply to a post that is {post.state}.")
        return redirect(back)
    if request.method == "POST":
        if action == "resend":
            outbox.resend(post)
        else:
            outbox.send_now(post)
        messages.success(request, f"{label}: {post.channel.name} will get it shortly.")
        return redirect(back)
    return TemplateResponse(
        request,
        "telegram/confirm.html",
        {"post": post, "action_label": label, "question": question, "back": back},
    )
