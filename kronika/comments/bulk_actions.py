from django.core.exceptions import BadRequest
from django.db import transaction
from django.shortcuts import get_list_or_404
from django.utils.functional import cached_property, classproperty
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from kronika.comments.models import Block, Comment


def comment_ids(values: list[str]) -> list[int]:
    """Comment numbers as sent; anything else is a 400, not a database error."""
    if not values or not all(is_comment_number(value) for value in values):
        raise BadRequest("The comments to moderate are not given as comment numbers.")
    return [int(value) for value in values]


def is_comment_number(value: str) -> bool:
    # Eighteen digits still fit the database's integer columns.
    return value.isascii() and value.isdigit() and len(value) <= 18


class ModerationBulkAction(SnippetBulkAction):
    """Gives each selected comment `status`; the actions differ in that and in their words.

    The confirmation page is reached as Wagtail's listing sends it: the ids ticked
    on one page of 20, or `id=all` with the listing's filters and search for
    "Select all in listing", which acts on what the listing shows. Its form posts
    back, in the body, the ids of the comments it listed, not the address it came
    from: past about 200 comments their ids make an address longer than the site
    accepts (a 414), and a comment that came in while the moderator read the list
    is not approved unseen.
    """

    template_name = "comments/bulk_actions/confirm.html"
    icon_name = "check"
    status = Comment.Status.APPROVED
    question = ""
    done = ""

    @classproperty
    def models(cls):
        return [Comment]

    @classmethod
    def applies_to(cls, comment) -> bool:
        return comment.status != cls.status

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for comment in objects:
            comment.moderate(cls.status, user)
        return len(objects), 0

    def chosen_ids(self):
        if "ids" in self.request.POST:
            # One field, not one per comment: Django refuses a body of over 1,000 fields.
            return comment_ids(self.request.POST["ids"].split(","))
        # The address, as the listing sends it; a script's POST may still name them so.
        ids = self.request.GET.getlist("id")
        return self.ids_in_listing() if "all" in ids else comment_ids(ids)

    def ids_in_listing(self):
        """What the comment listing shows for this request's filters and search, all pages.

        Wagtail's own default is every comment there is, whatever the listing showed.
        """
        index = Comment.snippet_viewset.index_view
        listing = index.view_class(**index.view_initkwargs)
        listing.setup(self.request)
        return listing.get_queryset().values_list("pk", flat=True)

    @cached_property
    def selection(self):
        allowed, refused = [], []
        for comment in get_list_or_404(Comment, pk__in=self.chosen_ids()):
            (allowed if self.check_perm(comment) else refused).append(comment)
        return allowed, {"items_with_no_access": refused}

    def get_actionable_objects(self):
        return self.selection

    def get_execution_context(self):
        return {"user": self.request.user}

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", comment
        )

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "action": self,
            "listed_ids": ",".join(str(comment.pk) for comment in self.selection[0]),
            "submit_url": self.request.path,
        }

    def get_success_message(self, num_parent_objects, num_child_objects):
        noun = "comment" if num_parent_objects == 1 else "comments"
        return f"{num_parent_objects} {noun} {self.done}."


class ApproveBulkAction(ModerationBulkAction):
    display_name = "Approve"
    action_type = "approve"
    aria_label = "Approve the selected comments"
    action_priority = 10
    status = Comment.Status.APPROVED
    question = "Publish these comments under their articles?"
    done = "approved"


class SpamBulkAction(ModerationBulkAction):
    display_name = "Spam"
    action_type = "spam"
    aria_label = "Reject the selected comments as spam"
    icon_name = "warning"
    action_priority = 20
    status = Comment.Status.SPAM
    question = "Reject these comments as spam? They stop being shown, and stay in the list."
    done = "rejected as spam"


class BlockBulkAction(ModerationBulkAction):
    display_name = "Block commenter"
    action_type = "block"
    aria_label = "Block the commenters of the selected comments"
    icon_name = "cross"
    action_priority = 25
    question = (
        "Block whoever wrote these comments, by email and by client fingerprint? "
        "Their comments are marked as spam, and anything they send later is refused."
    )
    status = Comment.Status.SPAM
    done = "marked as spam, and their commenters blocked"
    classes = {"serious"}

    @classmethod
    def applies_to(cls, comment) -> bool:
        return True

    def check_perm(self, comment):
        return super().check_perm(comment) and self.request.user.has_perm("comments.add_block")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        with transaction.atomic():
            for comment in objects:
                Block.block_commenter_of(comment, user, reason=f"Comment #{comment.pk}")
                comment.moderate(cls.status, user)
        return len(objects), 0
