"""Publishing and unpublishing are all or nothing.

Wagtail makes a page live, sends `page_published` (whose receivers queue the
Telegram posts, the related-articles update and the search index) and logs it
in separate statements, each committed on its own. A process killed between
them would leave an article live with no post queued and no related list, or a
scheduled revision no longer scheduled while its page is not live. So every
publish and unpublish runs in one transaction, however it is started: the
admin's edit view calls Wagtail's action directly rather than Page.publish, so
it is the actions themselves that are wrapped.
"""

from django.db import transaction
from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.actions.unpublish import UnpublishAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin.views.pages.create import CreateView


def make_publishing_atomic() -> None:
    for action in (PublishRevisionAction, UnpublishAction, UnpublishPageAction):
        action.execute = transaction.atomic(action.execute)
    # The admin's "Publish" on a new page first adds the page, live by default
    # and with nothing published yet, then publishes it: both or neither.
    CreateView.publish_action = transaction.atomic(CreateView.publish_action)
