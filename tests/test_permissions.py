"""Who can reach the front desk's admin: a matrix of roles × actions with the exact responses.

Wagtail answers a logged-out visitor with a redirect to the admin login, and a logged-in user without
the permission with a redirect to the dashboard ("Sorry, you do not have permission…"), never a page
with patient details in it.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupApprovalTask, GroupCollectionPermission, GroupPagePermission

from booking.models import ConsultationRequest, RequestAuditEntry
from tests import factories
from tests.factories import PATIENT_NAME, make_request

ROLES = {
    "anonymous": None,
    "editor": "Editors",
    "reviewer": "Clinical reviewers",
    "front_desk": "Front desk",
    "manager": "Front desk managers",
    "superuser": "superuser",
}

OK = "200"
LOGIN = "login"  # 302 to the admin login page
DENIED = "denied"  # 302 to the dashboard with "you do not have permission"
DONE = "done"  # 302 after a successful POST (to the list)

# action: (method, url name, url needs pk, query string, POST data)
ACTIONS = {
    "list": ("get", "consultationrequest:index", False, "", None),
    "list_results": ("get", "consultationrequest:index_results", False, "?q=Harriet", None),
    "inspect": ("get", "consultationrequest:inspect", True, "", None),
    "edit_get": ("get", "consultationrequest:edit", True, "", None),
    "edit_post": (
        "post",
        "consultationrequest:edit",
        True,
        "",
        {"status": "contacted", "assignee": "", "scheduled_for": "", "internal_notes": "Called back."},
    ),
    "export_csv": ("get", "consultationrequest:index", False, "?export=csv", None),
    "export_xlsx": ("get", "consultationrequest:index", False, "?export=xlsx", None),
    "delete_get": ("get", "consultationrequest:delete", True, "", None),
    "delete_post": ("post", "consultationrequest:delete", True, "", {}),
    "add": ("get", "consultationrequest:add", False, "", None),
    "report": ("get", "consultationrequest:report", False, "", None),
    "history": ("get", "consultationrequest:history", True, "", None),
    "audit_log": ("get", "request_audit_log:index", False, "", None),
}

NONE_ALLOWED = {action: DENIED for action in ACTIONS}
EXPECTED = {
    "anonymous": {action: LOGIN for action in ACTIONS},
    "editor": NONE_ALLOWED,
    "reviewer": NONE_ALLOWED,
    "front_desk": {
        **NONE_ALLOWED,
        "list": OK,
        "list_results": OK,
        "inspect": OK,
        "edit_get": OK,
        "edit_post": DONE,
        "export_csv": OK,
        "export_xlsx": OK,
        "report": OK,
        "history": OK,
    },
    "manager": {
        **NONE_ALLOWED,
        "list": OK,
        "list_results": OK,
        "inspect": OK,
        "edit_get": OK,
        "edit_post": DONE,
        "export_csv": OK,
        "export_xlsx": OK,
        "delete_get": OK,
        "delete_post": DONE,
        "report": OK,
        "history": OK,
        "audit_log": OK,
    },
    "superuser": {
        **{action: OK for action in ACTIONS},
        "edit_post": DONE,
        "delete_post": DONE,
        "add": DENIED,  # requests only come from patients, superusers included
    },
}


def make_role_user(role):
    group = ROLES[role]
    if group is None:
        return None
    if group == "superuser":
        return factories.make_user(f"{role}-user", superuser=True)
    return factories.make_user(f"{role}-user", group=group)


def classify(response):
    if response.status_code == 200:
        return OK
    assert response.status_code == 302, response.status_code
    location = response["Location"]
    if location.startswith(reverse("wagtailadmin_login")):
        return LOGIN
    if location == reverse("wagtailadmin_home"):
        return DENIED
    return DONE


@pytest.mark.django_db
@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("role", list(ROLES))
def test_permission_matrix(client, role, action):
    consultation_request = make_request()
    user = make_role_user(role)
    if user is not None:
        factories.sign_in(client, user)
    method, url_name, needs_pk, query, data = ACTIONS[action]
    url = reverse(url_name, args=[consultation_request.pk] if needs_pk else []) + query

    response = getattr(client, method)(url, data) if method == "post" else client.get(url)

    assert classify(response) == EXPECTED[role][action]
    if EXPECTED[role][action] in (LOGIN, DENIED):
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert PATIENT_NAME.encode() not in body
        # A refused change or delete changed nothing.
        consultation_request.refresh_from_db()
        assert consultation_request.status == ConsultationRequest.Status.NEW


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_denied_redirect_lands_on_a_dashboard_without_patient_data(client, role):
    make_request()
    factories.sign_in(client, make_role_user(role))
    response = client.get(reverse("consultationrequest:index"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert b"do not have permission" in response.content
    assert PATIENT_NAME.encode() not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_other_roles_do_not_see_the_menu_item_report_or_dashboard_panel(client, role):
    make_request()
    factories.sign_in(client, make_role_user(role))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Consultation requests" not in content
    assert "consultation-requests" not in content
    assert "Consultation report" not in content
    assert "Request audit log" not in content
    assert 'id="consultation-requests-section"' not in content


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["front_desk", "manager", "superuser"])
def test_front_desk_roles_see_the_menu_item_and_dashboard_panel(client, role):
    make_request()
    factories.sign_in(client, make_role_user(role))
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Requests (1 new)" in content
    assert 'id="consultation-requests-section"' in content
    assert "Consultation report" in content
    assert ("Request audit log" in content) == (role != "front_desk")


@pytest.mark.django_db
def test_export_is_its_own_permission(client):
    """View (and change) without the export permission: the list works, downloads do not."""
    make_request()
    group = Group.objects.create(name="Receptionist without export")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_consultationrequest"),
        Permission.objects.get(codename="change_consultationrequest"),
    )
    user = factories.make_user("no-export")
    user.groups.add(group)
    factories.sign_in(client, user)

    listing = client.get(reverse("consultationrequest:index"))
    assert listing.status_code == 200
    assert b"Download CSV" not in listing.content
    assert b"Download XLSX" not in listing.content
    for export_format in ("csv", "xlsx"):
        response = client.get(reverse("consultationrequest:index") + f"?export={export_format}")
        assert classify(response) == DENIED
    assert not RequestAuditEntry.objects.filter(action=RequestAuditEntry.Action.EXPORT).exists()

    group.permissions.add(Permission.objects.get(codename="export_consultationrequest"))
    user = type(user).objects.get(pk=user.pk)  # drop the cached permissions
    factories.sign_in(client, user)
    assert b"Download CSV" in client.get(reverse("consultationrequest:index")).content
    assert client.get(reverse("consultationrequest:index") + "?export=csv").status_code == 200


@pytest.mark.django_db
def test_confirmation_needs_change_permission_and_post(client):
    consultation_request = make_request(status="scheduled", scheduled=True)
    url = reverse("consultationrequest:confirm", args=[consultation_request.pk])

    factories.sign_in(client, make_role_user("editor"))
    assert classify(client.post(url)) == DENIED

    factories.sign_in(client, make_role_user("front_desk"))
    assert client.get(url).status_code == 405


@pytest.mark.django_db
def test_audit_entries_cannot_be_added_changed_or_deleted_even_by_superusers(client):
    entry = RequestAuditEntry.objects.create(action=RequestAuditEntry.Action.VIEW, request_id_ref=1)
    factories.sign_in(client, make_role_user("superuser"))
    assert client.get(reverse("request_audit_log:index")).status_code == 200
    assert client.get(reverse("request_audit_log:inspect", args=[entry.pk])).status_code == 200
    for name, args in [("add", []), ("edit", [entry.pk]), ("delete", [entry.pk])]:
        assert classify(client.get(reverse(f"request_audit_log:{name}", args=args))) == DENIED
    assert classify(client.post(reverse("request_audit_log:delete", args=[entry.pk]))) == DENIED
    assert RequestAuditEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["editor", "front_desk", "manager"])
def test_who_saw_or_exported_a_request_stays_out_of_wagtails_site_history(client, role):
    """The request audit log is for managers, in its own report: views and exports are not written to
    Wagtail's log, whose site history report shows a model's entries to anyone with a permission on it."""
    consultation_request = make_request()
    front_desk = make_role_user("front_desk")
    factories.sign_in(client, front_desk)
    client.get(reverse("consultationrequest:inspect", args=[consultation_request.pk]))
    client.get(reverse("consultationrequest:index") + "?export=csv")
    assert RequestAuditEntry.objects.count() == 2

    factories.sign_in(client, front_desk if role == "front_desk" else make_role_user(role))
    response = client.get(reverse("wagtailadmin_reports:site_history"))

    assert response.status_code == 200
    assert consultation_request.reference not in response.content.decode()


# The groups are exactly what README's Roles section says ------------------------------------------


def group_permissions(name):
    """Every permission a group has: model-wide, on the page tree and on collections."""
    group = Group.objects.get(name=name)
    model_wide = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    pages = {f"page:{gp.permission.codename}" for gp in GroupPagePermission.objects.filter(group=group)}
    collections = {
        f"collection:{gp.permission.content_type.app_label}.{gp.permission.codename}"
        for gp in GroupCollectionPermission.objects.filter(group=group)
    }
    return model_wide | pages | collections


PAGE_EDITING = {"page:add_page", "page:change_page", "page:lock_page", "page:unlock_page"}
FRONT_DESK = {
    "wagtailadmin.access_admin",
    "booking.view_consultationrequest",
    "booking.change_consultationrequest",
    "booking.export_consultationrequest",
}
ROLE_PERMISSIONS = {
    "Editors": {
        "wagtailadmin.access_admin",
        "articles.add_practitioner",
        "articles.change_practitioner",
        "articles.view_practitioner",
        "collection:articles.add_clinicimage",
        "collection:articles.change_clinicimage",
        "collection:articles.choose_image",
        "collection:wagtailimages.add_image",
        "collection:wagtailimages.change_image",
        "collection:wagtailimages.choose_image",
        *PAGE_EDITING,
    },
    "Clinical reviewers": {
        "wagtailadmin.access_admin",
        "articles.view_practitioner",
        "collection:articles.choose_image",
        "collection:wagtailimages.choose_image",
        *PAGE_EDITING,
    },
    "Front desk": FRONT_DESK,
    "Front desk managers": FRONT_DESK
    | {
        "booking.delete_consultationrequest",
        "booking.view_requestauditentry",
        "staff.manage_staff_sign_in",
    },
}


@pytest.mark.django_db
@pytest.mark.parametrize("group", list(ROLE_PERMISSIONS))
def test_each_group_has_exactly_its_documented_permissions(group):
    # Other branches' migrations may add permissions of their own apps (appointments) to these groups;
    # documents, deleting images and publishing must never be among them.
    extra = group_permissions(group) - ROLE_PERMISSIONS[group]
    assert {p for p in extra if not p.startswith("booking.")} == set()
    assert ROLE_PERMISSIONS[group] <= group_permissions(group)


@pytest.mark.django_db
def test_wagtails_moderators_group_is_gone_and_its_task_approves_for_nobody():
    assert not Group.objects.filter(name="Moderators").exists()
    for task in GroupApprovalTask.objects.all():
        assert set(task.groups.values_list("name", flat=True)) <= {"Clinical reviewers"}


@pytest.mark.django_db
def test_reviewers_cannot_publish_their_own_edits_or_delete_live_pages(client, home):
    reviewer = make_role_user("reviewer")
    page = factories.make_standard_page("About us")
    assert page.live
    permissions = page.permissions_for_user(reviewer)
    assert not permissions.can_publish()
    assert not permissions.can_delete()
    factories.sign_in(client, reviewer)
    assert classify(client.get(reverse("wagtailadmin_pages:delete", args=[page.pk]))) == DENIED
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert type(page).objects.filter(pk=page.pk, live=True).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["editor", "reviewer", "front_desk", "manager"])
def test_no_role_but_superusers_reaches_documents(client, role):
    factories.sign_in(client, make_role_user(role))
    assert classify(client.get(reverse("wagtaildocs:index"))) == DENIED
    assert classify(client.get(reverse("wagtaildocs:add_multiple"))) == DENIED
