"""Admin registration for clinic content that is not a page."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from articles.models import Practitioner


class PractitionerViewSet(SnippetViewSet):
    """Practitioners, listed with their credentials; editors keep bios and photos current here."""

    model = Practitioner
    icon = "user"
    menu_label = "Practitioners"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "credentials", "job_title"]
    search_fields = ["name"]


register_snippet(PractitionerViewSet)
