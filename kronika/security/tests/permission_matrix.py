"""Who may get what from every URL pattern of Kronika: one entry per pattern name.

A pattern without a name is listed by its route. A new pattern, from Kronika or
from an app it installs, fails test_every_url_pattern_is_in_the_permission_matrix
until it has an entry here; an entry whose pattern is gone fails it too.

`may` is a set of roles, or the name of a right that each target in `on` grants
to some roles (scoped_paper.targets_of, where the rights are set out). A role that
may gets one of `ok` on GET; every other role is refused (401, 403, 404, 405 or a
redirect, to sign in or elsewhere). No answer to a role contains a secret marker
that role may not see (scoped_paper.ScopedPaper._secrets), unless `shows` excuses
it here, with the reason. `writes` marks the views whose POST changes something:
every other role posts to them with a valid CSRF token, and the database must
stay as it was. support.Entry describes each field.
"""

from kronika.security.tests.scoped_paper import marker
from kronika.security.tests.support import (
    EDITOR,
    EDITORS,
    EVERYONE,
    NOBODY,
    ONLY_SUPERUSER,
    REPORTER,
    STAFF,
    Entry,
)

SECTIONS = ("the News section", "the Sport section", "the Vault section")
# The reporter's own draft and a colleague's are in the reporter's scope, the Sport
# pages in the editor's, the Vault's only in the superuser's.
ARTICLES = (
    "the reporter's own draft",
    "a colleague's draft",
    "a Sport draft",
    "a Vault draft",
    "a Sport article with unpublished changes",
)
LIVE_ARTICLES = (
    "a Sport article with unpublished changes",
    "a published News article",
    "a private article",
)
IN_REVIEW = ("the reporter's own draft", "a Sport draft")
ON_THE_SITE = (
    "the home page",
    "the Sport section's page",
    *ARTICLES,
    "a published News article",
    "a private article",
    "a withdrawn article",
    "a scheduled article",
)
IMAGES = ("the reporter's own image", "an editor's image", "an image in the Legal collection")
DOCUMENTS = (
    "the reporter's own document",
    "an editor's document",
    "a document in the Legal collection",
)
MOVES = (
    "moving the reporter's own draft to News",
    "moving a Sport draft to News",
    "moving a Vault draft to News",
)
BULK = (
    "bulk delete of the reporter's own draft",
    "bulk publish of a Sport draft",
    "bulk delete of a Vault draft",
    "bulk unpublish of a Sport article",
    "bulk delete of an editor's image",
    "bulk add_to_collection of an image in the Legal collection",
    "bulk delete of a document in the Legal collection",
    "bulk set_active_state of the editor's account",
    "bulk delete of the reporter's account",
    "bulk approve of a pending comment",
    "bulk block of a pending comment's author",
    "bulk delete of an author",
    "bulk delete of a blocked commenter",
)
ACCOUNTS = ("the reporter's account", "the superuser's account")
COMMENTS = ("an approved comment", "a pending comment")
SITEMAPS = (
    "the articles sitemap",
    "the sections sitemap",
    "the tags sitemap",
    "the authors sitemap",
)
SEARCH = "q=budget"
SOURCES = ("the translations of a published News article", "the translations of a Vault draft")
TRANSLATION = ("the Lithuanian translation of a published News article",)
# Wagtail's page chooser lists every page, by its latest draft's title, to anyone
# who may link to pages. Kronika's groups hold their rights on the whole tree, so
# there it shows no one a title their rights hide. With rights narrowed as here, a
# reporter sees the titles of other desks' drafts, and nothing else of them. Its
# search matches published titles, so a new draft title of a published page shows
# only while browsing.
DRAFT_TITLES = {
    marker("sport-draft-title"): {REPORTER},
    marker("vault-draft-title"): {REPORTER, EDITOR},
}
CHOOSER_TITLES = {**DRAFT_TITLES, marker("sport-changes-title"): {REPORTER}}
REDIRECT = (302,)
POST_ONLY = (405,)
NEWSLETTER = ("a newsletter",)
NEWSLETTERS = "wagtailsnippets_newsletters_newsletter"

