"""The rules under the page head and its JSON-LD, without pages: markup characters escaped in JSON-LD,
days of the week read from the clinic's hour labels, and robots directives per host, preview and view."""

import json

import pytest
from django.test import override_settings

from articles import opening_hours, robots, seo


def test_to_json_ld_escapes_markup_characters_and_keeps_the_data():
    graph = [{"@type": "Thing", "name": "</script><!-- a & b \u2028 \u2029 ü"}]
    text = seo.to_json_ld(graph)
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"@context": "https://schema.org", "@graph": graph}


@pytest.mark.parametrize(
    ("label", "days"),
    [
        ("Monday–Friday", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
        ("Mon - Thu", ["Monday", "Tuesday", "Wednesday", "Thursday"]),
        ("monday to wednesday", ["Monday", "Tuesday", "Wednesday"]),
        ("Saturday", ["Saturday"]),
        ("Sundays", ["Sunday"]),
        ("Mon, Wed & Fri", ["Monday", "Wednesday", "Friday"]),
        ("Tues and Thurs", ["Tuesday", "Thursday"]),
        ("Friday—Monday", ["Friday", "Saturday", "Sunday", "Monday"]),
        ("Weekdays", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
        ("Weekends", ["Saturday", "Sunday"]),
        ("Every day", opening_hours.WEEKDAYS),
        ("Sat.", ["Saturday"]),
        ("Holidays", []),
        ("Monday–Friday, by appointment", []),
        ("", []),
        ("Mon-Tue-Wed", []),
    ],
)
def test_day_labels_become_days_of_the_week(label, days):
    assert opening_hours.parse_days(label) == days


def test_robots_directives_for_hosts_previews_and_private_views():
    hosts = ["clinic.example", ".larkmoor.example"]
    with override_settings(SEO_INDEXABLE_HOSTS=hosts):
        assert robots.robots_directives(host="clinic.example") == ""
        assert robots.robots_directives(host="clinic.example:443") == ""
        assert robots.robots_directives(host="www.larkmoor.example") == ""
        assert robots.robots_directives(host="staging.clinic.example") == "noindex, nofollow"
        assert robots.robots_directives(host="10.0.0.5") == "noindex, nofollow"
        assert robots.robots_directives(host="clinic.example", is_preview=True) == "noindex, nofollow"
        search = robots.robots_directives(host="clinic.example", view_name="articles:search")
        assert search == "noindex, follow"
        assert (
            robots.robots_directives(host="clinic.example", view_name="booking:thank_you")
            == "noindex, follow"
        )
    with override_settings(SEO_INDEXABLE_HOSTS=[]):
        assert robots.robots_directives(host="clinic.example") == "noindex, nofollow"
