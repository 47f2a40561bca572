"""A new paper's starting point: its home page, its newsroom groups and the review workflow.

Reporters write and submit; Editors review, publish, schedule and unpublish.
Every page under the root goes through "Editorial review" before it is published.
"""

from django.db import migrations

PAGE_PERMISSIONS = {
    "Reporters": ["add_page", "change_page"],
    "Editors": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
}
COLLECTION_PERMISSIONS = {
    "Reporters": [("base", "kronikaimage", ["add_image", "choose_image"]),
                  ("wagtaildocs", "document", ["add_document", "choose_document"])],
    "Editors": [("base", "kronikaimage", ["add_image", "change_image", "choose_image", "delete_image"]),
                ("wagtaildocs", "document", ["add_document", "change_document", "choose_document", "delete_document"])],
}
MODEL_PERMISSIONS = {
    "Reporters": [("wagtailadmin", "admin", "access_admin")],
    "Editors": [
        ("wagtailadmin", "admin", "access_admin"),
        ("news", "author", "add_author"),
        ("news", "author", "change_author"),
        ("news", "author", "delete_author"),
        ("taggit", "tag", "change_tag"),
    ],
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return perm


def create_home_page(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("news.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    # Wagtail's placeholder "Welcome" page makes way for the newspaper's front page.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page").delete()
    if HomePage.objects.exists() or Page.objects.filter(depth=2).exists():
        # An existing tree is left as it is; an editor adds the home page in the admin.
        return None
    root = Page.objects.get(depth=1)
    path = root.path + "0001"
    home = HomePage.objects.create(
        title="Home",
        draft_title="Home",
        slug="home",
        content_type=ContentType.objects.get_for_model(HomePage),
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        locale=Locale.objects.order_by("pk").first(),
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page_id=home.pk, is_default_site=True)
    else:
        site.root_page_id = home.pk
        site.save(update_fields=["root_page"])
    return home


def create_newsroom(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    ContentType = apps.get_model("contenttypes.ContentType")

    create_home_page(apps)
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    # Wagtail's default Moderators are replaced by Editors, who publish.
    Group.objects.filter(name="Moderators", user__isnull=True).delete()

    groups = {}
    for name in ("Reporters", "Editors"):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.create(
                group=group, page=root_page, permission=permission(apps, "wagtailcore", "page", codename)
            )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for app_label, model, codenames in COLLECTION_PERMISSIONS[name]:
            for codename in codenames:
                GroupCollectionPermission.objects.create(
                    group=group, collection=root_collection,
                    permission=permission(apps, app_label, model, codename),
                )
        group.permissions.set(
            [permission(apps, app_label, model, codename) for app_label, model, codename in MODEL_PERMISSIONS[name]]
        )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Editors' approval", defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([groups["Editors"]])
    workflow, created = Workflow.objects.get_or_create(name="Editorial review", defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.filter(page=root_page).delete()
    WorkflowPage.objects.create(page=root_page, workflow=workflow)
    Workflow.objects.exclude(pk=workflow.pk).filter(workflow_pages__isnull=True).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("base", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_newsroom, migrations.RunPython.noop)]
