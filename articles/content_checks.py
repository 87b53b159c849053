"""The reading-grade content check in Wagtail's checks panel (and the userbar's checker).

Wagtail runs its content checks with Axe in the browser, on the page preview. The grade is worked out in
Python (``articles.readability``, textstat) while the preview renders: a page reading above the
clinic's target grade carries one empty, visually hidden marker (``review_tags.reading_check``), and the
rule below, using Axe's own "has-visible-text" check, reports that marker as an issue. Registered the
way Wagtail documents custom checks: a ``ContentCheckerItem`` subclass swapped in through the
``construct_wagtail_userbar`` hook.
"""

from wagtail.admin.userbar import ContentCheckerItem

from clinic_site.models import ClinicSettings

RULE_ID = "reading-grade"
MARKER_ATTRIBUTE = "data-reading-grade-above-target"


class ClinicContentChecker(ContentCheckerItem):
    """Wagtail's content checks plus the clinic's reading-grade check."""

    def get_axe_run_only(self, request):
        return [*super().get_axe_run_only(request), RULE_ID]

    def get_axe_custom_rules(self, request):
        rule = {
            "id": RULE_ID,
            "impact": "moderate",
            "selector": f"[{MARKER_ATTRIBUTE}]",
            "tags": ["best-practice"],
            "any": ["has-visible-text"],
            "enabled": True,
        }
        return [*super().get_axe_custom_rules(request), rule]

    def get_axe_messages(self, request):
        target = ClinicSettings.for_request(request).reading_grade_target
        return {
            **super().get_axe_messages(request),
            RULE_ID: {
                "error_name": f"Reads above grade {target}, the clinic’s target",
                "help_text": "Use shorter sentences and everyday words; the reading grade is under "
                "Content metrics",
            },
        }
