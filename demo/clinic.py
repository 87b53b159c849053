"""The clinic around the pages: its practitioners, its details in the site settings, its review workflow."""

from wagtail.models import Workflow, WorkflowPage

from articles.models import Practitioner
from clinic_site.models import ClinicSettings
from demo import content
from demo.content.booking import BOOKING_RULES
from demo.streams import differs, image_by_key, page_by_slug, rewrite_page_links, stream_value

WORKFLOW_NAME = "Clinical review"
BOOKING_NOTIFICATION_EMAIL = "frontdesk@example.com"


def ensure_practitioners(demo):
    """The clinic's people, with photos and what they treat."""
    for order, spec in enumerate(content.PRACTITIONERS):
        practitioner = Practitioner.objects.filter(name=spec["name"]).order_by("pk").first()
        created = practitioner is None
        if created:
            practitioner = Practitioner(name=spec["name"])
        wanted = {
            "credentials": spec.get("credentials", ""),
            "job_title": spec["job_title"],
            "languages": ", ".join(spec.get("languages", [])),
            "bio": rewrite_page_links(spec.get("bio", ""), demo),
            "photo_id": image_by_key(demo, spec["image"]).pk if spec.get("image") else None,
            "is_clinical_reviewer": spec.get("is_clinical_reviewer", True),
            "sort_order": order * 10,
        }
        changed = [name for name, value in wanted.items() if getattr(practitioner, name) != value]
        for name in changed:
            setattr(practitioner, name, wanted[name])
        for relation in ("conditions", "treatments"):
            pages = [page_by_slug(demo, slug) for slug in spec.get(relation, [])]
            current = set() if created else {page.pk for page in getattr(practitioner, relation).all()}
            if current != {page.pk for page in pages}:
                getattr(practitioner, relation).set(pages)
                changed.append(relation)
        if created or changed:
            practitioner.save()
            verb = "Created" if created else "Updated"
            detail = "" if created else f" ({', '.join(changed)})"
            demo.report.changed(f"{verb} practitioner {practitioner.name}{detail}")
        demo.practitioners[spec["key"]] = practitioner


def ensure_settings(demo):
    """The clinic's name, contact details, hours and red-flag note, for the default site."""
    clinic = content.CLINIC
    existed = ClinicSettings.objects.filter(site=demo.site).exists()
    settings_object = ClinicSettings.for_site(demo.site)
    wanted = {
        "name": clinic["name"],
        "tagline": clinic.get("tagline", ""),
        "site_notice": clinic.get("site_notice", ""),
        "street_address": clinic.get("street_address", ""),
        "locality": clinic.get("locality", ""),
        "region": clinic.get("region", ""),
        "postal_code": clinic.get("postal_code", ""),
        "country": clinic.get("country", "US"),
        "phone": clinic.get("phone", ""),
        "email": clinic.get("email", ""),
        "area_served": clinic.get("area_served", ""),
        "emergency_number": clinic.get("emergency_number", "911"),
        "red_flag_text": rewrite_page_links(clinic.get("red_flag_text", ""), demo),
        "privacy_version": content.PRIVACY_VERSION,
        "booking_notification_email": BOOKING_NOTIFICATION_EMAIL,
        **BOOKING_RULES,
        "hours": stream_value(
            settings_object,
            "hours",
            [("hours", row) for row in clinic.get("hours", [])],
            demo,
            "clinic-hours",
        ),
    }
    changed = [name for name, value in wanted.items() if differs(getattr(settings_object, name), value)]
    for name in changed:
        setattr(settings_object, name, wanted[name])
    if changed:
        settings_object.save()
        if existed:
            demo.report.changed(f"Updated the clinic details ({', '.join(changed)})")
        else:
            demo.report.changed("Filled in the clinic details")


def ensure_workflow_assignment(demo):
    """Put the three sections under the “Clinical review” workflow, when the migration has made it."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        return
    for slug in ("conditions", "treatments", "resources"):
        _assignment, created = WorkflowPage.objects.get_or_create(
            page=demo.indexes[slug], defaults={"workflow": workflow}
        )
        if created:
            demo.report.changed(f"Assigned the “{WORKFLOW_NAME}” workflow to “{demo.indexes[slug].title}”")
