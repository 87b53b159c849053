"""Turns the demo content in ``articles.demo.content`` into a working clinic site.

Everything is found again by a stable key: images by title, pages by slug under their parent,
practitioners by name, users by username, demo consultation requests by a fixed submission token.
Each object is compared with what the content says and saved only when it differs, so a second run
changes nothing, adds no page revisions and reports that nothing changed.

Pages are built in two passes. The first makes sure every page exists (new ones as unpublished
stubs), so that the second can resolve every reference, including articles that point at each other,
and publish each page once, through a revision, so its history looks like an editor's.
"""

import datetime
import hashlib
import io
import re
import time
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site, Workflow, WorkflowPage

from articles.demo import content
from articles.demo.images import render_image, view_for_alt
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
from articles.renditions import all_specs
from booking.models import ConsultationRequest
from clinic_site.models import ClinicSettings

HOME_SLUG = "home"
WORKFLOW_NAME = "Clinical review"
BOOKING_NOTIFICATION_EMAIL = "frontdesk@example.com"
# Block ids are derived from the page and position, so rebuilding a body gives the same ids.
BLOCK_ID_NAMESPACE = uuid.UUID("6f1d2c3a-9a57-4d0e-8a3c-5b1f0c2e7d41")
PAGE_LINK = re.compile(r'<a\s+href="page:([^"]+)"\s*>')

INDEX_PAGES = [
    # (model, slug, title, intro)
    (
        ConditionIndexPage,
        "conditions",
        "Conditions",
        "<p>Neck pain and headaches are what we see most. Choose a condition to read how it tends to "
        "behave, what may help, and when to talk to a doctor first.</p>",
    ),
    (
        TreatmentIndexPage,
        "treatments",
        "Treatments",
        "<p>Our acupuncturists and physical therapist use a handful of gentle, hands-on treatments. "
        "Here is what each one involves and what a session feels like.</p>",
    ),
    (
        ArticleIndexPage,
        "resources",
        "Resources",
        "<p>Plain-English articles written by our practitioners and checked by a colleague, to help you "
        "understand your symptoms and your options.</p>",
    ),
]
STREAM_FIELDS = {"body"}
MENU_SLUGS = {"conditions", "treatments", "resources", content.ABOUT["slug"]}

DEMO_ACCOUNTS = [
    # (username, password, group or None for the superuser, first name)
    ("admin", "clinic-admin-demo", None, "Demo admin"),
    ("editor", "clinic-editor-demo", "Editors", "Demo editor"),
    ("reviewer", "clinic-reviewer-demo", "Clinical reviewers", "Demo reviewer"),
    ("frontdesk", "clinic-frontdesk-demo", "Front desk", "Demo front desk"),
]


class DemoContentError(Exception):
    """The content cannot be loaded as written, or something in the database is in its way."""


class Report:
    """Collects what a run changed and writes it to ``stdout`` (a command's or any text stream)."""

    def __init__(self, stdout=None):
        self.stdout = stdout
        self.changes = []

    def write(self, message=""):
        if self.stdout is not None:
            self.stdout.write(f"{message}\n")

    def changed(self, message):
        self.changes.append(message)
        self.write(f"  {message}")


@dataclass
class DemoSite:
    """What the passes have built so far, looked up by the keys the content uses."""

    report: Report
    site: Site = None
    home: HomePage = None
    images: dict = field(default_factory=dict)  # image key -> ClinicImage
    indexes: dict = field(default_factory=dict)  # index slug -> index page
    pages: dict = field(default_factory=dict)  # content slug -> specific page
    practitioners: dict = field(default_factory=dict)  # practitioner key -> Practitioner
    users: dict = field(default_factory=dict)  # username -> user


# --- Entry point ---------------------------------------------------------------------------------


