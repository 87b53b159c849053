"""Page, snippet and image models of the clinic's public content."""

from .articles import ArticleCondition, ArticlePage
from .images import ClinicImage, ClinicRendition
from .pages import (
    ArticleIndexPage,
    ConditionIndexPage,
    ConditionPage,
    HomePage,
    StandardPage,
    TreatmentIndexPage,
    TreatmentPage,
)
from .practitioners import Practitioner
from .review import ReviewReminder
from .team import TeamPage
from .workflow import ClinicalApprovalTask

__all__ = [
    "ArticleCondition",
    "ArticleIndexPage",
    "ArticlePage",
    "ClinicalApprovalTask",
    "ClinicImage",
    "ClinicRendition",
    "ConditionIndexPage",
    "ConditionPage",
    "HomePage",
    "Practitioner",
    "ReviewReminder",
    "StandardPage",
    "TeamPage",
    "TreatmentIndexPage",
    "TreatmentPage",
]
