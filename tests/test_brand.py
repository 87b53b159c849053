"""Brand colours in Clinic details: colours that would make text hard to read are refused with the ratio
and what it was checked against; the colours reach every page as a versioned stylesheet; the logo shows
in the header with the clinic's name as its text."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from clinic_site import brand
from clinic_site.models import ClinicSettings
from tests import factories

GREEN = "#1f6b3a"
DARK_GREEN = "#143f24"


def stylesheet_links(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [link["href"] for link in soup.find_all("link", rel="stylesheet")]


def test_contrast_ratios_follow_the_wcag_formula():
    assert brand.contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert round(brand.contrast_ratio("#777777", "#ffffff"), 2) == 4.48
    assert round(brand.contrast_ratio("#767676", "#ffffff"), 2) == 4.54


@pytest.mark.django_db
def test_a_primary_colour_too_light_for_white_button_text_is_refused_with_the_ratio(home):
    clinic = factories.make_clinic()
    clinic.primary_colour = "#777777"
    with pytest.raises(ValidationError) as refused:
        clinic.full_clean()
    message = " ".join(refused.value.message_dict["primary_colour"])
    assert "4.48:1" in message
    assert "white button text on the primary colour" in message
    assert "4.5:1" in message


@pytest.mark.django_db
def test_an_accent_too_light_for_the_footer_text_is_refused(home):
    clinic = factories.make_clinic()
    clinic.accent_colour = "#6b8f8f"
    with pytest.raises(ValidationError) as refused:
        clinic.full_clean()
    assert "accent colour" in " ".join(refused.value.message_dict["accent_colour"])
    assert "primary_colour" not in refused.value.message_dict


@pytest.mark.django_db
def test_readable_colours_are_accepted(home):
    clinic = factories.make_clinic()
    clinic.primary_colour, clinic.accent_colour = GREEN, DARK_GREEN
    clinic.full_clean()
    for _field, foreground, background, _where in brand.text_pairs(GREEN, DARK_GREEN):
        assert brand.contrast_ratio(foreground, background) >= 4.5


@pytest.mark.django_db
def test_the_settings_form_refuses_a_light_primary_and_keeps_the_input(client, superuser, home):
    factories.make_clinic()
    factories.sign_in(client, superuser)
    url = reverse("wagtailsettings:edit", args=["clinic_site", "clinicsettings", home.get_site().pk])
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(hours=streamfield([]), red_flag_text=rich_text(""), primary_colour="#777777")
    response = client.post(url, nested_form_data(data))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "4.48:1" in " ".join(errors["primary_colour"])
    assert 'value="#777777"' in response.content.decode()
    assert ClinicSettings.objects.get().primary_colour == brand.DEFAULT_PRIMARY


@pytest.mark.django_db
def test_the_stylesheet_carries_the_saved_colours_and_is_kept_for_a_year(home):
    factories.make_clinic(primary_colour=GREEN, accent_colour=DARK_GREEN)
    [url] = [href for href in stylesheet_links(Client().get(home.url)) if "brand.css" in href]
    response = Client().get(url)
    css = response.content.decode()
    assert response["Content-Type"].startswith("text/css")
    assert f"--brand:{GREEN}" in css
    assert f"--brand-dark:{DARK_GREEN}" in css
    assert "max-age=31536000" in response["Cache-Control"]
    assert "max-age=31536000" not in Client().get(reverse("brand_css") + "?v=old")["Cache-Control"]


@pytest.mark.django_db
def test_the_site_colours_need_no_extra_stylesheet(home):
    factories.make_clinic()
    assert not [href for href in stylesheet_links(Client().get(home.url)) if "brand.css" in href]


@pytest.mark.django_db
def test_a_colour_change_reaches_the_next_anonymous_visitor(cache_on, publish, condition):
    clinic = factories.make_clinic()
    Client().get(condition.url)
    assert Client().get(condition.url)["X-Cache"] == "HIT"

    clinic.primary_colour, clinic.accent_colour = GREEN, DARK_GREEN
    publish(clinic.save)

    links = stylesheet_links(Client().get(condition.url))
    assert brand.stylesheet_url(GREEN, DARK_GREEN) in links


@pytest.mark.django_db
def test_the_logo_shows_in_the_header_with_the_clinic_name_as_alt_text(home):
    factories.make_clinic(logo=factories.make_image("logo"))
    soup = BeautifulSoup(Client().get(home.url).content, "html.parser")
    logo = soup.select_one("header .brand img")
    assert logo["alt"] == "Riverside Acupuncture"
    assert re.search(r"\.png$", logo["src"])
    assert int(logo["height"]) <= 96


@pytest.mark.django_db
def test_the_call_button_keeps_a_space_between_call_and_the_number(home):
    factories.make_clinic()
    soup = BeautifulSoup(Client().get(home.url).content, "html.parser")
    call = soup.select_one(".action-bar a[href^='tel:']")
    assert call.get_text() == "Call (555) 010-4477"
    # The button is a flex box: "Call" and the number as two of its items would lose the space between them.
    assert [child.name for child in call.contents] == ["span"]
