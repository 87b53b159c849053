"""The articles (A to E), one module each, in the order the content lists them."""

from . import (
    acupuncture_neck_pain_realistic_expectations,
    can_acupuncture_help_neck_pain,
    dry_needling_headaches_neck_pain,
    tight_neck_tension_headaches,
    when_migraine_starts_in_the_neck,
)

ARTICLES = [
    tight_neck_tension_headaches.ARTICLE,
    when_migraine_starts_in_the_neck.ARTICLE,
    can_acupuncture_help_neck_pain.ARTICLE,
    acupuncture_neck_pain_realistic_expectations.ARTICLE,
    dry_needling_headaches_neck_pain.ARTICLE,
]
