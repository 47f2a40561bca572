"""Comments waiting: the dashboard's panel for those who moderate readers' comments.

Shown only to moderators (who may change a comment): a reporter may read the
queue, but has nothing to do in it. Oldest first, as the readers have waited longest.
"""

from django.urls import reverse

from kronika.comments.models import Comment
from kronika.news.dashboard import DashboardPanel, Item

MODERATE = "comments.change_comment"
QUEUE = "wagtailsnippets_comments_comment"


class CommentsWaitingPanel(DashboardPanel):
    name = "comments_waiting"
    heading = "Comments waiting"
    order = 60
    empty = "No comments waiting."

    def is_shown(self):
        return self.user.has_perm(MODERATE)

    def rows(self):
        return Comment.objects.pending().select_related("article").order_by("created_at", "pk")

    def item(self, comment):
        return Item(
            title=f"{comment.name}: {comment.excerpt(80)}",
            url=reverse(f"{QUEUE}:edit", args=(comment.pk,)),
            note=f"On {comment.article.title}",
            when=comment.created_at,
        )

    def more_link(self):
        return "Open the moderation queue", reverse(f"{QUEUE}:list") + "?status=pending"


def add_panel(request, panels):
    panels.append(CommentsWaitingPanel(request))
