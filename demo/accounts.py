"""Demo logins, one per staff role, and demo consultation requests for the front desk to work through.

Only made when ``settings.DEBUG`` is on or the loader is asked for them (see ``load_demo_content``).
The roles that need a second factor (the superuser, the front desk) get an authenticator app with a
known secret, printed with the logins: add it to an app, or ask ``manage.py demo_code <username>``.
"""

import base64
import datetime
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from booking.models import ConsultationRequest
from demo import content

DEMO_ACCOUNTS = [
    # (username, password, group or None for the superuser, first name)
    ("admin", "clinic-admin-demo", None, "Demo admin"),
    ("editor", "clinic-editor-demo", "Editors", "Demo editor"),
    ("reviewer", "clinic-reviewer-demo", "Clinical reviewers", "Demo reviewer"),
    ("frontdesk", "clinic-frontdesk-demo", "Front desk", "Demo front desk"),
]
#: Authenticator app secrets (base32, as an app takes them) of the demo logins that need a second factor.
DEMO_TOTP_SECRETS = {"admin": "CLINICADMINDEMOAPPKEY234", "frontdesk": "CLINICFRONTDESKDEMOKEY23"}
DEMO_APP_NAME = "Demo authenticator app"


def demo_code(username):
    """The code a demo login's authenticator app shows now."""
    return f"{totp(base64.b32decode(DEMO_TOTP_SECRETS[username])):06d}"


def ensure_demo_app(demo, user):
    secret = DEMO_TOTP_SECRETS.get(user.username)
    if secret is None or TOTPDevice.objects.filter(user=user, name=DEMO_APP_NAME).exists():
        return
    TOTPDevice.objects.create(
        user=user, name=DEMO_APP_NAME, key=base64.b32decode(secret).hex(), confirmed=True
    )
    demo.report.changed(f"Gave “{user.username}” a demo authenticator app")


#: Demo logins that belong to a practitioner: their approval in Clinical review names that practitioner.
DEMO_PRACTITIONERS = {"reviewer": "sam-okafor"}


def ensure_demo_accounts(demo):
    """One login per role. Passwords are set only when an account is first made, never reset."""
    User = get_user_model()
    for username, password, group_name, first_name in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, email=f"{username}@example.com", first_name=first_name)
            user.last_name = "(demo)"
            if group_name is None:
                user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            demo.report.changed(f"Created the demo login “{username}”")
        if group_name:
            group, created = Group.objects.get_or_create(name=group_name)
            if created:
                demo.report.changed(f"Created the group “{group_name}” (it has no permissions yet)")
            if not user.groups.filter(pk=group.pk).exists():
                user.groups.add(group)
                demo.report.changed(f"Added “{username}” to “{group_name}”")
        ensure_demo_app(demo, user)
        demo.users[username] = user
        if username in DEMO_PRACTITIONERS:
            link_practitioner(demo, user, demo.practitioners[DEMO_PRACTITIONERS[username]])


def link_practitioner(demo, user, practitioner):
    """Link a demo login to its practitioner, unless staff have already linked either to someone else."""
    if practitioner.user_id is not None or type(practitioner).objects.filter(user=user).exists():
        return
    practitioner.user = user
    practitioner.save(update_fields=["user"])
    demo.report.changed(f"Linked the demo login “{user.username}” to {practitioner.name}")


def write_logins(report):
    report.write("Demo logins (for trying the site; delete them before going live):")
    for username, password, group_name, _first_name in DEMO_ACCOUNTS:
        report.write(f"  {username:<10} {password:<24} {group_name or 'superuser'}")
    report.write("  Passwords are set only when an account is first created; later runs leave them alone.")
    report.write("Second factor of the demo logins that need one (authenticator app key, or the code now):")
    for username, secret in DEMO_TOTP_SECRETS.items():
        report.write(f"  {username:<10} key {secret}   code: manage.py demo_code {username}")


