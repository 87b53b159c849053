"""The "Clinical review" workflow's approval step becomes a clinical approval task.

Wagtail's plain group approval task "Clinical approval" (made by booking's roles migration) is replaced
in every workflow by a ``ClinicalApprovalTask`` with the same name and groups: the approving clinician is
then recorded on the page as its medical reviewer. Reviews in progress move to the new task; the old
task is kept, inactive and renamed, so its history stays readable. Going back reverses all of it.
"""

from django.db import migrations

TASK_NAME = "Clinical approval"
REPLACED_NAME = "Clinical approval (before medical review records)"


def use_clinical_approval(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ClinicalApprovalTask = apps.get_model("articles", "ClinicalApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    TaskState = apps.get_model("wagtailcore", "TaskState")

    content_type, _ = ContentType.objects.get_or_create(app_label="articles", model="clinicalapprovaltask")
    for old in GroupApprovalTask.objects.filter(name=TASK_NAME):
        new = ClinicalApprovalTask.objects.create(name=TASK_NAME, content_type=content_type, active=old.active)
        new.groups.set(old.groups.all())
        WorkflowTask.objects.filter(task_id=old.pk).update(task_id=new.pk)
        TaskState.objects.filter(task_id=old.pk, status="in_progress").update(task_id=new.pk)
        GroupApprovalTask.objects.filter(pk=old.pk).update(name=REPLACED_NAME, active=False)


def use_group_approval(apps, schema_editor):
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ClinicalApprovalTask = apps.get_model("articles", "ClinicalApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    TaskState = apps.get_model("wagtailcore", "TaskState")

    old = GroupApprovalTask.objects.filter(name=REPLACED_NAME).first()
    for new in ClinicalApprovalTask.objects.filter(name=TASK_NAME):
        if old is not None:
            WorkflowTask.objects.filter(task_id=new.pk).update(task_id=old.pk)
            TaskState.objects.filter(task_id=new.pk, status="in_progress").update(task_id=old.pk)
        TaskState.objects.filter(task_id=new.pk).delete()
        new.delete()
    if old is not None:
        GroupApprovalTask.objects.filter(pk=old.pk).update(name=TASK_NAME, active=True)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_medical_review_and_references"),
        ("booking", "0002_roles_and_clinical_review"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(use_clinical_approval, use_group_approval)]
