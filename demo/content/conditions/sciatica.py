"""The condition page “Sciatica”."""

CONDITION = {
    "slug": "sciatica",
    "title": "Sciatica",
    "alternate_names": ["Sciatic nerve pain", "Lumbar radicular pain", "Pain down the leg"],
    "summary": (
        "Pain that runs from the lower back or buttock down the back of one leg, often with "
        "tingling or numbness."
    ),
    "image": "condition-sciatica",
    "reviewer": "priya-lindqvist",
    "last_reviewed": "2026-08-30",
    "symptoms": [
        "Pain running from the lower back or buttock down one leg",
        "Tingling or pins and needles in the leg or foot",
        "Numbness in part of the leg or foot",
        "Pain that is worse after sitting for a long time",
        "Leg pain that is often worse than the back pain",
    ],
    "treatments": ["dry-needling", "acupuncture"],
    "show_red_flags": False,
    "body": [
        (
            "paragraph",
            "<p>Sciatica is pain that travels along the sciatic nerve, from the lower back or "
            "buttock down the back of the leg. It happens when the nerve, or one of the nerve roots "
            "that form it, is irritated or squeezed. For many people it eases over several weeks, "
            "and physical therapy can help you stay active while it settles.</p>",
        ),
        ("heading", {"text": "What does it feel like?", "level": "h2"}),
        (
            "paragraph",
            "<p>Sciatica usually affects one leg. You might feel:</p>"
            "<ul>"
            "<li>a sharp, burning or shooting pain down the back of the leg</li>"
            "<li>tingling or pins and needles in the leg or foot</li>"
            "<li>numbness or a weak feeling in part of the leg</li>"
            "<li>pain that gets worse when you sit for a long time, cough or sneeze</li>"
            "</ul>",
        ),
        ("heading", {"text": "What causes it?", "level": "h2"}),
        (
            "paragraph",
            "<p>A common cause is a disc in the lower back that bulges and presses on a nerve root. "
            "Narrowing of the spaces in the spine, tight muscles deep in the buttock, and long hours "
            "of sitting can also play a part.</p>",
        ),
        (
            "callout",
            {
                "variant": "red_flag",
                "title": "Get urgent medical help if…",
                "text": (
                    "<p>Sciatica is rarely an emergency, but call 911 or go to an emergency room if "
                    "you have:</p>"
                    "<ul>"
                    "<li>trouble controlling your bladder or bowels</li>"
                    "<li>numbness around your genitals or buttocks</li>"
                    "<li>weakness in both legs, or weakness that is quickly getting worse</li>"
                    "</ul>"
                ),
            },
        ),
        ("heading", {"text": "How can we help?", "level": "h2"}),
        (
            "paragraph",
            "<p>Our physical therapist will check how your back and legs move and test how your "
            "nerves are working. Care may include exercises, manual therapy and, where it fits, "
            '<a href="page:dry-needling">dry needling</a> for tight muscles around the hip and lower '
            'back. Some patients also choose <a href="page:acupuncture">acupuncture</a>. We don’t '
            "have an article on sciatica yet, but we’re happy to answer your questions at your "
            "first visit.</p>",
        ),
        (
            "faq",
            {
                "title": "Common questions about sciatica",
                "items": [
                    {
                        "question": "Should I rest in bed?",
                        "answer": (
                            "<p>A short rest can help for a day or two when the pain is bad, but "
                            "guidelines recommend staying as active as you comfortably can. Gentle "
                            "walking is often a good place to start.</p>"
                        ),
                    },
                    {
                        "question": "Will I need surgery?",
                        "answer": (
                            "<p>Most people with sciatica don’t. If your symptoms are severe or "
                            "don’t improve, we’ll help you get a medical opinion.</p>"
                        ),
                    },
                ],
            },
        ),
        (
            "cta",
            {
                "title": "Pain running down your leg?",
                "text": "Tell us about your symptoms and we’ll help you work out a sensible first step.",
                "button_label": "Request a consultation",
                "condition": "sciatica",
            },
        ),
    ],
}
