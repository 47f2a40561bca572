"""A paper in which every role has objects inside and outside its scope, with secrets.

Kronika's groups hold their page rights on the root page and their image and
document rights on the root collection, so nothing would be outside their scope.
ScopedPaper narrows them (see its docstring), plants a secret marker in
everything some role must not see, and names every object a URL's arguments can
point at (targets_of), with who may do what to it.
"""

import io
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image
from taggit.models import Tag
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Site,
    Task,
    UploadedFile,
    Workflow,
)
from wagtail.users.models import UserProfile

from kronika.base.models import KronikaImage, PaperSettings
from kronika.comments.models import Block, Comment
from kronika.news.models import ArticlePage, SectionPage
from kronika.newsletters.models import Newsletter, PendingSignup, Subscriber
from kronika.ratings.models import Rating
from kronika.security.tests import scoped_translations
from kronika.security.tests.support import (
    EDITOR,
    EDITORS,
    EVERYONE,
    NOBODY,
    ONLY_SUPERUSER,
    READER,
    REPORTER,
    ROLES,
    STAFF,
    SUPERUSER,
    Target,
    rights,
)
from kronika.telegram.models import Call, Channel, Post
from kronika.testing import (
    PASSWORD,
    KronikaTestCase,
    body,
    build_article,
    make_image,
    publish_article,
)


@dataclass(frozen=True)
class Secret:
    """A marker planted in something, and the roles that may ever be shown it."""

    marker: str
    shown_to: frozenset


def marker(what: str) -> str:
    """A string that appears nowhere unless the thing it was planted in is shown."""
    return f"zq-{what}-secret-marker"


def secret_body(what: str) -> str:
    """An article body with a marker, and a word a reader may search for or find by tag."""
    return body(marker(what), "The budget, as the newsroom sees it.")


def _image_file(name: str) -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#884422").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name=name)