def load_demo_content(stdout=None, with_demo_accounts=False):
    """Build or update the demo clinic. Returns the list of changes made (empty when up to date).

    Demo logins and demo consultation requests are only made when ``settings.DEBUG`` is on or
    ``with_demo_accounts`` is true, so production never gets well-known passwords by accident.
    """
    report = Report(stdout)
    started = time.monotonic()
    accounts = bool(with_demo_accounts or settings.DEBUG)
    with transaction.atomic():
        demo = DemoSite(report=report)
        ensure_images(demo)
        ensure_home(demo)
        ensure_page_stubs(demo)
        ensure_practitioners(demo)
        ensure_pages(demo)
        ensure_settings(demo)
        ensure_workflow_assignment(demo)
        if accounts:
            ensure_demo_accounts(demo)
            ensure_demo_requests(demo)
        pregenerate_renditions(demo)

    seconds = time.monotonic() - started
    if report.changes:
        report.write(f"Demo content loaded: {len(report.changes)} change(s) in {seconds:.1f}s.")
    else:
        report.write(f"Nothing changed: the demo content was already up to date ({seconds:.1f}s).")
    if accounts:
        write_logins(report)
    else:
        report.write("Demo logins were not created (DEBUG is off; pass --with-demo-accounts to add them).")
    return report.changes


# --- Images --------------------------------------------------------------------------------------


def ensure_images(demo):
    """Draw every demo image and store it, replacing the file only when the drawing changed."""
    for spec in content.IMAGES:
        data = render_image(spec["kind"], spec["hue"], view_for_alt(spec["kind"], spec["alt"]))
        digest = hashlib.sha1(data).hexdigest()  # noqa: S324 - the same content hash Wagtail stores
        image = ClinicImage.objects.filter(title=spec["title"]).order_by("pk").first()
        if image is None:
            image = ClinicImage(title=spec["title"], description=spec["alt"])
            _set_image_file(image, spec["key"], data, digest)
            image.save()
            demo.report.changed(f"Created image “{image.title}”")
        else:
            changed = []
            if image.description != spec["alt"]:
                image.description = spec["alt"]
                changed.append("alt text")
            old_file = image.file.name
            new_picture = image.file_hash != digest or not image.file.storage.exists(old_file)
            if new_picture:
                _set_image_file(image, spec["key"], data, digest)
                changed.append("picture")
            if changed:
                image.save()
                if new_picture:
                    # As Wagtail's own image form does: drop the old file and every old size of it.
                    if old_file != image.file.name and image.file.storage.exists(old_file):
                        image.file.storage.delete(old_file)
                    image.renditions.all().delete()
                demo.report.changed(f"Updated image “{image.title}” ({', '.join(changed)})")
        demo.images[spec["key"]] = image


def _set_image_file(image, key, data, digest):
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{key}.png")
    image.file_size = len(data)
    image.file_hash = digest


# --- Page tree -----------------------------------------------------------------------------------


def ensure_home(demo):
    """Make a HomePage the default site's root, replacing the welcome page Wagtail starts with."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        in_the_way = root.get_children().filter(slug=HOME_SLUG).first()
        if in_the_way is not None:
            if not _is_welcome_page(in_the_way):
                raise DemoContentError(
                    f"A page with the slug “{HOME_SLUG}” already sits at the top of the tree; move or "
                    "rename it before loading the demo content."
                )
            in_the_way.slug = "wagtail-welcome-page"
            in_the_way.save()
        home = HomePage(
            title=content.HOME["title"], slug=HOME_SLUG, hero_title=content.HOME["hero_title"], live=False
        )
        root.add_child(instance=home)
        demo.report.changed("Created the home page")

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        demo.report.changed("Created the default site")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
        demo.report.changed("Pointed the default site at the home page")

    for page in root.get_children().exclude(pk=home.pk):
        if _is_welcome_page(page) and not Site.objects.filter(root_page=page).exists():
            page.delete()
            demo.report.changed("Deleted Wagtail’s “Welcome to your new Wagtail site!” page")

    demo.site, demo.home = site, home


def _is_welcome_page(page):
    """Wagtail's initial placeholder: a plain Page at the top of the tree with nothing under it."""
    return page.specific_class is Page and page.depth == 2 and page.numchild == 0


def page_specs():
    """(parent key, model, spec) for every content page, in tree order."""
    specs = [("conditions", ConditionPage, spec) for spec in content.CONDITIONS]
    specs += [("treatments", TreatmentPage, spec) for spec in content.TREATMENTS]
    specs += [("resources", ArticlePage, spec) for spec in content.ARTICLES]
    specs += [(HOME_SLUG, StandardPage, spec) for spec in (content.ABOUT, content.PRIVACY, content.TERMS)]
    slugs = [spec["slug"] for _, _, spec in specs]
    duplicates = {slug for slug in slugs if slugs.count(slug) > 1}
    if duplicates:
        raise DemoContentError(f"Demo page slugs must be unique; repeated: {', '.join(sorted(duplicates))}")
    return specs


