"""Small builders for tests: each fills sensible defaults so a test names only what it cares about."""

import io
import itertools

from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import Page, Site

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
from clinic_site.models import ClinicSettings

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
