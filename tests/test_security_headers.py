"""Security headers on public, booking and admin pages, cached or not, and how they score.

The score of the real production server (gunicorn, production settings) is in test_deploy_config.py;
here the rules of the scorer itself are checked, so a score of 100+ means what it says.
"""

import pytest
from django.core.cache import cache

from tests import factories, observatory

pytestmark = pytest.mark.django_db

ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def csp(response):
    return observatory.parse_csp(response["Content-Security-Policy"])


def assert_public_headers(response):
    for name, value in ALWAYS.items():
        assert response[name] == value, name
    assert response["X-Frame-Options"] == "DENY"
    policy = csp(response)
    assert policy["default-src"] == {"'none'"}
    assert policy["script-src"] == {"'self'"}
    assert policy["style-src"] == {"'self'"}
    assert policy["img-src"] == {"'self'", "data:"}
    assert policy["object-src"] == {"'none'"}
    assert policy["base-uri"] == {"'none'"}
    assert policy["frame-ancestors"] == {"'none'"}
    assert policy["form-action"] == {"'self'"}
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert f"{feature}=()" in permissions
    assert "interest-cohort" not in permissions


@pytest.mark.parametrize("path", ["/", "/conditions/neck-pain/", "/does-not-exist/"])
def test_public_pages(client, condition, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert_public_headers(response)
    body = response.content.decode()
    assert "<style" not in body and " style=" not in body
    assert "<script" not in body.replace('<script type="application/ld+json">', "")


def test_booking_form_and_thank_you_page(client, condition):
    for path in ("/consultation/?condition=neck-pain", "/consultation/thank-you/"):
        response = client.get(path)
        assert response.status_code == 200
        assert_public_headers(response)
    cookie = client.get("/consultation/").cookies["csrftoken"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_cached_pages_carry_the_same_headers_with_their_own_request_id(client, condition, settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    first = client.get("/conditions/neck-pain/")
    second = client.get("/conditions/neck-pain/")
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    for name in ("Content-Security-Policy", "Permissions-Policy", *ALWAYS, "X-Frame-Options"):
        assert second[name] == first[name], name
    assert_public_headers(second)
    assert second["X-Request-ID"] != first["X-Request-ID"]


def test_admin_pages_get_the_admin_policy(client):
    factories.sign_in(client, factories.make_user("boss-headers", superuser=True))
    for path in ("/admin/login/", "/admin/", "/admin/booking/consultationrequest/"):
        response = client.get(path, follow=path == "/admin/login/")
        assert response.status_code == 200, path
        policy = csp(response)
        # Inline scripts and styles are allowed only here, where Wagtail needs them.
        assert policy["script-src"] == {"'self'", "'unsafe-inline'"}
        assert policy["style-src"] == {"'self'", "'unsafe-inline'"}
        assert policy["default-src"] == {"'none'"}
        assert policy["object-src"] == {"'none'"} and policy["base-uri"] == {"'none'"}
        assert policy["frame-ancestors"] == {"'self'"} and policy["form-action"] == {"'self'"}
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
        for name, value in ALWAYS.items():
            assert response[name] == value


def test_the_admin_can_frame_its_page_preview_and_nothing_else_can(client, condition):
    factories.sign_in(client, factories.make_user("boss-preview", superuser=True))
    response = client.get(f"/admin/pages/{condition.pk}/edit/preview/")
    assert response.status_code == 200
    assert csp(response)["frame-ancestors"] == {"'self'"}
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert client.get(condition.url)["X-Frame-Options"] == "DENY"


def test_a_view_that_sets_its_own_policy_keeps_it(client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Leaflet", file=ContentFile(b"%PDF-1.4", name="l.pdf")
    )
    response = client.get(document.url)
    assert response["Content-Security-Policy"] == "default-src 'none'"
    b"".join(response.streaming_content)


def test_the_health_check_answered_above_django_security_middleware_is_covered_too(client):
    response = client.get("/healthz")
    assert csp(response)["default-src"] == {"'none'"}
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


# The scorer's rules, on header sets whose Observatory results are known from its published table.

STRONG = {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; frame-ancestors 'none'"
    ),
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def test_scorer_gives_full_bonuses_to_a_strong_set():
    result = observatory.score(STRONG, "<p>no scripts</p>")
    assert result.penalties == 0
    assert result.total == 130 and result.grade == "A+"


@pytest.mark.parametrize(
    ("change", "expected_key", "expected"),
    [
        ({"Content-Security-Policy": None}, "csp-not-implemented", -25),
        (
            {"Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'"},
            "csp-implemented-with-unsafe-inline",
            -20,
        ),
        (
            {"Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'"},
            "csp-implemented-with-unsafe-inline-in-style-src-only",
            0,
        ),
        ({"Content-Security-Policy": "default-src 'self'"}, "csp-implemented-with-no-unsafe", 5),
        ({"Strict-Transport-Security": None}, "hsts-not-implemented", -20),
        (
            {"Strict-Transport-Security": "max-age=86400"},
            "hsts-implemented-max-age-less-than-six-months",
            -10,
        ),
        ({"X-Content-Type-Options": None}, "x-content-type-options-not-implemented-or-invalid", -5),
        ({"Referrer-Policy": "unsafe-url"}, "referrer-policy-unsafe", -5),
        (
            {"Cross-Origin-Resource-Policy": None},
            "cross-origin-resource-policy-not-implemented-or-cross-origin",
            0,
        ),
    ],
)
def test_scorer_applies_each_published_modifier(change, expected_key, expected):
    headers = {**STRONG, **change}
    headers = {k: v for k, v in headers.items() if v is not None}
    result = observatory.score(headers, "<p></p>")
    assert result.modifiers[expected_key] == expected


def test_scorer_adds_bonuses_only_to_a_score_of_90_or_more():
    headers = {
        k: v for k, v in STRONG.items() if k not in {"Content-Security-Policy", "Strict-Transport-Security"}
    }
    result = observatory.score(headers, "<p></p>")
    assert result.penalties == -45
    assert result.total == 55  # no bonuses for referrer policy, CORP or frame options


def test_scorer_reads_cookies():
    insecure = observatory.score(STRONG, "", set_cookies=["sessionid=abc; Path=/; HttpOnly"])
    assert insecure.modifiers["cookies-session-without-secure-flag-but-protected-by-hsts"] == -10
    good = observatory.score(STRONG, "", set_cookies=["csrftoken=x; Path=/; Secure; HttpOnly; SameSite=Lax"])
    assert good.modifiers["cookies-secure-with-httponly-sessions-and-samesite"] == 5
