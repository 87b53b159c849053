"""The patient's consultation request: from a condition page to a stored request, and everything that
can go wrong on the way (validation, CSRF, spam, rate limit, double posts, red flags)."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from booking.forms import PHONE_ERROR
from booking.models import ConsultationRequest
from tests import factories
from tests.factories import FORM_URL, THANK_YOU_URL, make_clinic, valid_data


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


# Fixtures -----------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The rate limit counts posts in the cache; start every test with none counted."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clinic(home):
    return make_clinic()


@pytest.fixture
def conditions(clinic):
    return [
        factories.make_condition("Neck pain", slug="neck-pain"),
        factories.make_condition("Tension-type headache", slug="tension-headache"),
        factories.make_condition("Migraine", slug="migraine"),
    ]


def error_for(page, field_id):
    """The error message shown for the input ``field_id`` (found through its aria-describedby)."""
    element = page.find(id=field_id)
    assert element is not None, f"no element #{field_id}"
    describer = element if element.get("aria-describedby") else element.find_parent("fieldset")
    ids = describer.get("aria-describedby", "").split()
    errors = [page.find(id=i) for i in ids if i.endswith("_error")]
    return " ".join(e.get_text(" ", strip=True) for e in errors if e)


# The journey --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_patient_journey_from_each_condition_page(client, conditions, django_capture_on_commit_callbacks):
    for number, condition in enumerate(conditions, start=1):
        page_html = soup(client.get(condition.url))
        links = [
            a["href"] for a in page_html.find_all("a") if a.get_text(strip=True) == "Request a consultation"
        ]
        link = next(href for href in links if href.startswith(FORM_URL) and "condition=" in href)
        query = parse_qs(urlsplit(link).query)
        assert query == {"condition": [condition.slug], "from": [str(condition.pk)]}

        form_page = soup(client.get(link))
        selected = form_page.select("#id_condition option[selected]")
        assert [option["value"] for option in selected] == [str(condition.pk)]
        assert form_page.find("input", {"name": "source_page"})["value"] == str(condition.pk)
        assert form_page.find("input", {"name": "submission_token"})["value"]

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(FORM_URL, valid_data(condition, source=condition))
        assert response.status_code == 303
        assert response["Location"] == THANK_YOU_URL
        assert ConsultationRequest.objects.count() == number

        stored = ConsultationRequest.objects.get(condition=condition)
        assert stored.condition_label == condition.title
        assert stored.source_page_id == condition.pk
        assert stored.source_title == condition.title
        assert stored.phone == "+12125550142"
        assert stored.preferred_times == ["weekday_mornings", "saturdays"]
        assert stored.privacy_version == "2026-03"
        assert stored.consent_given_at is not None
        assert not stored.is_urgent and not stored.red_flags_reported


@pytest.mark.django_db
def test_journey_from_an_article_records_the_article_as_source(client, conditions):
    article = factories.make_article("Why desk work stiffens the neck", conditions=[conditions[0]])
    page_html = soup(client.get(article.url))
    link = next(
        a["href"] for a in page_html.find_all("a") if a["href"].startswith(FORM_URL) and "from=" in a["href"]
    )
    assert parse_qs(urlsplit(link).query) == {"condition": ["neck-pain"], "from": [str(article.pk)]}
    response = client.post(FORM_URL, valid_data(conditions[0], source=article))
    assert response.status_code == 303
    stored = ConsultationRequest.objects.get()
    assert stored.source_page_id == article.pk
    assert stored.source_title == "Why desk work stiffens the neck"


@pytest.mark.django_db
def test_thank_you_page_is_generic_and_noindex(client, clinic):
    response = client.get(THANK_YOU_URL)
    assert response.status_code == 200
    page = soup(response)
    assert page.find("meta", {"name": "robots"})["content"].startswith("noindex")
    assert "within one working day" in page.get_text()
    assert clinic.phone in page.get_text()


@pytest.mark.django_db
def test_standalone_form_lists_published_conditions_and_something_else(client, conditions):
    factories.make_condition("Draft condition", slug="draft-condition", live=False)
    factories.make_treatment("Dry needling")
    practitioner = factories.make_practitioner("Mei Chen")
    factories.make_standard_page("Privacy notice", slug="privacy")

    response = client.get(FORM_URL)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    page = soup(response)
    options = [o.get_text() for o in page.select("#id_condition option")]
    assert options == ["Choose one", "Migraine", "Neck pain", "Tension-type headache", "Something else"]
    assert not page.select("#id_condition option[selected][value!='']")
    assert "Dry needling" in [o.get_text() for o in page.select("#id_treatment option")]
    assert [o.get_text() for o in page.select("#id_practitioner option")][:1] == ["No preference"]
    assert practitioner.display_name in page.get_text()
    consent_label = page.find("label", {"for": "id_consent"})
    assert consent_label.find("a")["href"].rstrip("/").endswith("/privacy")
    # Every visible input has a label; groups are fieldsets with legends.
    for element in page.select("form input, form select, form textarea"):
        if element.get("type") in {"hidden", "submit"}:
            continue
        assert page.find("label", {"for": element["id"]}), element
    legends = [legend.get_text(" ", strip=True) for legend in page.select("fieldset > legend")]
    assert legends[:3] == [
        "How should we contact you?",
        "Have you been to the clinic before?",
        "When suits you? (optional)",
    ]
    assert page.find(id="id_name")["autocomplete"] == "name"
    assert page.find(id="id_email")["autocomplete"] == "email"
    assert page.find(id="id_phone")["autocomplete"] == "tel"
    assert page.find(id="id_phone")["type"] == "tel"
    # The form posts to the bare URL: no condition in the address a submission is logged under.
    assert page.find("form", id="consultation-form")["action"] == FORM_URL


@pytest.mark.django_db
def test_unknown_or_unpublished_condition_and_bad_source_are_ignored(client, conditions):
    draft = factories.make_condition("Unpublished", slug="unpublished", live=False)
    for query in [
        "?condition=no-such-thing&from=999999",
        f"?condition=unpublished&from={draft.pk}",
        "?condition=&from=abc",
    ]:
        response = client.get(FORM_URL + query)
        assert response.status_code == 200
        page = soup(response)
        assert not [o for o in page.select("#id_condition option[selected]") if o["value"]]
        assert page.find("input", {"name": "source_page"}).get("value", "") == ""

    # A forged source id in the post is dropped, and the request still goes through.
    response = client.post(FORM_URL, valid_data(conditions[0], source_page=str(draft.pk)))
    assert response.status_code == 303
    stored = ConsultationRequest.objects.get()
    assert stored.source_page is None and stored.source_title == ""


@pytest.mark.django_db
def test_something_else_and_phone_only(client, conditions):
    data = valid_data(None, email="", phone="+44 20 7946 0000", preferred_contact="text")
    assert client.post(FORM_URL, data).status_code == 303
    stored = ConsultationRequest.objects.get()
    assert stored.condition is None
    assert stored.condition_label == "Something else"
    assert stored.phone == "+442079460000"
    assert stored.email == ""


# Validation ---------------------------------------------------------------------------------------

REQUIRED = {
    "name": ("id_name", "Enter your name"),
    "preferred_contact": ("id_preferred_contact_0", "Choose how we should contact you"),
    "patient_type": ("id_patient_type_0", "Tell us whether you are a new or returning patient"),
    "condition": ("id_condition", "Choose what you would like help with"),
    "red_flags": ("id_red_flags_0", "Tell us whether any of these apply to you now"),
    "consent": ("id_consent", "Tick the box to agree"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("missing", REQUIRED)
def test_each_required_field(client, conditions, missing):
    data = valid_data(conditions[1])
    data.pop(missing)
    response = client.post(FORM_URL, data)
    assert response.status_code == 200
    assert not ConsultationRequest.objects.exists()
    page = soup(response)
    field_id, message = REQUIRED[missing]
    assert message in error_for(page, field_id)
    summary = page.find("div", class_="error-summary")
    assert summary["role"] == "alert" and summary["tabindex"] == "-1"
    assert page.find(id=summary["aria-labelledby"]).get_text(strip=True) == "There is a problem"
    assert [a["href"] for a in summary.find_all("a")] == [f"#{field_id}"]
    assert page.find(id=field_id) is not None
    # What was typed is still there.
    if missing != "name":
        assert page.find(id="id_name")["value"] == "Dana Whitfield"
    assert "Stiff neck since March" in page.find(id="id_symptoms").get_text()
    assert page.find(id="id_email")["value"] == "dana.whitfield@example.org"
    if missing != "condition":
        assert page.select_one("#id_condition option[selected]")["value"] == str(conditions[1].pk)


INVALID = [
    ({"email": "dana@"}, "id_email", "Enter a valid email address."),
    ({"phone": "12345"}, "id_phone", PHONE_ERROR),
    ({"phone": "call me maybe"}, "id_phone", PHONE_ERROR),
    # Arabic-Indic digits for 0123456789: the right length, but no such number can exist.
    ({"phone": "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"}, "id_phone", PHONE_ERROR),
    ({"phone": "(555) 014-2290"}, "id_phone", PHONE_ERROR),
    ({"email": "", "phone": ""}, "id_email", "Enter an email address or a phone number, or both"),
    ({"phone": "", "preferred_contact": "phone"}, "id_preferred_contact_0", "For us to call you"),
    ({"phone": "", "preferred_contact": "text"}, "id_preferred_contact_0", "For us to text you"),
    (
        {"email": "", "phone": "(212) 555-0142", "preferred_contact": "email"},
        "id_preferred_contact_0",
        "To hear from us by email",
    ),
    ({"symptoms": "x" * 2001}, "id_symptoms", "Keep this to 2,000 characters or fewer (you have 2001)"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("changes", "field_id", "message"), INVALID)
def test_invalid_input_shows_error_beside_field_and_keeps_input(
    client, conditions, changes, field_id, message
):
    data = valid_data(conditions[0], **changes)
    response = client.post(FORM_URL, data)
    assert response.status_code == 200
    assert not ConsultationRequest.objects.exists()
    page = soup(response)
    assert message in error_for(page, field_id)
    field = page.find(id=field_id)
    assert field["aria-invalid"] == "true"
    wrapper = field.find_parent(class_="form-field")
    assert "form-field--error" in wrapper["class"]
    assert message in wrapper.find(class_="field-error").get_text()
    summary = page.find("div", class_="error-summary")
    assert f"#{field_id}" in [a["href"] for a in summary.find_all("a")]
    assert page.title.get_text().startswith("Error:")
    # Everything typed is kept, including the invalid value itself.
    for name in ("email", "phone"):
        assert page.find(id=f"id_{name}").get("value", "") == data[name]
    assert page.find(id="id_symptoms").get_text().strip() == data["symptoms"].strip()
    checked = {i["value"] for i in page.select("input[name=preferred_times][checked]")}
    assert checked == {"weekday_mornings", "saturdays"}
    assert page.select_one("input[name=red_flags][checked]")["value"] == "no"
    assert page.find(id="id_consent").has_attr("checked")
    assert page.find("input", {"name": "submission_token"})["value"] == data["submission_token"]


# Red flags ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_red_flag_yes_shows_the_alert_first_and_stores_nothing(client, conditions, clinic):
    data = valid_data(conditions[0], red_flags="yes")
    response = client.post(FORM_URL, data)
    assert response.status_code == 200
    assert not ConsultationRequest.objects.exists()

    html = response.content.decode()
    page = soup(response)
    main = page.find("main")
    alert = page.find(id="red-flag-alert")
    assert alert["role"] == "alert"
    first_content = main.find(lambda tag: tag.name != "div")
    assert first_content.find_parent(id="red-flag-alert") is alert
    assert alert.find(["h1", "h2"]).get_text(strip=True) == "Please see a physician or call 911 now"
    assert "thunderclap" in alert.get_text()
    assert html.index('id="red-flag-alert"') < html.index('id="consultation-form"')
    button = alert.find("button")
    assert button.get_text(strip=True) == "I understand — send my request anyway"
    assert button["form"] == "consultation-form" and button["name"] == "red_flag_acknowledged"
    # Everything typed is kept for the second send.
    assert page.find(id="id_name")["value"] == "Dana Whitfield"
    assert page.select_one("input[name=red_flags][checked]")["value"] == "yes"
    assert page.find("input", {"name": "submission_token"})["value"] == data["submission_token"]

    continued = client.post(FORM_URL, {**data, "red_flag_acknowledged": "1"})
    assert continued.status_code == 303
    stored = ConsultationRequest.objects.get()
    assert stored.red_flags_reported and stored.is_urgent


@pytest.mark.django_db
def test_red_flag_with_other_errors_shows_alert_then_errors(client, conditions):
    response = client.post(FORM_URL, valid_data(conditions[0], red_flags="yes", name=""))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index('id="red-flag-alert"') < html.index('class="error-summary"')
    assert not ConsultationRequest.objects.exists()


@pytest.mark.django_db
def test_red_flag_no_is_not_urgent(client, conditions):
    client.post(FORM_URL, valid_data(conditions[0], red_flags="no", red_flag_acknowledged="1"))
    stored = ConsultationRequest.objects.get()
    assert not stored.red_flags_reported and not stored.is_urgent


@pytest.mark.django_db
def test_form_post_queues_the_mails_with_the_request(client, conditions):
    from django_tasks_db.models import DBTaskResult

    client.post(FORM_URL, valid_data(conditions[0]))
    request_id = ConsultationRequest.objects.get().pk
    booking_tasks = DBTaskResult.objects.filter(task_path__startswith="booking.")
    queued = sorted(booking_tasks.values_list("task_path", "args_kwargs"), key=lambda row: row[0])
    assert queued == [
        ("booking.tasks.acknowledge_patient", {"args": [request_id], "kwargs": {}}),
        ("booking.tasks.notify_staff", {"args": [request_id], "kwargs": {}}),
    ]
