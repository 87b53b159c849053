"""Small builders for tests: each fills sensible defaults so a test names only what it cares about."""

import datetime
import io
import itertools
import time

from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image as PILImage
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import (
    ArticleCondition,
    ArticleIndexPage,
    ArticlePage,
    ClinicImage,
    ConditionIndexPage,
    ConditionPage,
    HomePage,
    Practitioner,
    StandardPage,
    TreatmentIndexPage,
    TreatmentPage,
)
from booking import spam
from booking.models import ConsultationRequest
from clinic_site.models import ClinicSettings
from staff.policy import must_verify

_counter = itertools.count(1)


def unique(prefix):
    return f"{prefix}-{next(_counter)}"


def make_image(title=None, alt="A soft teal test illustration", size=(320, 180)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (40, 120, 120)).save(buffer, format="PNG")
    title = title or unique("image")
    return ClinicImage.objects.create(
        title=title, description=alt, file=ImageFile(buffer, name=f"{title}.png")
    )


def make_home():
    """The home page as the default site's root, replacing Wagtail's welcome page."""
    existing = HomePage.objects.first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Home", slug="home-page", hero_title="Welcome"))
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        site.root_page = home
        site.save()
    else:
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    # As the demo loader and a real site's first page view do; made here, so no test's first request
    # is also the change that starts a new page cache generation.
    ClinicSettings.for_site(site)
    return home


def _index(model, slug, title):
    found = model.objects.first()
    if found:
        return found
    return make_home().add_child(instance=model(title=title, slug=slug))


def make_condition_index():
    return _index(ConditionIndexPage, "conditions", "Conditions")


def make_treatment_index():
    return _index(TreatmentIndexPage, "treatments", "Treatments")


def make_article_index():
    return _index(ArticleIndexPage, "resources", "Resources")


def make_condition(title=None, live=True, **fields):
    title = title or unique("Condition")
    fields.setdefault("summary", f"What {title} is and how we help.")
    page = make_condition_index().add_child(instance=ConditionPage(title=title, live=live, **fields))
    if live:
        page.save_revision().publish()
    return page


def make_treatment(title=None, **fields):
    title = title or unique("Treatment")
    fields.setdefault("summary", f"About {title}.")
    page = make_treatment_index().add_child(instance=TreatmentPage(title=title, **fields))
    page.save_revision().publish()
    return page


def make_practitioner(name=None, **fields):
    fields.setdefault("credentials", "L.Ac.")
    fields.setdefault("job_title", "Licensed acupuncturist")
    return Practitioner.objects.create(name=name or unique("Practitioner"), **fields)


def make_article(title=None, conditions=(), live=True, body=None, **fields):
    title = title or unique("Article")
    fields.setdefault("summary", f"A short read about {title}.")
    fields.setdefault("last_reviewed", timezone.localdate())
    article = ArticlePage(
        title=title,
        live=live,
        body=body or [("paragraph", "<p>Plain words about neck pain and headaches.</p>")],
        **fields,
    )
    for order, condition in enumerate(conditions):
        article.condition_links.add(ArticleCondition(condition=condition, sort_order=order))
    make_article_index().add_child(instance=article)
    if live:
        article.save_revision().publish()
    return article


def make_standard_page(title=None, **fields):
    title = title or unique("Page")
    fields.setdefault("summary", f"About {title}.")
    page = make_home().add_child(instance=StandardPage(title=title, **fields))
    page.save_revision().publish()
    return page


def make_user(username=None, group=None, superuser=False, password="correct-horse-battery"):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    username = username or unique("user")
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.com", password)
    user = User.objects.create_user(username, f"{username}@example.com", password)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


# Consultation requests ---------------------------------------------------------------------------

FORM_URL = "/consultation/"
THANK_YOU_URL = "/consultation/thank-you/"


# Helpers shared by the other test_booking_* files ------------------------------------------------


def old_token(seconds_ago=60, token_id=None):
    """A submission token for a form served ``seconds_ago``: old enough to pass the fill-time check."""
    return spam.issue_token(issued_at=time.time() - seconds_ago, token_id=token_id)