class ScopedPaper(KronikaTestCase):
    """The paper of KronikaTestCase, with the newsroom's scope narrowed so that it differs.

    Kronika's groups hold their page rights on the root page and their image and
    document rights on the root collection, so nothing would be outside their
    scope. Here Reporters hold theirs on the News section only and Editors on the
    home page only; a "Vault" tree beside the home page is nobody's but the
    superuser's. Collections: "Newsroom" is the groups', "Legal" nobody's, and its
    files are private to superusers.
    """

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        User = get_user_model()
        cls.superuser = User.objects.create_superuser(
            "chief", marker("chief-email") + "@example.org", PASSWORD
        )
        cls.colleague = User.objects.create_user(
            "colleague", marker("colleague-email") + "@example.org", PASSWORD, is_staff=True
        )
        reporters, editors = Group.objects.get(name="Reporters"), Group.objects.get(name="Editors")
        cls.colleague.groups.add(reporters)
        for user in (cls.reporter, cls.editor, cls.reader):
            user.email = marker(f"{user.username}-email") + "@example.org"
            user.save(update_fields=["email"])
        # A stored hash, as no page should ever show it, whoever asks.
        User.objects.update(password=f"md5$salt${marker('password-hash')}")
        for user in (cls.reporter, cls.editor, cls.reader, cls.superuser, cls.colleague):
            user.refresh_from_db()
            # Wagtail makes a user's profile on their first request; these users have one.
            UserProfile.get_for_user(user)
        cls.users = {
            READER: cls.reader,
            REPORTER: cls.reporter,
            EDITOR: cls.editor,
            SUPERUSER: cls.superuser,
        }
        root = Page.get_first_root_node()
        GroupPagePermission.objects.filter(group=reporters, page=root).update(page=cls.news)
        GroupPagePermission.objects.filter(group=editors, page=root).update(page=cls.home)
        cls.vault = SectionPage(title="Vault", slug="vault")
        root.add_child(instance=cls.vault)
        cls.vault.save_revision(user=cls.superuser).publish()

        cls._build_collections(reporters, editors)
        cls._build_pages(editors)
        cls._build_reader_content()
        cls._build_admin_objects()
        scoped_translations.build(cls)
        cls.secrets = cls._secrets()
        cls.targets = {target.name: target for target in targets_of(cls)}

    @classmethod
    def _build_collections(cls, reporters, editors):
        top = Collection.get_first_root_node()
        cls.newsroom = top.add_child(name="Newsroom")
        cls.legal = top.add_child(name="Legal")
        GroupCollectionPermission.objects.filter(
            group__in=[reporters, editors], collection=top
        ).update(collection=cls.newsroom)
        restriction = CollectionViewRestriction.objects.create(
            collection=cls.legal, restriction_type=CollectionViewRestriction.GROUPS
        )
        cls.legal_restriction = restriction

        def image(title, owner, collection):
            picture = make_image(title, size=(64, 48))
            picture.uploaded_by_user = owner
            picture.collection = collection
            picture.save()
            return picture

        cls.own_image = image("Reporter's photo", cls.reporter, cls.newsroom)
        cls.newsroom_image = image("Desk photo", cls.editor, cls.newsroom)
        cls.legal_image = image(marker("legal-image-title"), cls.superuser, cls.legal)

        Document = get_document_model()

        def document(title, owner, collection, text="A newsroom memo."):
            uploaded = Document(
                title=title,
                file=ContentFile(text.encode(), name="memo.txt"),
                uploaded_by_user=owner,
                collection=collection,
            )
            # As an upload through the admin has it; Wagtail would fill it in on first view.
            uploaded._set_document_file_metadata()
            uploaded.save()
            return uploaded

        cls.own_document = document("Reporter's notes", cls.reporter, cls.newsroom)
        cls.newsroom_document = document("Desk memo", cls.editor, cls.newsroom)
        cls.legal_document = document(
            marker("legal-document-title"),
            cls.superuser,
            cls.legal,
            text=f"Counsel's advice: {marker('legal-document-file')}",
        )

        def upload(model, name):
            return UploadedFile.objects.create(
                for_content_type=ContentType.objects.get_for_model(model),
                file=_image_file(name),
                uploaded_by_user=cls.reporter,
            )

        cls.image_upload = upload(KronikaImage, "upload.png")
        cls.document_upload = upload(Document, "upload.png")

    @classmethod
    def _build_pages(cls, editors):
        def draft(section, title, slug, owner, text, in_review=False):
            article = build_article(section, title, slug=slug, live=False, body=secret_body(text))
            article.owner = owner
            section.add_child(instance=article)
            article.save_revision(user=owner)
            if in_review:
                article.get_workflow().start(article, owner)
            article.refresh_from_db()
            return article

        cls.own_draft = draft(
            cls.news,
            marker("own-draft-title"),
            "own-draft",
            cls.reporter,
            "own-draft-body",
            in_review=True,
        )
        cls.colleagues_draft = draft(
            cls.news,
            marker("colleague-draft-title"),
            "colleague-draft",
            cls.colleague,
            "colleague-draft-body",
        )
        cls.sport_draft = draft(
            cls.sport,
            marker("sport-draft-title"),
            "sport-draft",
            cls.editor,
            "sport-draft-body",
            in_review=True,
        )
        cls.vault_draft = draft(
            cls.vault,
            marker("vault-draft-title"),
            "vault-draft",
            cls.superuser,
            "vault-draft-body",
        )

        cls.budget = publish_article(
            cls.news, "Budget talks", tags=["budget"], authors=[cls.alice], hero_image=None
        )
        cls.sport_results = publish_article(cls.sport, "Sport results", authors=[cls.bob])
        # A newer draft of a published article: readers see the published text only.
        sport_results = cls.sport_results
        sport_results.title = marker("sport-changes-title")
        sport_results.body = secret_body("sport-changes-body")
        sport_results.save_revision(user=cls.editor)
        cls.sport_results.refresh_from_db()

        cls.private = publish_article(
            cls.news,
            marker("private-title"),
            slug="private",
            tags=["budget"],
            authors=[cls.alice],
            body=secret_body("private-body"),
        )
        restriction = PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([editors])
        cls.private_restriction = restriction

        cls.withdrawn = publish_article(
            cls.news,
            marker("withdrawn-title"),
            slug="withdrawn",
            tags=["budget"],
            authors=[cls.alice],
            body=secret_body("withdrawn-body"),
        )
        cls.withdrawn.unpublish(user=cls.editor)

        cls.alias = cls.sport_results.create_alias(update_slug="sport-results-again")

        embargoed = build_article(
            cls.news,
            marker("scheduled-title"),
            slug="scheduled",
            live=False,
            tags=["budget"],
            authors=[cls.alice],
            body=secret_body("scheduled-body"),
        )
        embargoed.go_live_at = timezone.now() + timedelta(days=2)
        cls.news.add_child(instance=embargoed)
        embargoed.save_revision(user=cls.editor).publish(user=cls.editor)
        embargoed.refresh_from_db()
        cls.scheduled = embargoed

    @classmethod
    def _build_reader_content(cls):
        cls.approved_comment = Comment.objects.create(
            article=cls.budget,
            name="Ona",
            email=marker("approved-commenter-email") + "@example.org",
            body="A public comment.",
            status=Comment.Status.APPROVED,
        )
        cls.pending_comment = Comment.objects.create(
            article=cls.budget,
            name="Jonas",
            email=marker("pending-commenter-email") + "@example.org",
            body=marker("pending-comment-body"),
            status=Comment.Status.PENDING,
        )
        cls.block = Block.objects.create(
            kind=Block.Kind.EMAIL, value=marker("blocked-email") + "@example.org"
        )
        Rating.cast(cls.budget, "a-reader", 4)
        cls.newsletter = Newsletter.objects.get(kind=Newsletter.Kind.DIGEST)
        Subscriber.objects.create(
            email=marker("subscriber-email") + "@example.org"
        ).newsletters.add(cls.newsletter)
        PendingSignup.objects.create(
            email=marker("pending-subscriber-email") + "@example.org",
            language="en",
            newsletter_ids=[cls.newsletter.pk],
            client="0" * 64,
        )

    @classmethod
    def _build_admin_objects(cls):
        cls.channel = Channel.objects.create(
            name="The channel",
            chat_id="@kronika",
            bot_token=f"4242:{marker('bot-token')}",
            enabled=False,
        )
        cls.sport_post = Post.objects.create(
            article=cls.sport_results, channel=cls.channel, state=Post.State.FAILED
        )
        cls.vault_post = Post.objects.create(
            article=cls.vault_draft, channel=cls.channel, state=Post.State.FAILED
        )
        Call.objects.create(
            channel=cls.channel, post=cls.sport_post, method="sendMessage", outcome="refused"
        )
        cls.redirect = Redirect.objects.create(old_path="/old-story", redirect_link="/")
        page_type = ContentType.objects.get_for_model(Page)
        cls.editing_session = EditingSession.objects.create(
            user=cls.reporter,
            content_type=page_type,
            object_id=str(cls.own_draft.pk),
            last_seen_at=timezone.now(),
        )
        # The reporter and the editor sign in with a code (ScopedPaper.setUp); everyone
        # on the admin has a device half set up, whose QR code they may see.
        cls.devices = {
            user: TOTPDevice.objects.create(user=user, name=f"{user.username}'s phone")
            for user in (cls.reporter, cls.editor)
        }
        for user in (cls.reporter, cls.editor, cls.superuser):
            TOTPDevice.objects.create(user=user, name="New phone", confirmed=False)
        cls.workflow = Workflow.objects.get(name="Editorial review")
        cls.task = Task.objects.get(name="Editors' approval")
        cls.site = Site.objects.get(is_default_site=True)
        cls.paper = PaperSettings.for_site(cls.site)
        cls.paper.save()
        # Wagtail makes a site's settings with their defaults on first use, as
        # any reader's first visit would; the paper has been visited before.
        for model in settings_registry:
            model.for_site(cls.site)
        cls.tag = Tag.objects.get(name="budget")

    @classmethod
    def _secrets(cls) -> list[Secret]:
        # The News desk: the reporters who write there, the editors and the superuser.
        news_desk = STAFF
        secrets = [
            Secret(marker("own-draft-title"), news_desk),
            Secret(marker("own-draft-body"), news_desk),
            Secret(marker("colleague-draft-title"), news_desk),
            Secret(marker("colleague-draft-body"), news_desk),
            Secret(marker("sport-draft-title"), EDITORS),
            Secret(marker("sport-draft-body"), EDITORS),
            Secret(marker("vault-draft-title"), ONLY_SUPERUSER),
            Secret(marker("vault-draft-body"), ONLY_SUPERUSER),
            Secret(marker("sport-changes-title"), EDITORS),
            Secret(marker("sport-changes-body"), EDITORS),
            # Readers outside the Editors group may not read it; the News desk edits it.
            Secret(marker("private-title"), news_desk),
            Secret(marker("private-body"), news_desk),
            Secret(marker("withdrawn-title"), news_desk),
            Secret(marker("withdrawn-body"), news_desk),
            Secret(marker("scheduled-title"), news_desk),
            Secret(marker("scheduled-body"), news_desk),
            Secret(marker("legal-image-title"), ONLY_SUPERUSER),
            Secret(marker("legal-document-title"), ONLY_SUPERUSER),
            Secret(marker("legal-document-file"), ONLY_SUPERUSER),
            # Reporters may read the moderation queue; addresses are for moderators.
            Secret(marker("pending-comment-body"), news_desk),
            Secret(marker("pending-commenter-email"), EDITORS),
            Secret(marker("approved-commenter-email"), EDITORS),
            Secret(marker("blocked-email"), EDITORS),
            # Readers' addresses are shown to nobody: only the mail they asked for uses them.
            Secret(marker("subscriber-email"), NOBODY),
            Secret(marker("pending-subscriber-email"), NOBODY),
            # Kept to make calls and never shown again once saved, not even to its author.
            Secret(marker("bot-token"), NOBODY),
            Secret(marker("chief-email"), ONLY_SUPERUSER),
            Secret(marker("colleague-email"), ONLY_SUPERUSER),
            Secret(marker("reader-email"), ONLY_SUPERUSER),
            Secret(marker("reporter-email"), {REPORTER, SUPERUSER}),
            Secret(marker("editor-email"), {EDITOR, SUPERUSER}),
            Secret(marker("password-hash"), NOBODY),
        ]
        return [Secret(s.marker, frozenset(s.shown_to)) for s in secrets]

    def setUp(self):
        super().setUp()
        self.clients = {role: self.client_for(role) for role in ROLES}
        # Thousands of refusals would each log a warning; the tests report what matters.
        for name in ("django.request", "django.security.csrf"):
            log = logging.getLogger(name)
            self.addCleanup(log.setLevel, log.level)
            log.setLevel(logging.CRITICAL)

    def client_for(self, role: str, **options) -> Client:
        """A browser signed in as the role (with a code, for those who have a device)."""
        client = Client(raise_request_exception=False, **options)
        user = self.users.get(role)
        if user is not None:
            client.force_login(user)
            if user in self.devices:
                session = client.session
                session[DEVICE_ID_SESSION_KEY] = self.devices[user].persistent_id
                session.save()
        return client

    def forbidden_markers(self, role: str) -> list[str]:
        return [s.marker for s in self.secrets if role not in s.shown_to]


