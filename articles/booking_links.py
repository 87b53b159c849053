"""Links from the public pages into online booking (/book/) and the request form, carrying what the
patient was reading.

Built from the URL name only: the articles app does not import the booking app.
"""

from django.urls import reverse
from django.utils.http import urlencode


def request_url(condition=None, source_page=None, practitioner=None):
    """The consultation request form with the condition (its slug), the page the patient came from and
    the practitioner, each when given."""
    params = {}
    if condition is not None:
        params["condition"] = condition.slug
    if source_page is not None and source_page.pk:
        params["from"] = source_page.pk
    if practitioner is not None:
        params["practitioner"] = practitioner.pk
    url = reverse("booking:request")
    return f"{url}?{urlencode(params)}" if params else url


def book_url(condition=None, source_page=None, treatment=None, practitioner=None):
    """Online booking with the condition (its slug), the page the patient came from, and the
    treatment or practitioner, each when given."""
    params = {}
    if condition is not None:
        params["condition"] = condition.slug
    if source_page is not None and source_page.pk:
        params["from"] = source_page.pk
    if treatment is not None:
        params["treatment"] = treatment.pk
    if practitioner is not None:
        params["practitioner"] = practitioner.pk
    url = reverse("book:start")
    return f"{url}?{urlencode(params)}" if params else url
