"""The newsroom's dashboard: what each person can do next, in the order of a working day.

Panels, top to bottom (their `order`): Write an article (10), Waiting for your
review (20), My drafts (30), Scheduled (40) and Published today (50), from
here; Comments waiting (60) and Telegram problems (70) come from those
features' own `dashboard` modules, so that news knows nothing of them.

A panel is shown to whoever could ever act on its kind of item (writers see
Write an article and My drafts, those who may publish see Waiting for your
review, moderators see Comments waiting...), and lists only the items its
viewer may act on now. Empty, it says so ("Nothing scheduled"), so that the
dashboard keeps its shape from one day to the next. Each panel lists at most
LIMIT items, in a fixed number of queries, and says how many more there are.

What became of Wagtail's own panels:
- "Awaiting your review" is replaced by Waiting for your review: the same
  task states (TaskState.objects.reviewable_by) and the same permission, but
  capped and without Wagtail's queries per row (each row's task, its
  workflow's tasks and its privacy). Its items open the editor, where the
  article is read in full before it is approved or sent back.
- "Your pages in workflow" is dropped: a page in review is one of My drafts,
  marked "In review".
- "Your most recent edits" is dropped: My drafts, Scheduled and Published
  today between them hold every page one is working on.
- "Locked pages" stays, after ours: it lists the pages the viewer locked and
  vanishes when there are none; a forgotten lock stops a colleague, and no
  other place shows it.
- The site summary (pages, images, documents) and the search box stay at the
  top: they are Wagtail's header rather than panels, and lead to the page tree
  and the libraries.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, Revision, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from kronika.news.models import ArticlePage, SectionPage

LIMIT = 8

# Wagtail's panels that ours replace (see the module's docstring).
REPLACED = {"workflow_objects_to_moderate", "user_objects_in_workflow_moderation", "recent_edits"}


@dataclass
class Item:
    title: str
    url: str
    note: str = ""
    when: datetime | None = None
    links: list[tuple[str, str]] = field(default_factory=list)


class DashboardPanel(Component):
    """A heading, up to LIMIT items with their links, and what it says when there are none."""

    template_name = "news/dashboard/panel.html"
    name = ""
    heading = ""
    order = 0
    empty = ""
    counted = True  # the heading shows how many items there are
    as_buttons = False  # items are actions, shown as a row of buttons rather than a table
    limit = LIMIT

    class Media:
        css = {"all": ["news/dashboard.css"]}

    def __init__(self, request):
        self.request = request
        self.user = request.user

    def is_shown(self) -> bool:
        """Whether the viewer could ever act on this panel's kind of item."""
        return True

    def rows(self):
        """The queryset of what the panel lists, in the order it lists them."""
        raise NotImplementedError

    def item(self, row) -> Item:
        raise NotImplementedError

    def get_items(self) -> tuple[list[Item], int]:
        """At most `limit` items, and how many there are in all."""
        rows, total = listed(self.rows(), self.limit)
        return [self.item(row) for row in rows], total

    def more_link(self) -> tuple[str, str] | None:
        """A page listing them all, as (label, url), where there is one the viewer may open."""
        return None

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.is_shown() else ""

    def get_context_data(self, parent_context=None):
        items, total = self.get_items()
        heading = f"{self.heading} ({total:,})" if self.counted and total else self.heading
        return {
            "panel": self,
            "heading": heading,
            "items": items,
            "more": total - len(items),
            "more_link": self.more_link(),
        }


def listed(queryset, limit: int = LIMIT) -> tuple[list, int]:
    """The first `limit` rows of a queryset, and its count (one query when it is short)."""
    rows = list(queryset[: limit + 1])
    if len(rows) <= limit:
        return rows, len(rows)
    return rows[:limit], queryset.count()


def edit_url(page_id) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page_id,))


class PagePanel(DashboardPanel):
    """A panel about pages, for those who may write or edit them."""

    @cached_property
    def policy(self):
        return PagePermissionPolicy()

    def editable_ids(self):
        """The pages the viewer may edit, as a subquery (their own ones, for those who may add)."""
        return self.policy.instances_user_has_any_permission_for(self.user, ["change"]).values(
            "pk"
        )

    # Who could ever act on this panel's pages: anyone who holds one of these page permissions.
    needs = ("add", "change")

    def is_shown(self):
        return self.policy.user_has_any_permission(self.user, self.needs)


