"""Staff roles and the clinical review workflow.

- Front desk: works consultation requests (view, change, export); no page editing.
- Front desk managers: as front desk, plus the audit log and deleting requests.
- Editors: write pages and upload images; no access to consultation requests at all.
- Clinical reviewers: approve (publish) medical pages through the "Clinical review" workflow.

Permissions are created here if the post-migrate signal has not made them yet, so a fresh database
gets complete groups in one `migrate`.
"""

from django.db import migrations

ROLES = {
    "Front desk": [
        ("wagtailadmin", "admin", "access_admin"),
        ("booking", "consultationrequest", "view_consultationrequest"),
        ("booking", "consultationrequest", "change_consultationrequest"),
        ("booking", "consultationrequest", "export_consultationrequest"),
    ],
    "Front desk managers": [
        ("wagtailadmin", "admin", "access_admin"),
        ("booking", "consultationrequest", "view_consultationrequest"),
        ("booking", "consultationrequest", "change_consultationrequest"),
        ("booking", "consultationrequest", "export_consultationrequest"),
        ("booking", "consultationrequest", "delete_consultationrequest"),
        ("booking", "requestauditentry", "view_requestauditentry"),
    ],
    "Editors": [
        ("wagtailadmin", "admin", "access_admin"),
        ("articles", "practitioner", "add_practitioner"),
        ("articles", "practitioner", "change_practitioner"),
        ("articles", "practitioner", "view_practitioner"),
    ],
    "Clinical reviewers": [
        ("wagtailadmin", "admin", "access_admin"),
        ("articles", "practitioner", "view_practitioner"),
    ],
}
PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page", "lock_page", "unlock_page"],
    "Clinical reviewers": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
IMAGE_PERMISSIONS = {
    "Editors": [("articles", "clinicimage", ["add_clinicimage", "change_clinicimage", "choose_image"])],
    "Clinical reviewers": [("articles", "clinicimage", ["choose_image"])],
}


def get_permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    groups = {}
    for name, permissions in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(get_permission(apps, *spec) for spec in permissions))
        groups[name] = group

    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for name, codenames in PAGE_PERMISSIONS.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name],
                    page=root_page,
                    permission=get_permission(apps, "wagtailcore", "page", codename),
                )

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for name, specs in IMAGE_PERMISSIONS.items():
            for app_label, model, codenames in specs:
                for codename in codenames:
                    GroupCollectionPermission.objects.get_or_create(
                        group=groups[name],
                        collection=root_collection,
                        permission=get_permission(apps, app_label, model, codename),
                    )

    create_clinical_review_workflow(apps, groups["Clinical reviewers"])


def create_clinical_review_workflow(apps, reviewers):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, created = GroupApprovalTask.objects.get_or_create(
        name="Clinical approval", defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name="Clinical review", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


class Migration(migrations.Migration):
    dependencies = [
        ("booking", "0001_initial"),
        ("articles", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
