from django.db import transaction
from django.utils.functional import classproperty
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from kronika.comments.models import Block, Comment


class ModerationBulkAction(SnippetBulkAction):
    """Gives each selected comment `status`; the actions differ in that and in their words."""

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

    def get_execution_context(self):
        return {"user": self.request.user}

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", comment
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action": self}

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