# Who holds page rights where, as ScopedPaper narrows Kronika's groups: those who
# edit (and browse) a desk's pages, and those who publish and lock them.
DESKS = {
    "news": (STAFF, EDITORS),
    "sport": (EDITORS, EDITORS),
    "vault": (ONLY_SUPERUSER, ONLY_SUPERUSER),
}


def _article(name: str, page, desk: str, *, read=NOBODY, in_review=False, **values) -> Target:
    """A page the admin's page views act on, and its address on the site."""
    editors_of, publishers = DESKS[desk]
    revisions = list(page.revisions.order_by("pk").values_list("pk", flat=True))
    page_values = {
        "page_id": page.pk,
        "pk": page.pk,
        "page_to_move_id": page.pk,
        "parent_page_id": page.pk,
        "page_pk": page.pk,
        "article_id": page.pk,
        0: page.url_path.removeprefix("/home/").lstrip("/"),
    }
    if revisions:
        page_values.update(
            revision_id=revisions[-1], revision_id_a=revisions[0], revision_id_b=revisions[-1]
        )
    task_state = page.current_workflow_task_state
    if task_state is not None:
        page_values.update(task_state_id=task_state.pk, task_id=task_state.task_id)
        page_values["workflow_state_id"] = task_state.workflow_state_id
    may = rights(
        edit=editors_of,
        explore=editors_of,
        # Without the right to publish, a page may be deleted or moved only while it is not live.
        delete=publishers if page.live else editors_of,
        publish=publishers,
        lock=publishers,
        review=EDITORS if in_review else NOBODY,
        read=read,
    )
    return Target(name, {**page_values, **values}, may)