MATRIX = [
    # -- The admin's shell ------------------------------------------------------------
    Entry("wagtailadmin_home", STAFF),
    # Wagtail's page for testing its "not found" design, answered with 200.
    Entry("admin/test404/", STAFF, values={"address": "/admin/test404/"}),
    # Wagtail's deliberate error, to test error reporting: staff get the generic 500 page.
    Entry("wagtailadmin_error_test", STAFF, ok=(500,)),
    Entry("admin/.*/$", STAFF, ok=(404,), values={"address": "/admin/no-such-view/"}),
    Entry("wagtailadmin_sprite", EVERYONE),
    Entry("wagtailadmin_javascript_catalog", EVERYONE),
    Entry("wagtailadmin_account", STAFF, writes=True),
    Entry("wagtailadmin_logout", STAFF, ok=POST_ONLY),
    Entry("wagtailadmin_dismissibles", STAFF, writes=True),
    Entry("wagtailadmin_block_preview", STAFF, on=("a paragraph block",)),
    # -- Two-factor authentication: each user's own devices ---------------------------
    Entry("wagtail_2fa_auth", STAFF),
    Entry("wagtail_2fa_device_list", "own", on=("the reporter's devices", "the editor's devices")),
    Entry("wagtail_2fa_device_new", STAFF, writes=True),
    Entry("wagtail_2fa_device_qrcode", STAFF),
    Entry(
        "wagtail_2fa_device_update",
        "own",
        on=("the reporter's phone", "the editor's phone"),
        writes=True,
    ),
    # wagtail-2fa lets an administrator remove another's device only once they
    # have signed in with a code of their own; this one has no device.
    Entry(
        "wagtail_2fa_device_remove",
        "own",
        on=("the reporter's phone", "the editor's phone"),
        writes=True,
    ),
    # -- Signing in: open to all; a signed-in member of staff is sent on. ---------------
    Entry("wagtailadmin_login", EVERYONE, ok=(200, 302)),
    Entry("wagtailcore_login", EVERYONE, ok=(200, 302)),
    Entry("wagtailadmin_password_reset", EVERYONE),
    Entry("wagtailadmin_password_reset_done", EVERYONE),
    Entry(
        "wagtailadmin_password_reset_confirm",
        EVERYONE,
        on=("a password reset link",),
        ok=(200, 302),
    ),
    Entry("wagtailadmin_password_reset_complete", EVERYONE),
    # -- The admin API (wagtail.api's public API is not installed) ----------------------
    Entry("wagtailadmin_api:pages:listing", STAFF),
    Entry("wagtailadmin_api:pages:detail", "explore", on=ARTICLES),
    Entry("wagtailadmin_api:pages:find", STAFF, query="html_path=/news/", ok=REDIRECT),
    Entry(
        "wagtailadmin_api:pages:action",
        "edit",
        on=ARTICLES,
        ok=POST_ONLY,
        writes=True,
        values={"action_name": "copy"},
    ),
    Entry("wagtailadmin_api:documents:listing", STAFF),
    Entry("wagtailadmin_api:documents:detail", "choose", on=DOCUMENTS),
    Entry("wagtailadmin_api:documents:find", "choose", on=DOCUMENTS, query="id={pk}", ok=REDIRECT),
    Entry("wagtailadmin_api:images:listing", STAFF),
    Entry("wagtailadmin_api:images:detail", "choose", on=IMAGES),
    Entry("wagtailadmin_api:images:find", "choose", on=IMAGES, query="id={pk}", ok=REDIRECT),
    # -- Pages: browsing, adding, editing ----------------------------------------------
    # Sent on to the part of the tree they may browse, if not the whole.
    Entry("wagtailadmin_explore_root", STAFF, ok=(200, 302)),
    Entry("wagtailadmin_explore", "explore", on=SECTIONS),
    Entry("wagtailadmin_explore_results", "explore", on=SECTIONS),
    Entry("wagtailadmin_pages:search", STAFF, query=SEARCH),
    Entry("wagtailadmin_pages:search_results", STAFF, query=SEARCH),
    Entry("wagtailadmin_pages:add", "add", on=SECTIONS, writes=True),
    Entry("wagtailadmin_pages:preview_on_add", "add", on=SECTIONS),
    Entry("wagtailadmin_pages:add_subpage", "add", on=SECTIONS),
    # Sent straight on to the form when only one section will do.
    Entry(
        "wagtailadmin_pages:choose_parent",
        STAFF,
        values={"app_label": "news", "model_name": "articlepage"},
        ok=(200, 302),
    ),
    Entry(
        "wagtailadmin_pages:type_use",
        STAFF,
        values={"content_type_app_name": "news", "content_type_model_name": "articlepage"},
    ),
    Entry(
        "wagtailadmin_pages:type_use_results",
        STAFF,
        values={"content_type_app_name": "news", "content_type_model_name": "articlepage"},
    ),
    Entry("wagtailadmin_pages:usage", "edit", on=ARTICLES),
    Entry("wagtailadmin_pages:edit", "edit", on=ARTICLES, writes=True),
    Entry("wagtailadmin_pages:preview_on_edit", "edit", on=ARTICLES),
    Entry("wagtailadmin_pages:view_draft", "edit", on=ARTICLES),
    Entry("wagtailadmin_pages:copy", "edit", on=ARTICLES, writes=True),
    Entry(
        "wagtailadmin_pages:convert_alias",
        "edit",
        on=("an alias in the Sport section",),
        writes=True,
    ),
    # -- Pages: publishing, deleting, moving, locking, privacy --------------------------
    Entry("wagtailadmin_pages:delete", "delete", on=ARTICLES, writes=True),
    Entry("wagtailadmin_pages:unpublish", "publish", on=LIVE_ARTICLES, writes=True),
    Entry("wagtailadmin_pages:set_privacy", "publish", on=ARTICLES, writes=True),
    Entry("wagtailadmin_pages:move", "delete", on=ARTICLES),
    Entry("wagtailadmin_pages:move_confirm", "move", on=MOVES, writes=True),
    Entry(
        "wagtailadmin_pages:set_page_position", "publish", on=ARTICLES, ok=POST_ONLY, writes=True
    ),
    Entry("wagtailadmin_pages:lock", "lock", on=ARTICLES, ok=POST_ONLY, writes=True),
    Entry("wagtailadmin_pages:unlock", "lock", on=ARTICLES, ok=POST_ONLY, writes=True),
    Entry("wagtail_bulk_action", "see", on=BULK, writes="act"),
    # -- Pages: revisions and their history --------------------------------------------
    Entry("wagtailadmin_pages:revisions_index", "edit", on=ARTICLES, ok=REDIRECT),
    Entry("wagtailadmin_pages:revisions_view", "edit", on=ARTICLES),
    Entry("wagtailadmin_pages:revisions_revert", "edit", on=ARTICLES),
    Entry("wagtailadmin_pages:revisions_compare", "edit", on=ARTICLES),
    Entry(
        "wagtailadmin_pages:revisions_unschedule",
        "publish",
        on=("a scheduled article",),
        writes=True,
    ),
    Entry("wagtailadmin_pages:history", "edit", on=ARTICLES),
    Entry("wagtailadmin_pages:history_results", "edit", on=ARTICLES),
    # -- Pages: the review workflow ----------------------------------------------------
    Entry(
        "wagtailadmin_pages:workflow_action",
        "review",
        on=IN_REVIEW,
        values={"action_name": "approve"},
        writes=True,
    ),
    Entry(
        "wagtailadmin_pages:collect_workflow_action_data",
        "review",
        on=IN_REVIEW,
        values={"action_name": "reject"},
    ),
    # Wagtail tells anyone on the admin the names of the task and workflow a page is at.
    Entry("wagtailadmin_pages:confirm_workflow_cancellation", STAFF, on=IN_REVIEW),
    Entry("wagtailadmin_pages:workflow_preview", "review", on=IN_REVIEW),
    Entry("wagtailadmin_pages:workflow_history", "edit", on=ARTICLES),
    Entry("wagtailadmin_pages:workflow_history_detail", "edit", on=IN_REVIEW),
    # Anyone who may edit the page says they are there, in a session of their own;
    # only the session's owner can end it.
    Entry(
        "wagtailadmin_editing_sessions:ping",
        "edit",
        on=("the reporter's editing session",),
        ok=POST_ONLY,
        writes=True,
    ),
    Entry(
        "wagtailadmin_editing_sessions:release",
        STAFF,
        on=("the reporter's editing session",),
        ok=POST_ONLY,
        writes="own",
    ),
    # -- Choosers ----------------------------------------------------------------------
    Entry("wagtailadmin_choose_page", STAFF),
    Entry("wagtailadmin_choose_page_child", STAFF, on=SECTIONS, shows=CHOOSER_TITLES),
    Entry("wagtailadmin_choose_page_search", STAFF, query="q=marker", shows=DRAFT_TITLES),
    Entry("wagtailadmin_choose_page_chosen_multiple", STAFF),
    Entry("wagtailadmin_choose_page_external_link", STAFF),
    Entry("wagtailadmin_choose_page_email_link", STAFF),
    Entry("wagtailadmin_choose_page_phone_link", STAFF),
    Entry("wagtailadmin_choose_page_anchor_link", STAFF),
    Entry("wagtailadmin_tag_autocomplete", STAFF, query="term=bud"),
    Entry(
        "wagtailadmin_tag_model_autocomplete",
        STAFF,
        values={"app_name": "taggit", "model_name": "tag"},
        query="term=bud",
    ),
    Entry("wagtailimages_chooser:choose", STAFF),
    Entry("wagtailimages_chooser:choose_results", STAFF),
    Entry("wagtailimages_chooser:chosen", "choose", on=IMAGES),
    Entry("wagtailimages_chooser:chosen_multiple", STAFF),
    Entry("wagtailimages_chooser:create", STAFF, writes=True),
    Entry("wagtailimages_chooser:select_format", "choose", on=IMAGES),
    Entry("wagtaildocs_chooser:choose", STAFF),
    Entry("wagtaildocs_chooser:choose_results", STAFF),
    Entry("wagtaildocs_chooser:chosen", "choose", on=DOCUMENTS),
    Entry("wagtaildocs_chooser:chosen_multiple", STAFF),
    Entry("wagtaildocs_chooser:create", STAFF, writes=True),
    Entry("wagtailembeds:chooser", STAFF),
    Entry("wagtailembeds:chooser_upload", STAFF, writes=True),
    # Reporters choose the authors of their articles; only editors add authors.
    Entry("wagtailsnippetchoosers_news_author:choose", STAFF),
    Entry("wagtailsnippetchoosers_news_author:choose_results", STAFF),
    Entry("wagtailsnippetchoosers_news_author:chosen", STAFF, on=("an author",)),
    Entry("wagtailsnippetchoosers_news_author:chosen_multiple", STAFF),
    Entry("wagtailsnippetchoosers_news_author:create", EDITORS, writes=True),
    Entry("wagtailsnippetchoosers_comments_comment:choose", STAFF),
    Entry("wagtailsnippetchoosers_comments_comment:choose_results", STAFF),
    Entry("wagtailsnippetchoosers_comments_comment:chosen", STAFF, on=COMMENTS),
    Entry("wagtailsnippetchoosers_comments_comment:chosen_multiple", STAFF),
    Entry("wagtailsnippetchoosers_comments_comment:create", NOBODY, writes=True),
    Entry("wagtailsnippetchoosers_comments_block:choose", EDITORS),
    Entry("wagtailsnippetchoosers_comments_block:choose_results", EDITORS),
    Entry("wagtailsnippetchoosers_comments_block:chosen", EDITORS, on=("a blocked commenter",)),
    Entry("wagtailsnippetchoosers_comments_block:chosen_multiple", EDITORS),
    Entry("wagtailsnippetchoosers_comments_block:create", EDITORS, writes=True),
    # Newsletters' names are on every article's form: any staff member's chooser lists them.
    Entry("wagtailsnippetchoosers_newsletters_newsletter:choose", STAFF),
    Entry("wagtailsnippetchoosers_newsletters_newsletter:choose_results", STAFF),
    Entry("wagtailsnippetchoosers_newsletters_newsletter:chosen", STAFF, on=NEWSLETTER),
    Entry("wagtailsnippetchoosers_newsletters_newsletter:chosen_multiple", STAFF),
    Entry("wagtailsnippetchoosers_newsletters_newsletter:create", EDITORS, writes=True),
    Entry("wagtailsnippetchoosers_telegram_channel:choose", ONLY_SUPERUSER),
    Entry("wagtailsnippetchoosers_telegram_channel:choose_results", ONLY_SUPERUSER),
    Entry(
        "wagtailsnippetchoosers_telegram_channel:chosen",
        ONLY_SUPERUSER,
        on=("the Telegram channel",),
    ),
    Entry("wagtailsnippetchoosers_telegram_channel:chosen_multiple", ONLY_SUPERUSER),
    Entry("wagtailsnippetchoosers_telegram_channel:create", ONLY_SUPERUSER, writes=True),
    # Wagtail lists the names of the review tasks to everyone on the admin; only
    # those who may add tasks get the form to create one.
    Entry("wagtailadmin_workflows:task_chooser", STAFF),
    Entry("wagtailadmin_workflows:task_chooser_results", STAFF),
    Entry("wagtailadmin_workflows:task_chooser_create", STAFF, writes=ONLY_SUPERUSER),
    Entry("wagtailadmin_workflows:task_chosen", STAFF, on=("the review task",)),
    # -- Images and documents ----------------------------------------------------------
    Entry("wagtailimages:index", STAFF),
    Entry("wagtailimages:index_results", STAFF),
    Entry("wagtailimages:add", STAFF, writes=True),
    Entry("wagtailimages:add_multiple", STAFF, writes=True),
    Entry("wagtailimages:edit", "change", on=IMAGES, writes=True),
    Entry("wagtailimages:delete", "change", on=IMAGES, writes=True),
    Entry("wagtailimages:edit_multiple", "change", on=IMAGES, ok=POST_ONLY, writes=True),
    Entry("wagtailimages:delete_multiple", "change", on=IMAGES, ok=POST_ONLY, writes=True),
    # Kronika serves no dynamic image addresses, so there is nothing to generate.
    Entry("wagtailimages:url_generator", NOBODY, on=IMAGES),
    Entry("wagtailimages:url_generator_output", NOBODY, on=IMAGES),
    Entry("wagtailimages:preview", "change", on=IMAGES, values={"filter_spec": "fill-20x20"}),
    Entry("wagtailimages:image_usage", "change", on=IMAGES),
    Entry(
        "wagtailimages:create_multiple_from_uploaded_image",
        "own",
        on=("the reporter's unfinished image upload",),
        ok=POST_ONLY,
        writes=True,
    ),
    Entry(
        "wagtailimages:delete_upload_multiple",
        "own",
        on=("the reporter's unfinished image upload",),
        ok=POST_ONLY,
        writes=True,
    ),
    Entry("wagtaildocs:index", STAFF),
    Entry("wagtaildocs:index_results", STAFF),
    Entry("wagtaildocs:add", STAFF, writes=True),
    Entry("wagtaildocs:add_multiple", STAFF, writes=True),
    Entry("wagtaildocs:edit", "change", on=DOCUMENTS, writes=True),
    Entry("wagtaildocs:delete", "change", on=DOCUMENTS, writes=True),
    Entry("wagtaildocs:edit_multiple", "change", on=DOCUMENTS, ok=POST_ONLY, writes=True),
    Entry("wagtaildocs:delete_multiple", "change", on=DOCUMENTS, ok=POST_ONLY, writes=True),
    Entry("wagtaildocs:document_usage", "change", on=DOCUMENTS),
    Entry(
        "wagtaildocs:create_multiple_from_uploaded_document",
        "own",
        on=("the reporter's unfinished document upload",),
        ok=POST_ONLY,
        writes=True,
    ),
    Entry(
        "wagtaildocs:delete_upload_multiple",
        "own",
        on=("the reporter's unfinished document upload",),
        ok=POST_ONLY,
        writes=True,
    ),
    Entry("wagtaildocs_serve", "read", on=DOCUMENTS),
    Entry(
        "^media/(?P<path>.+)$",
        "read",
        on=(
            "an image's file",
            "a Legal document's file",
            "a Legal document's file by a roundabout path",
        ),
    ),
    Entry(
        "wagtaildocs_authenticate_with_password",
        EVERYONE,
        on=("a document in the Legal collection",),
        writes=True,
    ),
    # -- Snippets: authors, reader comments, blocked commenters, Telegram channels ------
    # Every snippet has its own menu item, so the index lists none and sends all away.
    Entry("wagtailsnippets:index", NOBODY),
    Entry("wagtailsnippets_news_author:list", EDITORS),
    Entry("wagtailsnippets_news_author:list_results", EDITORS),
    Entry("wagtailsnippets_news_author:add", EDITORS, writes=True),
    Entry("wagtailsnippets_news_author:edit", EDITORS, on=("an author",), writes=True),
    Entry("wagtailsnippets_news_author:delete", EDITORS, on=("an author",), writes=True),
    Entry("wagtailsnippets_news_author:usage", EDITORS, on=("an author",)),
    Entry("wagtailsnippets_news_author:history", EDITORS, on=("an author",)),
    Entry("wagtailsnippets_news_author:history_results", EDITORS, on=("an author",)),
    Entry("wagtailsnippets_news_author:copy", EDITORS, on=("an author",), writes=True),
    Entry("wagtailsnippets_comments_comment:list", STAFF, query="status=pending"),
    Entry("wagtailsnippets_comments_comment:list_results", STAFF, query="q=example"),
    # Comments come from readers only: nobody adds one in the admin.
    Entry("wagtailsnippets_comments_comment:add", NOBODY, writes=True),
    Entry("wagtailsnippets_comments_comment:edit", EDITORS, on=COMMENTS, writes=True),
    Entry("wagtailsnippets_comments_comment:delete", EDITORS, on=COMMENTS, writes=True),
    Entry("wagtailsnippets_comments_comment:usage", EDITORS, on=COMMENTS),
    Entry("wagtailsnippets_comments_comment:history", EDITORS, on=COMMENTS),
    Entry("wagtailsnippets_comments_comment:history_results", EDITORS, on=COMMENTS),
    Entry("wagtailsnippets_comments_block:list", EDITORS),
    Entry("wagtailsnippets_comments_block:list_results", EDITORS),
    Entry("wagtailsnippets_comments_block:add", EDITORS, writes=True),
    Entry(
        "wagtailsnippets_comments_block:edit", EDITORS, on=("a blocked commenter",), writes=True
    ),
    Entry(
        "wagtailsnippets_comments_block:delete", EDITORS, on=("a blocked commenter",), writes=True
    ),
    Entry("wagtailsnippets_comments_block:usage", EDITORS, on=("a blocked commenter",)),
    Entry("wagtailsnippets_comments_block:history", EDITORS, on=("a blocked commenter",)),
    Entry("wagtailsnippets_comments_block:history_results", EDITORS, on=("a blocked commenter",)),
    Entry("wagtailsnippets_newsletters_newsletter:list", EDITORS),
    Entry("wagtailsnippets_newsletters_newsletter:list_results", EDITORS),
    Entry("wagtailsnippets_newsletters_newsletter:add", EDITORS, writes=True),
    *(
        Entry(
            f"wagtailsnippets_newsletters_newsletter:{view}", EDITORS, on=NEWSLETTER, writes=True
        )
        for view in ("edit", "delete", "copy")
    ),
    *(
        Entry(f"wagtailsnippets_newsletters_newsletter:{view}", EDITORS, on=NEWSLETTER)
        for view in ("usage", "history", "history_results")
    ),
    Entry("wagtailsnippets_telegram_channel:list", ONLY_SUPERUSER),
    Entry("wagtailsnippets_telegram_channel:list_results", ONLY_SUPERUSER),
    Entry("wagtailsnippets_telegram_channel:add", ONLY_SUPERUSER, writes=True),
    Entry(
        "wagtailsnippets_telegram_channel:edit",
        ONLY_SUPERUSER,
        on=("the Telegram channel",),
        writes=True,
    ),
    Entry(
        "wagtailsnippets_telegram_channel:delete",
        ONLY_SUPERUSER,
        on=("the Telegram channel",),
        writes=True,
    ),
    Entry("wagtailsnippets_telegram_channel:usage", ONLY_SUPERUSER, on=("the Telegram channel",)),
    Entry(
        "wagtailsnippets_telegram_channel:history", ONLY_SUPERUSER, on=("the Telegram channel",)
    ),
    Entry(
        "wagtailsnippets_telegram_channel:history_results",
        ONLY_SUPERUSER,
        on=("the Telegram channel",),
    ),
    # -- Translations (wagtail-localize, held to page rights by kronika.translations) ---
    # Its translation editor's strings, for those who may open the admin.
    Entry("wagtail_localize:javascript_catalog", STAFF),
    # Translating a page needs the right to edit it (the form offers the languages).
    Entry("wagtail_localize:submit_page_translation", "edit", on=ARTICLES, writes=True),
    # No snippet of Kronika's is translatable: refused to those who may not edit
    # authors, and not found for those who may.
    Entry("wagtail_localize:submit_snippet_translation", NOBODY, on=("an author",), writes=True),
    # Syncing needs the right to edit the original.
    Entry("wagtail_localize:update_translations", "edit", on=SOURCES, writes=True),
    # The translation itself: in the Lithuanian tree, outside every desk's scope.
    Entry("wagtail_localize:edit_string_translation", "edit", on=TRANSLATION, ok=POST_ONLY),
    Entry(
        "wagtail_localize:edit_override",
        "edit",
        on=TRANSLATION,
        ok=(*POST_ONLY, 404),
    ),
    Entry("wagtail_localize:download_pofile", "edit", on=TRANSLATION),
    Entry("wagtail_localize:upload_pofile", "edit", on=TRANSLATION, ok=POST_ONLY, writes=True),
    # No machine translator is configured: nothing calls a third party.
    Entry("wagtail_localize:machine_translate", "edit", on=TRANSLATION, ok=POST_ONLY),
    # Its address with a preview mode finds none on an article (404), the one
    # without shows the preview (200).
    Entry(
        "wagtail_localize:preview_translation",
        "edit",
        on=(*TRANSLATION, "the Lithuanian translation in a preview mode articles do not have"),
        ok=(200, 404),
    ),
    Entry("wagtail_localize:stop_translation", "edit", on=TRANSLATION, ok=POST_ONLY, writes=True),
    Entry("wagtail_localize:convert_to_alias", "edit", on=TRANSLATION, writes=True),
    # Everyone on the admin may open the reports; each lists only what they may edit.
    Entry("wagtail_localize:translations_report", STAFF),
    Entry("wagtail_localize:translations_report_results", STAFF),
    Entry("translations_out_of_date", STAFF),
    Entry("translations_out_of_date_results", STAFF),
    # The snippets its editor chooses from, for those who may edit them.
    Entry("wagtail_localize:snippets_api_listing", "edit", on=("an author",)),
    Entry("wagtail_localize:snippets_api_detail", "edit", on=("an author",)),
    # -- Kronika's reports and Telegram actions ----------------------------------------
    Entry("ratings_report", STAFF),
    Entry("ratings_report_results", STAFF),
    Entry("telegram_calls", EDITORS),
    Entry("telegram_calls_results", EDITORS),
    Entry(
        "telegram_act",
        "publish",
        on=(
            "a Telegram post of a Sport article",
            "a Telegram post of a Vault article",
        ),
        writes=True,
    ),
    # -- Wagtail's reports -------------------------------------------------------------
    Entry("wagtailadmin_reports:locked_pages", EDITORS),
    Entry("wagtailadmin_reports:locked_pages_results", EDITORS),
    Entry("wagtailadmin_reports:workflow", STAFF),
    Entry("wagtailadmin_reports:workflow_results", STAFF),
    Entry("wagtailadmin_reports:workflow_tasks", STAFF),
    Entry("wagtailadmin_reports:workflow_tasks_results", STAFF),
    Entry("wagtailadmin_reports:site_history", STAFF),
    Entry("wagtailadmin_reports:site_history_results", STAFF),
    Entry("wagtailadmin_reports:aging_pages", STAFF),
    Entry("wagtailadmin_reports:aging_pages_results", STAFF),
    Entry("wagtailadmin_reports:page_types_usage", STAFF),
    Entry("wagtailadmin_reports:page_types_usage_results", STAFF),
    # -- Forms: Kronika has no form pages, so every page's submissions are not found. ---
    Entry("wagtailforms:index", STAFF),
    Entry("wagtailforms:index_results", STAFF),
    Entry("wagtailforms:list_submissions", NOBODY, on=("a published News article",)),
    Entry("wagtailforms:list_submissions_results", NOBODY, on=("a published News article",)),
    Entry(
        "wagtailforms:delete_submissions", NOBODY, on=("a published News article",), writes=True
    ),
    # -- Settings: editors change the paper's and the features' (docs/newsroom.md) ----
    Entry(
        "wagtailsettings:edit",
        EDITORS,
        on=(
            "the paper's settings",
            "the comment settings",
            "the Telegram channel's settings",
            "the feed settings",
        ),
        ok=(200, 302),
        writes=True,
    ),
    # -- Sites, collections, workflows, redirects: administrators only -----------------
    # The paper's settings have no preview.
    Entry("wagtailsettings:preview_on_edit", NOBODY, on=("the paper's settings",)),
    Entry("wagtailsites:index", ONLY_SUPERUSER),
    Entry("wagtailsites:index_results", ONLY_SUPERUSER),
    Entry("wagtailsites:add", ONLY_SUPERUSER, writes=True),
    Entry("wagtailsites:edit", ONLY_SUPERUSER, on=("the site",), writes=True),
    Entry("wagtailsites:delete", ONLY_SUPERUSER, on=("the site",), writes=True),
    Entry("wagtailsites:history", ONLY_SUPERUSER, on=("the site",)),
    Entry("wagtailsites:history_results", ONLY_SUPERUSER, on=("the site",)),
    Entry("wagtailsites:usage", ONLY_SUPERUSER, on=("the site",)),
    Entry("wagtailsites:copy", ONLY_SUPERUSER, on=("the site",), writes=True),
    Entry("wagtailadmin_collections:index", ONLY_SUPERUSER),
    Entry("wagtailadmin_collections:add", ONLY_SUPERUSER, writes=True),
    Entry(
        "wagtailadmin_collections:edit",
        ONLY_SUPERUSER,
        on=("the Newsroom collection", "the Legal collection"),
        writes=True,
    ),
    Entry(
        "wagtailadmin_collections:delete",
        ONLY_SUPERUSER,
        on=("the Newsroom collection", "the Legal collection"),
        writes=True,
    ),
    Entry(
        "wagtailadmin_collections:set_privacy",
        ONLY_SUPERUSER,
        on=("the Newsroom collection", "the Legal collection"),
        writes=True,
    ),
    Entry("wagtailadmin_workflows:index", ONLY_SUPERUSER),
    Entry("wagtailadmin_workflows:index_results", ONLY_SUPERUSER),
    Entry("wagtailadmin_workflows:add", ONLY_SUPERUSER, writes=True),
    Entry("wagtailadmin_workflows:edit", ONLY_SUPERUSER, on=("the review workflow",), writes=True),
    Entry(
        "wagtailadmin_workflows:enable",
        ONLY_SUPERUSER,
        on=("the review workflow",),
        ok=POST_ONLY,
        writes=True,
    ),
    Entry(
        "wagtailadmin_workflows:disable", ONLY_SUPERUSER, on=("the review workflow",), writes=True
    ),
    Entry("wagtailadmin_workflows:usage", ONLY_SUPERUSER, on=("the review workflow",)),
    Entry("wagtailadmin_workflows:usage_results", ONLY_SUPERUSER, on=("the review workflow",)),
    Entry(
        "wagtailadmin_workflows:remove",
        ONLY_SUPERUSER,
        on=("the review workflow",),
        ok=POST_ONLY,
        writes=True,
    ),
    # Sent straight on to the form while there is only one type of task.
    Entry("wagtailadmin_workflows:select_task_type", ONLY_SUPERUSER, ok=(200, 302)),
    Entry(
        "wagtailadmin_workflows:add_task",
        ONLY_SUPERUSER,
        values={"app_label": "wagtailcore", "model_name": "groupapprovaltask"},
        writes=True,
    ),
    Entry("wagtailadmin_workflows:task_index", ONLY_SUPERUSER),
    Entry("wagtailadmin_workflows:task_index_results", ONLY_SUPERUSER),
    Entry(
        "wagtailadmin_workflows:edit_task", ONLY_SUPERUSER, on=("the review task",), writes=True
    ),
    Entry(
        "wagtailadmin_workflows:disable_task", ONLY_SUPERUSER, on=("the review task",), writes=True
    ),
    Entry(
        "wagtailadmin_workflows:enable_task",
        ONLY_SUPERUSER,
        on=("the review task",),
        ok=POST_ONLY,
        writes=True,
    ),
    Entry("wagtailredirects:index", ONLY_SUPERUSER),
    Entry("wagtailredirects:index_results", ONLY_SUPERUSER),
    Entry("wagtailredirects:add", ONLY_SUPERUSER, writes=True),
    Entry("wagtailredirects:edit", ONLY_SUPERUSER, on=("a redirect",), writes=True),
    Entry("wagtailredirects:delete", ONLY_SUPERUSER, on=("a redirect",), writes=True),
    Entry("wagtailredirects:start_import", ONLY_SUPERUSER, writes=True),
    Entry("wagtailredirects:process_import", ONLY_SUPERUSER, ok=POST_ONLY, writes=True),
    # -- Users and groups: administrators only -----------------------------------------
    Entry("wagtailusers_users:index", ONLY_SUPERUSER),
    Entry("wagtailusers_users:index_results", ONLY_SUPERUSER),
    Entry("wagtailusers_users:add", ONLY_SUPERUSER, writes=True),
    Entry("wagtailusers_users:edit", ONLY_SUPERUSER, on=ACCOUNTS, writes=True),
    Entry(
        "wagtailusers_users:delete", ONLY_SUPERUSER, on=("the reporter's account",), writes=True
    ),
    Entry("wagtailusers_users:history", ONLY_SUPERUSER, on=ACCOUNTS),
    Entry("wagtailusers_users:history_results", ONLY_SUPERUSER, on=ACCOUNTS),
    Entry("wagtailusers_users:usage", ONLY_SUPERUSER, on=ACCOUNTS),
    Entry("wagtailusers_users:copy", ONLY_SUPERUSER, on=ACCOUNTS, writes=True),
    Entry("wagtailusers_groups:index", ONLY_SUPERUSER),
    Entry("wagtailusers_groups:index_results", ONLY_SUPERUSER),
    Entry("wagtailusers_groups:add", ONLY_SUPERUSER, writes=True),
    Entry("wagtailusers_groups:edit", ONLY_SUPERUSER, on=("the Editors group",), writes=True),
    Entry("wagtailusers_groups:delete", ONLY_SUPERUSER, on=("the Editors group",), writes=True),
    Entry("wagtailusers_groups:history", ONLY_SUPERUSER, on=("the Editors group",)),
    Entry("wagtailusers_groups:history_results", ONLY_SUPERUSER, on=("the Editors group",)),
    Entry("wagtailusers_groups:usage", ONLY_SUPERUSER, on=("the Editors group",)),
    # -- The reader's site -------------------------------------------------------------
    Entry("wagtail_serve", "read", on=ON_THE_SITE),
    Entry(
        "wagtailcore_authenticate_with_password",
        EVERYONE,
        on=("a private article",),
        writes=True,
    ),
    Entry("healthz", EVERYONE),
    Entry("readyz", EVERYONE),
    Entry("share-image", EVERYONE),
    Entry("news:author", EVERYONE, on=("an author",)),
    Entry("news:tag", EVERYONE, on=("a tag",)),
    Entry("search:search", EVERYONE, query=SEARCH),
    Entry("comments:post", "read", on=(*ARTICLES[:1], *LIVE_ARTICLES), ok=POST_ONLY, writes=True),
    Entry("comments:reply", "read", on=COMMENTS),
    Entry("ratings:rate", "read", on=(*ARTICLES[:1], *LIVE_ARTICLES), ok=POST_ONLY, writes=True),
    Entry("newsletters:subscribe", EVERYONE, ok=POST_ONLY, writes=True),
    Entry("newsletters:check_inbox", EVERYONE),
    Entry("newsletters:confirm", EVERYONE, on=("a forged confirmation link",), ok=(404,)),
    # -- Feeds and sitemaps ------------------------------------------------------------
    Entry("crawlers:robots", EVERYONE),
    Entry("crawlers:sitemap_index", EVERYONE),
    Entry("crawlers:news_sitemap", EVERYONE),
    Entry("crawlers:sitemap", "read", on=SITEMAPS),
    Entry("feeds:rss", EVERYONE),
    Entry("feeds:atom", EVERYONE),
    Entry("feeds:json", EVERYONE),
    Entry("feeds:subscribe", EVERYONE),
    Entry("feeds:stylesheet", EVERYONE),
    Entry("feeds:section_rss", EVERYONE, on=("the News section's slug",)),
    Entry("feeds:section_atom", EVERYONE, on=("the News section's slug",)),
    Entry("feeds:tag_rss", EVERYONE, on=("a tag",)),
    Entry("feeds:tag_atom", EVERYONE, on=("a tag",)),
    Entry("feeds:author_rss", EVERYONE, on=("an author",)),
    Entry("feeds:author_atom", EVERYONE, on=("an author",)),
]