def ensure_page_stubs(demo):
    """Make sure every page exists, so the second pass can link any page to any other."""
    for model, slug, title, _intro in INDEX_PAGES:
        demo.indexes[slug] = _find_or_create_page(demo, demo.home, model, slug, title=title)
    parents = {HOME_SLUG: demo.home, **demo.indexes}
    for parent_key, model, spec in page_specs():
        stub = {"title": spec["title"], "summary": spec["summary"]}
        if model is ArticlePage:
            # The body is required; the second pass replaces this before the page is published.
            stub["body"] = [("paragraph", "<p>Being written.</p>")]
        demo.pages[spec["slug"]] = _find_or_create_page(
            demo, parents[parent_key], model, spec["slug"], **stub
        )


def _find_or_create_page(demo, parent, model, slug, **fields):
    page = parent.get_children().filter(slug=slug).first()
    if page is not None:
        page = page.specific
        if not isinstance(page, model):
            raise DemoContentError(
                f"“{parent.title}” already has a {page.specific_class.__name__} at the slug “{slug}”; "
                f"the demo content needs a {model.__name__} there."
            )
        return page
    page = model(slug=slug, live=False, **fields)
    parent.add_child(instance=page)
    demo.report.changed(f"Created page “{page.title}” ({model.__name__})")
    return page


# --- Practitioners -------------------------------------------------------------------------------


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
            "bio": rewrite_page_links(spec.get("bio", ""), demo),
            "photo_id": demo.images[spec["image"]].pk if spec.get("image") else None,
            "is_clinical_reviewer": spec.get("is_clinical_reviewer", True),
            "sort_order": order * 10,
        }
        changed = [name for name, value in wanted.items() if getattr(practitioner, name) != value]
        for name in changed:
            setattr(practitioner, name, wanted[name])
        for relation in ("conditions", "treatments"):
            pages = [_page(demo, slug) for slug in spec.get(relation, [])]
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


# --- Page content --------------------------------------------------------------------------------


def ensure_pages(demo):
    """Give every page its content and publish it, through a revision, when anything differs."""
    home = content.HOME
    sync_page(
        demo,
        demo.home,
        {
            "title": home["title"],
            "hero_title": home["hero_title"],
            "hero_text": home.get("hero_text", ""),
            "hero_image_id": _image_id(demo, home.get("hero_image")),
            "show_in_menus": False,
            "body": stream_raw(home.get("body", []), demo, HOME_SLUG),
        },
    )
    for _model, slug, title, intro in INDEX_PAGES:
        sync_page(demo, demo.indexes[slug], {"title": title, "intro": intro, "show_in_menus": True})

    for _parent_key, model, spec in page_specs():
        page = demo.pages[spec["slug"]]
        fields = {
            "title": spec["title"],
            "summary": spec["summary"],
            "image_id": _image_id(demo, spec.get("image")),
            "show_in_menus": spec["slug"] in MENU_SLUGS,
            "body": stream_raw(spec.get("body", []), demo, spec["slug"]),
        }
        relations = {}
        dates = None
        if model is ConditionPage:
            fields["alternate_names"] = ", ".join(spec.get("alternate_names", []))
            fields["symptoms"] = "\n".join(spec.get("symptoms", []))
            fields["show_red_flags"] = spec.get("show_red_flags", True)
            relations["treatments"] = [demo.pages[slug] for slug in spec.get("treatments", [])]
        elif model is ArticlePage:
            fields["author_id"] = demo.practitioners[spec["author"]].pk
            fields["reviewer_id"] = demo.practitioners[spec["reviewer"]].pk
            fields["last_reviewed"] = datetime.date.fromisoformat(spec["last_reviewed"])
            relations["condition_links"] = [demo.pages[slug] for slug in spec["conditions"]]
            first = _publication_time(spec["first_published"])
            dates = (first, max(first, _publication_time(spec["last_reviewed"])))
        elif model is StandardPage:
            fields["show_practitioners"] = spec["slug"] == content.ABOUT["slug"]
        sync_page(demo, page, fields, relations)
        if dates:
            ensure_publication_dates(demo, page, *dates)


