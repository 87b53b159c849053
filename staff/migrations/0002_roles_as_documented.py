"""Staff roles made exactly what README's Roles section says.

Wagtail's own first migrations give its default "Editors" and "Moderators" groups more than the clinic
wants, and booking's roles migration kept what they had:

- Editors lose Wagtail's document permissions, model-wide image permissions and deleting images on
  collections: they write pages, upload, edit and choose the clinic's images and edit practitioners,
  nothing else. Wagtail checks permissions on every image model, ``articles.ClinicImage`` included,
  as ``wagtailimages.*_image`` (its image permission policy's auth model), so those stay on
  collections; clinical reviewers get ``wagtailimages.choose_image`` there to pick images as they edit.
- Wagtail's "Moderators" group (publish anywhere, documents) is deleted, so nobody can be given a way
  around clinical review by being put in it. Its "Moderators approval" task is left without a group:
  only superusers can approve what is submitted to it.
- Clinical reviewers lose "publish" on the page tree: they approve through the Clinical review
  workflow (which publishes), but cannot publish their own edits directly, nor delete live pages
  (Wagtail lets only publishers delete live pages).
- Front desk managers may unlock staff sign-in and reset second factors (Settings › Staff sign-in).
"""

from django.db import migrations
from django.db.models import Q

STOCK_APPS = ("wagtaildocs", "wagtailimages")
#: What Wagtail's image permission policy checks (``wagtailimages`` is its auth model), per group,
#: on collections.
IMAGE_COLLECTION_PERMISSIONS = {
    "Editors": ("add_image", "change_image", "choose_image"),
    "Clinical reviewers": ("choose_image",),
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return found


def tighten(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.remove(*editors.permissions.filter(content_type__app_label__in=STOCK_APPS))
        GroupCollectionPermission.objects.filter(
            group=editors, permission__content_type__app_label__in=STOCK_APPS
        ).delete()
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).first()
    for name, codenames in IMAGE_COLLECTION_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None or root is None:
            continue
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission(apps, "wagtailimages", "image", codename)
            )

    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None:
        for task in GroupApprovalTask.objects.filter(groups=moderators):
            task.groups.remove(moderators)
        GroupPagePermission.objects.filter(group=moderators).delete()
        GroupCollectionPermission.objects.filter(group=moderators).delete()
        moderators.delete()

    GroupPagePermission.objects.filter(
        Q(permission__codename="publish_page") | Q(permission__codename="bulk_delete_page"),
        group__name="Clinical reviewers",
    ).delete()

    managers = Group.objects.filter(name="Front desk managers").first()
    if managers is not None:
        managers.permissions.add(permission(apps, "staff", "accountfailures", "manage_staff_sign_in"))


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0001_recovery_codes_and_account_failures"),
        ("booking", "0002_roles_and_clinical_review"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(tighten, migrations.RunPython.noop)]
