"""The sidebar link with the count of new requests, and the dashboard panel of new and urgent ones."""

from django.db.models import Count, Q
from django.urls import reverse
from laces.components import Component
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem

from booking.models import ConsultationRequest
from booking.viewsets.columns import REQUESTS_NAMESPACE
from booking.viewsets.permissions import can_view_requests


class ConsultationRequestMenuItem(MenuItem):
    """The sidebar link, labelled with the number of new requests, e.g. "Consultation requests (3 new)".

    Wagtail's sidebar has no badge API, so the count goes in the label. Shown only with view permission.
    """

    def is_shown(self, request):
        return can_view_requests(request.user)

    def render_component(self, request):
        new_count = ConsultationRequest.objects.filter(status=ConsultationRequest.Status.NEW).count()
        label = f"{self.label} ({new_count} new)" if new_count else self.label
        return LinkMenuItem(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )


class NewRequestsPanel(Component):
    """Dashboard panel: how many requests are new, how many of those are urgent, with links to them."""

    name = "consultation_requests"
    template_name = "booking/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context=None):
        counts = ConsultationRequest.objects.filter(status=ConsultationRequest.Status.NEW).aggregate(
            new=Count("pk"), urgent=Count("pk", filter=Q(is_urgent=True))
        )
        index_url = reverse(f"{REQUESTS_NAMESPACE}:index")
        return {
            "new_count": counts["new"],
            "urgent_count": counts["urgent"],
            "new_url": f"{index_url}?status=new",
            "urgent_url": f"{index_url}?status=new&is_urgent=true",
        }