def sync_page(demo, page, fields, relations=None):
    """Set ``fields`` and ``relations`` on ``page``; save a revision and publish it if anything differs.

    A page that was never published (a stub from the first pass) is published even when nothing
    differs. A page an editor has unpublished is left unpublished unless its content needs updating.
    """
    relations = relations or {}
    changed = []
    for name, wanted in fields.items():
        if name in STREAM_FIELDS:
            wanted = validated_stream(page, name, wanted)
            differs = comparable_stream(page, name, getattr(page, name)) != comparable_stream(
                page, name, wanted
            )
        else:
            differs = getattr(page, name) != wanted
        if differs:
            setattr(page, name, wanted)
            changed.append(name)
    if "treatments" in relations:
        wanted = relations["treatments"]
        if {target.pk for target in page.treatments.all()} != {target.pk for target in wanted}:
            page.treatments.set(wanted)
            changed.append("treatments")
    if "condition_links" in relations:
        wanted = relations["condition_links"]
        existing = list(page.condition_links.all())
        if [link.condition_id for link in existing] != [condition.pk for condition in wanted]:
            by_condition = {link.condition_id: link for link in existing}
            links = []
            for order, condition in enumerate(wanted):
                link = by_condition.get(condition.pk) or ArticleCondition(condition=condition)
                link.sort_order = order
                links.append(link)
            page.condition_links = links
            changed.append("conditions covered")

    never_published = page.live_revision_id is None and page.latest_revision_id is None
    if not changed and not never_published:
        return False
    page.save_revision().publish()
    if never_published:
        demo.report.changed(f"Published “{page.title}”")
    else:
        demo.report.changed(f"Updated and republished “{page.title}” ({', '.join(changed)})")
    return True


def validated_stream(instance, field_name, raw):
    """Raw stream data as a StreamValue, checked by the blocks as the editor's form would check it."""
    stream_block = instance._meta.get_field(field_name).stream_block
    try:
        return stream_block.clean(stream_block.bulk_to_python([raw])[0])
    except ValidationError as error:
        detail = error.as_json_data() if hasattr(error, "as_json_data") else error.messages
        raise DemoContentError(f"The demo {field_name} of “{instance}” is not valid: {detail}") from error


def comparable_stream(instance, field_name, value):
    """A StreamField value as plain data with block ids removed, for comparing content only."""
    stream_block = instance._meta.get_field(field_name).stream_block
    raw = value if isinstance(value, list) else (value.get_prep_value() if value else [])
    if not raw:
        return []
    return _without_ids(stream_block.get_prep_value(stream_block.bulk_to_python([raw])[0]))


def _without_ids(data):
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


def ensure_publication_dates(demo, page, first_published_at, last_published_at):
    """Back-date an article's publication so the demo's dates look like a real archive."""
    page.refresh_from_db(fields=["first_published_at", "last_published_at"])
    if (page.first_published_at, page.last_published_at) == (first_published_at, last_published_at):
        return
    Page.objects.filter(pk=page.pk).update(
        first_published_at=first_published_at, last_published_at=last_published_at
    )
    page.first_published_at, page.last_published_at = first_published_at, last_published_at
    demo.report.changed(f"Set the publication dates of “{page.title}”")


def _publication_time(iso_date):
    day = datetime.date.fromisoformat(iso_date)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def _image_id(demo, key):
    return demo.images[key].pk if key else None


# --- Body conversion -----------------------------------------------------------------------------


def stream_raw(body, demo, page_key):
    """Convert a content body of (block type, value) pairs into StreamField raw data.

    Image keys become image ids, article and condition slugs become page ids, and ``page:SLUG`` links
    in rich text become Wagtail page links. Block and list-item ids are derived from the page and the
    position, so the same content always gives the same data.
    """
    raw = []
    for index, (block_type, value) in enumerate(body):
        block_id = _block_id(page_key, index)
        raw.append(
            {"type": block_type, "value": block_value(block_type, value, demo, block_id), "id": block_id}
        )
    return raw