def valid_data(condition=None, source=None, **overrides):
    """A complete, valid form post. ``condition=None`` picks "Something else"."""
    data = {
        "submission_token": old_token(),
        "name": "Dana Whitfield",
        "email": "dana.whitfield@example.org",
        "phone": "(212) 555-0142",
        "preferred_contact": "email",
        "patient_type": "new",
        "preferred_times": ["weekday_mornings", "saturdays"],
        "condition": str(condition.pk) if condition else "other",
        "practitioner": "",
        "treatment": "",
        "symptoms": "Stiff neck since March, worse after long days at the laptop.",
        "red_flags": "no",
        "consent": "on",
        "source_page": str(source.pk) if source else "",
        spam.HONEYPOT_FIELD: "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def make_clinic(**fields):
    """Clinic details for the default site, with a phone, an emergency number and a red-flag note."""
    site = Site.objects.get(is_default_site=True)
    clinic = ClinicSettings.for_site(site)
    values = {
        "name": "Riverside Acupuncture",
        "phone": "(555) 010-4477",
        "emergency_number": "911",
        "red_flag_text": "<p>Go to the emergency department if a headache comes on like a thunderclap.</p>",
        "privacy_version": "2026-03",
        "booking_notification_email": "frontdesk@clinic.example",
    }
    values.update(fields)
    for name, value in values.items():
        setattr(clinic, name, value)
    clinic.save()
    return clinic


PATIENT_NAME = "Harriet Quimby-Testpatient"


def make_request(
    name=PATIENT_NAME,
    email="harriet@example.com",
    phone="+15550102030",
    status="new",
    scheduled=False,
    **fields,
):
    """A consultation request built straight with the ORM, as the patient's form would store it."""
    fields.setdefault("preferred_contact", ConsultationRequest.ContactMethod.EMAIL)
    fields.setdefault("patient_type", ConsultationRequest.PatientType.NEW)
    fields.setdefault("consent_given_at", timezone.now())
    fields.setdefault("privacy_version", "1")
    fields.setdefault("condition_label", "Neck pain")
    fields.setdefault("symptoms", "Stiff neck after long days at the desk.")
    if scheduled:
        fields.setdefault("scheduled_for", timezone.now() + datetime.timedelta(days=3))
    created_at = fields.pop("created_at", None)
    consultation_request = ConsultationRequest.objects.create(
        name=name, email=email, phone=phone, status=status, **fields
    )
    if created_at is not None:
        ConsultationRequest.objects.filter(pk=consultation_request.pk).update(created_at=created_at)
        consultation_request.refresh_from_db()
    return consultation_request


# Pages as the editor's browser posts them ------------------------------------------------------------


def edit_form_data(page):
    """What the editor's browser posts when it saves this page with a one-paragraph body."""
    data = {"title": page.title, "slug": page.slug}
    for name in ("summary", "hero_title", "hero_text", "alternate_names", "symptoms"):
        if hasattr(page, name):
            data[name] = getattr(page, name)
    if hasattr(page, "intro"):
        data["intro"] = rich_text(page.intro or "<p>Intro.</p>")
    if hasattr(page, "body"):
        data["body"] = streamfield([("paragraph", rich_text("<p>Edited in the admin.</p>"))])
    if isinstance(page, ArticlePage):
        data["references"] = streamfield([])
        links = list(page.condition_links.all())
        data["condition_links"] = inline_formset(
            [{"id": link.pk, "condition": link.condition_id} for link in links], initial=len(links)
        )
    return nested_form_data(data)


# Staff sign-in ------------------------------------------------------------------------------------


def sign_in(client, user):
    """Sign ``user`` in to the admin the way unit tests do: ``force_login`` stands in for the password,
    and for someone who needs a second factor, a confirmed authenticator app is recorded in the session
    as passed, which is what ``django_otp.login()`` stores after a right code. tests/test_two_factor.py
    and the browser suite pass real codes and passkeys."""
    client.force_login(user)
    if must_verify(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        device = device or TOTPDevice.objects.create(user=user, name="Test app")
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return user


# Online booking ------------------------------------------------------------------------------------

BOOK_URL = "/book/"


def make_visit(name="New-patient consultation", minutes=60, practitioners=(), **fields):
    """An appointment type patients can book online, offered by ``practitioners``."""
    from booking.models import AppointmentType

    fields.setdefault("new_patients_only", True)
    fields.setdefault("price", "120.00")
    kind = AppointmentType.objects.create(name=name, duration_minutes=minutes, **fields)
    kind.practitioners.set(practitioners)
    return kind


def make_schedule(practitioner, hours=tuple((day, "09:00", "17:00") for day in range(7))):
    """Working hours (weekday, from, until) for a practitioner who takes online bookings."""
    from booking.models import PractitionerSchedule, WorkingHours

    schedule = PractitionerSchedule.objects.create(practitioner=practitioner)
    WorkingHours.objects.bulk_create(
        WorkingHours(
            schedule=schedule,
            weekday=day,
            starts_at=datetime.time.fromisoformat(start),
            ends_at=datetime.time.fromisoformat(end),
            sort_order=order,
        )
        for order, (day, start, end) in enumerate(hours)
    )
    return schedule


def make_booking_clinic(**fields):
    """Clinic details with online booking on: no minimum notice, so tests can book the next hour."""
    fields.setdefault("online_booking", True)
    fields.setdefault("booking_notice_hours", 0)
    fields.setdefault("booking_horizon_days", 14)
    fields.setdefault("booking_slot_minutes", 15)
    fields.setdefault("cancellation_policy", "Free to cancel until 24 hours before.")
    fields.setdefault("street_address", "1 Harbour Road")
    fields.setdefault("locality", "Larkmoor")
    return make_clinic(**fields)


def make_appointment(practitioner, kind, start, name=PATIENT_NAME, **fields):
    """An appointment saved straight with the ORM (no overlap check): for setting the scene."""
    from booking.models import Appointment

    fields.setdefault("email", "harriet@example.com")
    fields.setdefault("condition_label", "Neck pain")
    fields.setdefault("symptoms", "Stiff neck after long days at the desk.")
    appointment = Appointment(practitioner=practitioner, appointment_type=kind, name=name, **fields)
    appointment.set_time(start)
    appointment.save()
    return appointment


def booking_data(slot, condition=None, **overrides):
    """A complete, valid booking post for a slot value ("<practitioner id>@<UTC start>")."""
    data = valid_data(condition, slot=slot, **overrides)
    for name in ("patient_type", "preferred_times", "practitioner", "treatment"):
        data.pop(name, None)
    return data


def local_at(days, hour):
    """``hour`` o'clock in the clinic's time zone, ``days`` from today."""
    import zoneinfo

    from django.conf import settings

    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))


def make_online_visit(name="Mara Ellison"):
    """A practitioner who takes online bookings every day 9–17, and a 60-minute visit they offer."""
    practitioner = make_practitioner(name)
    make_schedule(practitioner)
    return practitioner, make_visit(practitioners=[practitioner])
