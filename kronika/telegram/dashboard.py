"""Telegram problems: posts that failed, or may or may not have reached their channel.

Shown to those who may publish, as only they may resend (kronika.telegram.views),
and listing only the posts of articles they may publish. Each opens the
article's editor, whose Telegram panel tells the story, and offers Resend.
"""

from django.template.defaultfilters import truncatechars
from django.urls import reverse

from kronika.news.dashboard import Item, PagePanel, edit_url
from kronika.telegram.models import Post

PROBLEMS = (Post.State.FAILED, Post.State.FLAGGED)
CALLS_PERMISSION = "telegram.view_call"


class TelegramProblemsPanel(PagePanel):
    name = "telegram_problems"
    heading = "Telegram problems"
    order = 70
    empty = "No Telegram problems."

    needs = ("publish",)

    def rows(self):
        publishable = self.policy.instances_user_has_permission_for(self.user, "publish")
        return (
            Post.objects.filter(state__in=PROBLEMS, article__in=publishable.values("pk"))
            .select_related("article", "channel")
            .order_by("-created_at", "-pk")
        )

    def item(self, post):
        said = f"{post.channel.name}: {post.get_state_display()}"
        return Item(
            title=post.article.title,
            url=edit_url(post.article_id),
            note=f"{said} ({truncatechars(post.error, 100)})" if post.error else said,
            when=post.sent_at or post.created_at,
            links=[("Resend", reverse("telegram_act", args=(post.pk, "resend")))],
        )

    def more_link(self):
        if self.user.has_perm(CALLS_PERMISSION):
            return "See every call to Telegram", reverse("telegram_calls")
        return None


def add_panel(request, panels):
    panels.append(TelegramProblemsPanel(request))