def _document(name: str, document, may: dict, **values) -> Target:
    return Target(
        name,
        {
            "document_id": document.pk,
            "doc_id": document.pk,
            "pk": document.pk,
            0: document.pk,
            1: document.filename,
            **values,
        },
        may,
    )


def targets_of(paper) -> list[Target]:
    """Everything a URL's arguments can point at, with who may do what to it.

    The rights say what Kronika's groups, narrowed as ScopedPaper narrows them,
    are meant to allow; the matrix test checks that each role gets exactly that.
    """
    article_type = {"content_type_app_name": "news", "content_type_model_name": "articlepage"}
    paragraph = ArticlePage._meta.get_field("body").stream_block.child_blocks["paragraph"]
    return [
        # Sections: where pages are added and browsed.
        *(
            Target(
                f"the {section.title} section",
                {"parent_page_id": section.pk, **article_type},
                rights(add=DESKS[desk][0], explore=DESKS[desk][0]),
            )
            for section, desk in (
                (paper.news, "news"),
                (paper.sport, "sport"),
                (paper.vault, "vault"),
            )
        ),
        # Articles, from the reporter's own draft to one nobody but the superuser may touch.
        _article("the reporter's own draft", paper.own_draft, "news", in_review=True),
        _article("a colleague's draft", paper.colleagues_draft, "news"),
        _article("a Sport draft", paper.sport_draft, "sport", in_review=True),
        _article("a Vault draft", paper.vault_draft, "vault"),
        _article(
            "a Sport article with unpublished changes", paper.sport_results, "sport", read=EVERYONE
        ),
        _article("an alias in the Sport section", paper.alias, "sport", read=EVERYONE),
        _article("a published News article", paper.budget, "news", read=EVERYONE),
        _article(
            "a private article",
            paper.private,
            "news",
            read=EDITORS,
            page_view_restriction_id=paper.private_restriction.pk,
        ),
        _article("a withdrawn article", paper.withdrawn, "news"),
        _article("a scheduled article", paper.scheduled, "news"),
        Target("the home page", {0: ""}, rights(read=EVERYONE)),
        Target("the Sport section's page", {0: "sport/"}, rights(read=EVERYONE)),
        # Moving a page needs rights on it and on where it goes.
        *(
            Target(
                f"moving {name} to News",
                {"page_to_move_id": page.pk, "destination_id": paper.news.pk},
                rights(move=roles),
            )
            for name, page, roles in (
                ("the reporter's own draft", paper.own_draft, STAFF),
                ("a Sport draft", paper.sport_draft, EDITORS),
                ("a Vault draft", paper.vault_draft, ONLY_SUPERUSER),
            )
        ),
        # Images, documents and half-finished uploads, in and out of the newsroom's collection.
        *(
            Target(
                name, {"image_id": image.pk, "pk": image.pk}, rights(choose=choose, change=change)
            )
            for name, image, choose, change in (
                # Adding images lets a reporter change the ones they uploaded.
                ("the reporter's own image", paper.own_image, STAFF, STAFF),
                ("an editor's image", paper.newsroom_image, STAFF, EDITORS),
                (
                    "an image in the Legal collection",
                    paper.legal_image,
                    ONLY_SUPERUSER,
                    ONLY_SUPERUSER,
                ),
            )
        ),
        _document(
            "the reporter's own document",
            paper.own_document,
            rights(choose=STAFF, change=STAFF, read=EVERYONE),
        ),
        _document(
            "an editor's document",
            paper.newsroom_document,
            rights(choose=STAFF, change=EDITORS, read=EVERYONE),
        ),
        _document(
            "a document in the Legal collection",
            paper.legal_document,
            rights(choose=ONLY_SUPERUSER, change=ONLY_SUPERUSER, read=ONLY_SUPERUSER),
            restriction_id=paper.legal_restriction.pk,
        ),
        Target(
            "the reporter's unfinished image upload",
            {"uploaded_file_id": paper.image_upload.pk},
            rights(own={REPORTER}),
        ),
        Target(
            "the reporter's unfinished document upload",
            {"uploaded_file_id": paper.document_upload.pk},
            rights(own={REPORTER}),
        ),
        Target(
            "the reporter's editing session",
            {
                "app_label": "wagtailcore",
                "model_name": "page",
                "object_id": str(paper.own_draft.pk),
                "session_id": paper.editing_session.pk,
            },
            rights(own={REPORTER}, edit=STAFF),
        ),
        # Bulk actions name their objects in the query. Wagtail shows the confirmation
        # to whoever may use the action at all, and acts only on what they may act on.
        *(
            Target(
                f"bulk {action} of {name}",
                {"app_label": app, "model_name": model, "action": action},
                rights(see=see, act=act),
                query=f"id={pk}",
            )
            for name, app, model, action, pk, see, act in (
                (
                    "the reporter's own draft",
                    "wagtailcore",
                    "page",
                    "delete",
                    paper.own_draft.pk,
                    STAFF,
                    STAFF,
                ),
                (
                    "a Sport draft",
                    "wagtailcore",
                    "page",
                    "publish",
                    paper.sport_draft.pk,
                    STAFF,
                    EDITORS,
                ),
                (
                    "a Vault draft",
                    "wagtailcore",
                    "page",
                    "delete",
                    paper.vault_draft.pk,
                    STAFF,
                    ONLY_SUPERUSER,
                ),
                (
                    "a Sport article",
                    "wagtailcore",
                    "page",
                    "unpublish",
                    paper.sport_results.pk,
                    STAFF,
                    EDITORS,
                ),
                (
                    "an editor's image",
                    "base",
                    "kronikaimage",
                    "delete",
                    paper.newsroom_image.pk,
                    STAFF,
                    EDITORS,
                ),
                (
                    "an image in the Legal collection",
                    "base",
                    "kronikaimage",
                    "add_to_collection",
                    paper.legal_image.pk,
                    STAFF,
                    ONLY_SUPERUSER,
                ),
                (
                    "a document in the Legal collection",
                    "wagtaildocs",
                    "document",
                    "delete",
                    paper.legal_document.pk,
                    STAFF,
                    ONLY_SUPERUSER,
                ),
                (
                    "the editor's account",
                    "auth",
                    "user",
                    "set_active_state",
                    paper.editor.pk,
                    ONLY_SUPERUSER,
                    ONLY_SUPERUSER,
                ),
                (
                    "the reporter's account",
                    "auth",
                    "user",
                    "delete",
                    paper.reporter.pk,
                    ONLY_SUPERUSER,
                    ONLY_SUPERUSER,
                ),
                (
                    "a pending comment",
                    "comments",
                    "comment",
                    "approve",
                    paper.pending_comment.pk,
                    STAFF,
                    EDITORS,
                ),
                (
                    "a pending comment's author",
                    "comments",
                    "comment",
                    "block",
                    paper.pending_comment.pk,
                    STAFF,
                    EDITORS,
                ),
                ("an author", "news", "author", "delete", paper.alice.pk, STAFF, EDITORS),
                (
                    "a blocked commenter",
                    "comments",
                    "block",
                    "delete",
                    paper.block.pk,
                    STAFF,
                    EDITORS,
                ),
            )
        ),
        # Two-factor devices: each user's own, whose list an administrator may also see.
        *(
            target
            for user, role in ((paper.reporter, REPORTER), (paper.editor, EDITOR))
            for target in (
                Target(
                    f"the {role}'s devices",
                    {"user_id": user.pk},
                    rights(own={role, SUPERUSER}),
                ),
                Target(
                    f"the {role}'s phone",
                    {"pk": paper.devices[user].pk},
                    rights(own={role}),
                ),
            )
        ),
        # Uploaded files: pictures are public once uploaded; documents go through
        # Wagtail's view, which checks their collection's privacy.
        Target(
            "an image's file",
            {"address": f"/media/{paper.newsroom_image.file.name}"},
            rights(read=EVERYONE),
        ),
        Target(
            "a Legal document's file",
            {"address": f"/media/{paper.legal_document.file.name}"},
            rights(read=NOBODY),
        ),
        Target(
            "a Legal document's file by a roundabout path",
            {"address": f"/media/original_images/../{paper.legal_document.file.name}"},
            rights(read=NOBODY),
        ),
        # People, the newsroom's set-up, snippets.
        Target("the reporter's account", {"pk": paper.reporter.pk}),
        Target("the superuser's account", {"pk": paper.superuser.pk}),
        Target("the Editors group", {"pk": Group.objects.get(name="Editors").pk}),
        Target(
            "the Newsroom collection",
            {"pk": paper.newsroom.pk, "collection_id": paper.newsroom.pk},
        ),
        Target("the Legal collection", {"pk": paper.legal.pk, "collection_id": paper.legal.pk}),
        Target("the site", {"pk": paper.site.pk}),
        Target(
            "the review workflow",
            {
                "pk": paper.workflow.pk,
                "page_pk": Page.get_first_root_node().pk,
                "workflow_pk": paper.workflow.pk,
            },
        ),
        Target("the review task", {"pk": paper.task.pk, "task_id": paper.task.pk}),
        Target("a redirect", {"redirect_id": paper.redirect.pk}),
        # Site settings are edited by the site's id.
        *(
            Target(name, {"app_name": app_name, "model_name": model_name, "pk": paper.site.pk})
            for name, app_name, model_name in (
                ("the paper's settings", "base", "papersettings"),
                ("the comment settings", "comments", "commentsettings"),
                ("the Telegram channel's settings", "telegram", "telegramsettings"),
                ("the feed settings", "feeds", "feedsettings"),
            )
        ),
        Target("a paragraph block", {}, query=f"id={paragraph.definition_prefix}"),
        Target(
            "an author",
            {
                "pk": paper.alice.pk,
                "slug": paper.alice.slug,
                "app_label": "news",
                "model_name": "author",
            },
            rights(edit=EDITORS),
        ),
        *scoped_translations.targets(paper),
        Target("a tag", {"slug": paper.tag.slug}),
        Target("the News section's slug", {"slug": paper.news.slug}),
        Target(
            "an approved comment",
            {"pk": paper.approved_comment.pk, "comment_id": paper.approved_comment.pk},
            rights(read=EVERYONE),
        ),
        Target(
            "a pending comment",
            {"pk": paper.pending_comment.pk, "comment_id": paper.pending_comment.pk},
            rights(read=NOBODY),
        ),
        Target("a blocked commenter", {"pk": paper.block.pk}),
        Target("a newsletter", {"pk": paper.newsletter.pk}),
        # Signed with another key: what anyone may try, and what a real link would be
        # but for its signature.
        Target("a forged confirmation link", {"token": "MQ:1xafY3:forged-signature"}),
        Target("the Telegram channel", {"pk": paper.channel.pk}),
        Target(
            "a Telegram post of a Sport article",
            {"post_id": paper.sport_post.pk, "action": "resend"},
            rights(publish=EDITORS),
        ),
        Target(
            "a Telegram post of a Vault article",
            {"post_id": paper.vault_post.pk, "action": "resend"},
            rights(publish=ONLY_SUPERUSER),
        ),
        *(
            Target(f"the {name} sitemap", {"section": name}, rights(read=EVERYONE))
            for name in ("articles", "sections", "tags", "authors")
        ),
        Target(
            "a password reset link",
            {
                "uidb64": urlsafe_base64_encode(force_bytes(paper.reporter.pk)),
                "token": default_token_generator.make_token(paper.reporter),
            },
        ),
    ]