def block_value(block_type, value, demo, block_id):
    if block_type == "paragraph":
        return rewrite_page_links(value, demo)
    if block_type in ("heading", "quote"):
        return dict(value)
    if block_type == "quick_version":
        return {"title": value["title"], "points": _list_items(value["points"], block_id)}
    if block_type == "faq":
        items = [
            {"question": item["question"], "answer": rewrite_page_links(item["answer"], demo)}
            for item in value["items"]
        ]
        return {"title": value["title"], "items": _list_items(items, block_id)}
    if block_type == "callout":
        return {**value, "text": rewrite_page_links(value["text"], demo)}
    if block_type == "steps":
        steps = [{"title": step["title"], "text": step.get("text", "")} for step in value["steps"]]
        return {"title": value.get("title", ""), "steps": _list_items(steps, block_id)}
    if block_type == "image":
        return {"image": demo.images[value["image"]].pk, "caption": value.get("caption", "")}
    if block_type == "related_article":
        return {"article": _page(demo, value["article"]).pk, "label": value.get("label", "")}
    if block_type == "cta":
        condition = value.get("condition")
        return {**value, "condition": _page(demo, condition).pk if condition else None}
    raise DemoContentError(f"The demo content uses an unknown block type “{block_type}”.")


def _list_items(values, block_id):
    return [
        {"type": "item", "value": value, "id": str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{block_id}/{index}"))}
        for index, value in enumerate(values)
    ]


def _block_id(page_key, index):
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{page_key}/{index}"))


def _page(demo, slug):
    try:
        return demo.pages[slug]
    except KeyError:
        raise DemoContentError(f"The demo content refers to a page “{slug}” it does not define.") from None


def rewrite_page_links(html, demo):
    """Turn ``<a href="page:SLUG">`` into Wagtail's stored form of a page link."""
    return PAGE_LINK.sub(lambda match: f'<a linktype="page" id="{_page(demo, match.group(1)).pk}">', html)


# --- Site settings and workflow ------------------------------------------------------------------


def ensure_settings(demo):
    """The clinic's name, contact details, hours and red-flag note, for the default site."""
    clinic = content.CLINIC
    existed = ClinicSettings.objects.filter(site=demo.site).exists()
    settings_object = ClinicSettings.for_site(demo.site)
    wanted = {
        "name": clinic["name"],
        "tagline": clinic.get("tagline", ""),
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
    }
    changed = [name for name, value in wanted.items() if getattr(settings_object, name) != value]
    for name in changed:
        setattr(settings_object, name, wanted[name])

    hours = [
        {
            "type": "hours",
            "value": {"days": row["days"], "opens": row["opens"], "closes": row["closes"]},
            "id": _block_id("clinic-hours", index),
        }
        for index, row in enumerate(clinic.get("hours", []))
    ]
    if comparable_stream(settings_object, "hours", settings_object.hours) != comparable_stream(
        settings_object, "hours", hours
    ):
        settings_object.hours = hours
        changed.append("hours")
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


# --- Demo accounts and consultation requests -----------------------------------------------------


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
        demo.users[username] = user


def write_logins(report):
    report.write("Demo logins (for trying the site; delete them before going live):")
    for username, password, group_name, _first_name in DEMO_ACCOUNTS:
        report.write(f"  {username:<10} {password:<24} {group_name or 'superuser'}")
    report.write("  Passwords are set only when an account is first created; later runs leave them alone.")


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


# --- Renditions ----------------------------------------------------------------------------------


def pregenerate_renditions(demo):
    """Make every size the templates use now, so no page view has to resize an image."""
    specs = all_specs()
    created = 0
    for image in demo.images.values():
        have = {}
        for rendition in image.renditions.filter(filter_spec__in=specs):
            if rendition.file.storage.exists(rendition.file.name):
                have[rendition.filter_spec] = rendition
            else:
                rendition.delete()  # the row outlived its file (media folder wiped): make it again
        missing = [spec for spec in specs if spec not in have]
        if missing:
            image.get_renditions(*missing)
            created += len(missing)
    if created:
        demo.report.changed(f"Made {created} image renditions")
