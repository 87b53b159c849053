"""The page tree: the home page and default site, the section index pages, and every content page.

``ensure_page_stubs`` is the first of the loader's two passes, ``ensure_pages`` the second.
"""

import datetime

from django.utils import timezone
from wagtail.models import Page, Site

from articles.models import (
    ArticleCondition,
    ArticleIndexPage,
    ArticlePage,
    ConditionIndexPage,
    ConditionPage,
    HomePage,
    StandardPage,
    TeamPage,
    TreatmentIndexPage,
    TreatmentPage,
)
from demo import content
from demo.state import DemoContentError
from demo.streams import differs, image_by_key, page_by_slug, stream_value

HOME_SLUG = "home"

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
    (
        TeamPage,
        "team",
        "Our team",
        "<p>Two acupuncturists and a physical therapist share the clinic, and they often plan care "
        "together. Choose a name to see what each of them treats, which languages they work in and how to "
        "book a visit with them.</p>",
    ),
]
MENU_SLUGS = {"conditions", "treatments", "resources", "team", content.ABOUT["slug"]}
STANDARD_PAGES = (
    content.ABOUT,
    content.CONTACT,
    content.FEES,
    content.FAQ,
    content.ACCESSIBILITY,
    content.PRIVACY,
    content.TERMS,
)


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
    specs += [(HOME_SLUG, StandardPage, spec) for spec in STANDARD_PAGES]
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
            "body": stream_value(demo.home, "body", home.get("body", []), demo, HOME_SLUG),
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
            "body": stream_value(page, "body", spec.get("body", []), demo, spec["slug"]),
        }
        relations = {}
        dates = None
        if "last_reviewed" in spec:
            # As a clinical reviewer's approval in Clinical review would have recorded it.
            fields["reviewer_id"] = demo.practitioners[spec["reviewer"]].pk
            fields["last_reviewed"] = datetime.date.fromisoformat(spec["last_reviewed"])
        if model is ConditionPage:
            fields["alternate_names"] = ", ".join(spec.get("alternate_names", []))
            fields["symptoms"] = "\n".join(spec.get("symptoms", []))
            fields["show_red_flags"] = spec.get("show_red_flags", True)
            relations["treatments"] = [page_by_slug(demo, slug) for slug in spec.get("treatments", [])]
        elif model is ArticlePage:
            fields["author_id"] = demo.practitioners[spec["author"]].pk
            references = [("reference", reference) for reference in spec.get("references", [])]
            fields["references"] = stream_value(page, "references", references, demo, f"{spec['slug']}/refs")
            relations["condition_links"] = [page_by_slug(demo, slug) for slug in spec["conditions"]]
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
        if differs(getattr(page, name), wanted):
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
    return image_by_key(demo, key).pk if key else None
