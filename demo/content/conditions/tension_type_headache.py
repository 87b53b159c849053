"""The condition page “Tension-type headache”."""

CONDITION = {
    "slug": "tension-type-headache",
    "title": "Tension-type headache",
    "alternate_names": ["Tension headache", "Stress headache", "Muscle contraction headache"],
    "summary": (
        "The most common kind of headache: a dull, pressing band around the head, often tied to "
        "a tight neck, stress and long hours at a screen."
    ),
    "image": "condition-tension-type-headache",
    "reviewer": "sam-okafor",
    "last_reviewed": "2025-12-12",
    "symptoms": [
        "A dull, pressing or tight feeling rather than throbbing",
        "Pain on both sides of the head, like a band",
        "Tender muscles in the neck, shoulders or scalp",
        "Headaches that build through the working day",
        "Usually no nausea",
    ],
    "treatments": ["acupuncture", "dry-needling", "cupping"],
    "show_red_flags": True,
    "body": [
        (
            "paragraph",
            "<p>A tension-type headache is a dull, squeezing pain that often feels like a tight band "
            "around the head. It is the most common type of headache. A stiff neck and tight "
            "shoulders are often part of the picture, and easing them tends to ease the headaches "
            "too. Guidelines recommend acupuncture as one option to help prevent chronic "
            "tension-type headache.</p>",
        ),
        ("heading", {"text": "What does it feel like?", "level": "h2"}),
        (
            "paragraph",
            "<p>People often describe:</p>"
            "<ul>"
            "<li>pressure or tightness across the forehead, the temples or the back of the head</li>"
            "<li>pain on both sides of the head rather than one</li>"
            "<li>sore spots in the neck, shoulders or scalp</li>"
            "<li>a headache that creeps in over the afternoon and hangs around</li>"
            "</ul>"
            "<p>Unlike migraine, it usually doesn’t throb, and it rarely makes you feel sick to "
            "your stomach.</p>",
        ),
        ("heading", {"text": "What sets it off?", "level": "h2"}),
        (
            "paragraph",
            "<p>Common triggers include long stretches of screen work, a head that juts forward, "
            "clenching your jaw, poor sleep, skipped meals and stress. When the muscles at the base "
            "of the skull and across the shoulders stay tight for hours, they can send pain up into "
            'the head. Read more in <a href="page:tight-neck-tension-headaches">Could a tight neck '
            "be behind your tension headaches?</a></p>",
        ),
        ("heading", {"text": "How can we help?", "level": "h2"}),
        (
            "paragraph",
            "<p>We look at your neck, shoulders and jaw as well as the headache itself. Care may "
            'include <a href="page:acupuncture">acupuncture</a>, <a href="page:cupping">cupping</a> '
            'for a tight upper back, or <a href="page:dry-needling">dry needling</a> and exercises '
            "with our physical therapist. We’ll also talk about small changes, like the height of "
            "your screen and regular breaks, that may make headaches come less often.</p>",
        ),
        (
            "faq",
            {
                "title": "Common questions about tension-type headache",
                "items": [
                    {
                        "question": "Is a tension headache dangerous?",
                        "answer": (
                            "<p>Most are not. But some headaches need a doctor right away. Check the "
                            "warning signs on this page, and if any of them apply to you, please "
                            "get medical care first.</p>"
                        ),
                    },
                    {
                        "question": "Will I still need painkillers?",
                        "answer": (
                            "<p>That is a choice for you and your doctor. Many patients keep using "
                            "their usual medicine when they start treatment, and some report needing "
                            "it less often over time.</p>"
                        ),
                    },
                ],
            },
        ),
        (
            "cta",
            {
                "title": "Tired of the afternoon headache?",
                "text": "Tell us how often your headaches come and what seems to set them off.",
                "button_label": "Request a consultation",
                "condition": "tension-type-headache",
            },
        ),
    ],
}