def demo_requests(demo):
    """Six requests in the states the front desk works through. Names, emails and phones are fake."""
    pages, now = demo.pages, timezone.now()
    slugs = [spec["slug"] for spec in content.CONDITIONS]
    articles = [spec["slug"] for spec in content.ARTICLES]

    def condition(index):
        return pages[slugs[index % len(slugs)]]

    def at(days, hour):
        moment = timezone.localtime(now) + datetime.timedelta(days=days)
        return moment.replace(hour=hour, minute=0, second=0, microsecond=0)

    rows = [
        {
            "name": "Demo Patient One",
            "status": ConsultationRequest.Status.NEW,
            "condition": condition(0),
            "source": condition(0),
            "preferred_contact": ConsultationRequest.ContactMethod.EMAIL,
            "preferred_times": ["weekday_mornings"],
            "symptoms": "Stiff neck for about three weeks, worse after long days at the laptop.",
            "created_at": now - datetime.timedelta(hours=3),
        },
        {
            "name": "Demo Patient Two",
            "status": ConsultationRequest.Status.NEW,
            "red_flags_reported": True,
            "is_urgent": True,
            "condition": condition(1),
            "source": condition(1),
            "preferred_contact": ConsultationRequest.ContactMethod.PHONE,
            "preferred_times": ["weekday_afternoons", "weekday_evenings"],
            "symptoms": "Headaches most days this month; ticked that a red-flag symptom applies.",
            "created_at": now - datetime.timedelta(minutes=40),
        },
        {
            "name": "Demo Patient Three",
            "status": ConsultationRequest.Status.CONTACTED,
            "condition": condition(2),
            "source": pages[articles[0]],
            "preferred_contact": ConsultationRequest.ContactMethod.TEXT,
            "preferred_times": ["saturdays"],
            "symptoms": "Headache that starts at the base of the skull and spreads over one side.",
            "internal_notes": "Left a voicemail; will try again tomorrow morning.",
            "created_at": now - datetime.timedelta(days=2, hours=5),
        },
        {
            "name": "Demo Patient Four",
            "status": ConsultationRequest.Status.SCHEDULED,
            "condition": condition(3),
            "source": pages[articles[1 % len(articles)]],
            "preferred_contact": ConsultationRequest.ContactMethod.EMAIL,
            "preferred_times": ["weekday_mornings", "saturdays"],
            "patient_type": ConsultationRequest.PatientType.RETURNING,
            "symptoms": "Migraine two or three times a month, often with a tight neck beforehand.",
            "scheduled_for": at(3, 10),
            "internal_notes": "First visit booked; intake form sent.",
            "created_at": now - datetime.timedelta(days=4),
        },
        {
            "name": "Demo Patient Five",
            "status": ConsultationRequest.Status.CLOSED,
            "condition": condition(0),
            "source": pages[articles[2 % len(articles)]],
            "preferred_contact": ConsultationRequest.ContactMethod.PHONE,
            "preferred_times": [],
            "symptoms": "Neck pain after a minor car accident last year.",
            "internal_notes": "Seen for a first visit; follow-ups booked directly. Closed.",
            "created_at": now - datetime.timedelta(days=12),
        },
        {
            "name": "Demo Patient Six",
            "status": ConsultationRequest.Status.NEW,
            "condition": condition(4),
            "source": condition(4),
            "preferred_contact": ConsultationRequest.ContactMethod.EMAIL,
            "preferred_times": ["weekday_evenings"],
            "symptoms": "Ache in the lower back that runs down the back of the left leg.",
            "created_at": now - datetime.timedelta(days=1, hours=2),
        },
    ]
    for number, row in enumerate(rows, start=1):
        row["number"] = number
    return rows


def ensure_demo_requests(demo):
    """Create the demo requests once. Rows already there are left as the front desk has them."""
    existing = set(
        ConsultationRequest.objects.filter(
            submission_token__in=[uuid.UUID(int=n) for n in range(1, 7)]
        ).values_list("submission_token", flat=True)
    )
    frontdesk = demo.users.get("frontdesk")
    for row in demo_requests(demo):
        token = uuid.UUID(int=row["number"])
        if token in existing:
            continue
        condition, source = row["condition"], row["source"]
        slug = row["name"].lower().replace(" ", ".")
        working = row["status"] in (
            ConsultationRequest.Status.CONTACTED,
            ConsultationRequest.Status.SCHEDULED,
        )
        ConsultationRequest.objects.create(
            name=row["name"],
            email=f"{slug}@example.com",
            phone=f"+1555014229{row['number'] - 1}",
            preferred_contact=row["preferred_contact"],
            patient_type=row.get("patient_type", ConsultationRequest.PatientType.NEW),
            preferred_times=row["preferred_times"],
            condition=condition,
            condition_label=condition.title,
            symptoms=row["symptoms"],
            red_flags_reported=row.get("red_flags_reported", False),
            is_urgent=row.get("is_urgent", False),
            source_page=source,
            source_title=source.title,
            consent_given_at=row["created_at"],
            privacy_version=content.PRIVACY_VERSION,
            status=row["status"],
            assignee=frontdesk if working else None,
            scheduled_for=row.get("scheduled_for"),
            internal_notes=row.get("internal_notes", ""),
            created_at=row["created_at"],
            submission_token=token,
            # Marked as already notified and acknowledged, so the mail worker never sends these.
            staff_notified_at=row["created_at"],
            patient_acknowledged_at=row["created_at"],
        )
        demo.report.changed(f"Created the demo consultation request from “{row['name']}”")
