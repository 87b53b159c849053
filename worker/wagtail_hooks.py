"""A warning on the staff dashboard when background work (mail to patients and the front desk) stalls."""

from django.conf import settings
from laces.components import Component
from wagtail import hooks

from worker.status import current_status


class StalledWorkerPanel(Component):
    """Shown only when something is wrong: the worker is not finishing its heartbeats, or mail waits."""

    name = "background_work"
    template_name = "worker/dashboard_panel.html"
    order = 10

    def __init__(self, status):
        self.status = status

    def get_context_data(self, parent_context=None):
        return {
            "status": self.status,
            "late_minutes": settings.WORKER_MAIL_LATE_AFTER // 60,
            "stalled_minutes": settings.WORKER_STALLED_AFTER // 60,
        }


@hooks.register("construct_homepage_panels")
def warn_about_stalled_work(request, panels):
    user = request.user
    if not (user.is_superuser or user.has_perm("booking.view_consultationrequest")):
        return
    status = current_status()
    if not status.healthy:
        panels.append(StalledWorkerPanel(status))