class WriteArticlePanel(PagePanel):
    name = "write_an_article"
    heading = "Write an article"
    order = 10
    empty = "There is no section you may write in."
    counted = False
    as_buttons = True
    limit = 100  # every section: a paper has a few dozen at most

    needs = ("add",)

    def rows(self):
        may_add = self.policy.instances_user_has_permission_for(self.user, "add")
        return SectionPage.objects.filter(pk__in=may_add.values("pk")).order_by("path")

    def item(self, section):
        add = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))
        return Item(title=section.title, url=add)


class ReviewPanel(PagePanel):
    name = "waiting_for_review"
    heading = "Waiting for your review"
    order = 20
    empty = "Nothing waiting for your review."
    needs = ("publish",)  # in this paper, those who publish are those who review

    def rows(self):
        return (
            TaskState.objects.reviewable_by(self.user)
            .filter(workflow_state__base_content_type__model="page")
            .select_related("task", "revision__user", "workflow_state")
            .order_by("-started_at")
        )

    def item(self, state):
        name = get_user_display_name(state.revision.user)
        return Item(
            title=state.revision.object_str,
            url=edit_url(state.workflow_state.object_id),
            note=f"{state.task.name}, sent by {name}" if name else state.task.name,
            when=state.started_at,
        )


class DraftsPanel(PagePanel):
    name = "my_drafts"
    heading = "My drafts"
    order = 30
    empty = "No drafts."

    def rows(self):
        in_review = WorkflowState.objects.active().filter(
            base_content_type__model="page",
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        return (
            Page.objects.filter(has_unpublished_changes=True, pk__in=self.editable_ids())
            .filter(Q(owner=self.user) | Q(latest_revision__user=self.user))
            .annotate_approved_schedule()
            .filter(_approved_schedule=False)  # those are Scheduled, not drafts
            .annotate(in_review=Exists(in_review))
            .order_by("-latest_revision_created_at", "-pk")
        )

    def item(self, page):
        if page.in_review:
            status = "In review"
        else:
            status = "Changes not yet published" if page.live else "Never published"
        return Item(page.draft_title, edit_url(page.pk), status, page.latest_revision_created_at)


class ScheduledPanel(PagePanel):
    name = "scheduled"
    heading = "Scheduled"
    order = 40
    empty = "Nothing scheduled."

    def rows(self):
        # A revision's object_id is text: the page ids are cast to match.
        editable = self.editable_ids().annotate(key=Cast("pk", output_field=CharField()))
        return Revision.page_revisions.filter(
            approved_go_live_at__isnull=False, object_id__in=editable.values("key")
        ).order_by("approved_go_live_at", "pk")

    def item(self, revision):
        # When it goes live, as a date: "in 20 hours" reads as "Just now" in Wagtail's dates.
        goes_live = timezone.localtime(revision.approved_go_live_at)
        return Item(
            revision.object_str,
            edit_url(revision.object_id),
            f"Goes live {date_format(goes_live, 'D j M, H:i')}",
        )


class PublishedTodayPanel(PagePanel):
    name = "published_today"
    heading = "Published today"
    order = 50
    empty = "Nothing published today."

    @cached_property
    def midnight(self):
        """The start of the paper's day, in its own time zone."""
        return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)

    def rows(self):
        return (
            ArticlePage.objects.live()
            .filter(last_published_at__gte=self.midnight, pk__in=self.editable_ids())
            .order_by("-last_published_at", "-pk")
        )

    def item(self, article):
        first = article.first_published_at
        return Item(
            title=article.title,
            url=edit_url(article.pk),
            note="Published" if first is None or first >= self.midnight else "Updated",
            when=article.last_published_at,
            links=[("View live", article.get_url(self.request))],
        )


NEWSROOM_PANELS = (
    WriteArticlePanel,
    ReviewPanel,
    DraftsPanel,
    ScheduledPanel,
    PublishedTodayPanel,
)


def arrange(request, panels: list) -> None:
    """Wagtail's `construct_homepage_panels`: the newsroom's panels in place of Wagtail's."""
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED]
    panels.extend(panel(request) for panel in NEWSROOM_PANELS)
