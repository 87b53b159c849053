"""The condition page “Cervicogenic headache”."""

CONDITION = {
    "slug": "cervicogenic-headache",
    "title": "Cervicogenic headache",
    "alternate_names": ["Neck-related headache", "Headache from the neck", "Cervical headache"],
    "summary": (
        "Head pain that comes from a problem in the neck, often on one side. It tends to follow "
        "neck stiffness and long desk days."
    ),
    "image": "condition-cervicogenic-headache",
    "reviewer": "priya-lindqvist",
    "last_reviewed": "2026-09-21",
    "symptoms": [
        "Pain that starts at the base of the skull",
        "Pain on one side, often the stiffer side of the neck",
        "A headache set off by certain head positions or movements",
        "Less movement in the neck than usual",
        "Pain that painkillers alone rarely settle",
    ],
    "treatments": ["acupuncture", "dry-needling", "cupping"],
    "show_red_flags": True,
    "body": [
        (
            "paragraph",
            "<p>A cervicogenic headache is a headache that begins in the neck. Muscles and joints "
            "high in the neck send pain up into the head, so you feel the problem in your head, "
            "but its source is lower down. That’s why treating the neck is usually the key to "
            "easing this kind of headache.</p>",
        ),
        ("heading", {"text": "What does it feel like?", "level": "h2"}),
        (
            "paragraph",
            "<p>The pain usually:</p>"
            "<ul>"
            "<li>begins at the back of the head, just above the neck, and can reach the crown or one "
            "side</li>"
            "<li>sits on the same side as the tighter side of your neck</li>"
            "<li>gets worse after desk work or long drives</li>"
            "<li>rises and falls with how stiff your neck feels</li>"
            "<li>is set off by turning your head, or by holding it in one position for a while</li>"
            "</ul>",
        ),
        ("heading", {"text": "Why is it often mistaken for migraine?", "level": "h2"}),
        (
            "paragraph",
            "<p>Because it is often one-sided and can be strong, cervicogenic headache is easy to "
            'confuse with <a href="page:migraine">migraine</a>. A careful history and a check of '
            "how your neck moves help tell them apart. That matters, because the two call for "
            "different plans.</p>",
        ),
        ("heading", {"text": "How can we help?", "level": "h2"}),
        (
            "paragraph",
            "<p>We work on the short muscles where the neck meets the skull, the upper trapezius across "
            "the top of the shoulders, and how the joints of your neck move. Depending on what we "
            'find, care may include <a href="page:acupuncture">acupuncture</a>, '
            '<a href="page:dry-needling">dry needling</a>, manual therapy, and exercises that build '
            "strength and better posture. Our article on "
            '<a href="page:dry-needling-headaches-neck-pain">dry needling for headaches and neck '
            "pain</a> explains more.</p>",
        ),
        (
            "faq",
            {
                "title": "Common questions about cervicogenic headache",
                "items": [
                    {
                        "question": "Why don’t painkillers work well for it?",
                        "answer": (
                            "<p>Painkillers can dull the pain for a while, but they don’t change "
                            "what is going on in the neck. That’s why the headache often comes back "
                            "once they wear off.</p>"
                        ),
                    },
                    {
                        "question": "Do I need a scan?",
                        "answer": (
                            "<p>Most people don’t. If your history or check-up suggests something "
                            "else may be going on, we’ll refer you to a physician, who can decide "
                            "whether a scan is needed.</p>"
                        ),
                    },
                ],
            },
        ),
        (
            "cta",
            {
                "title": "Do your headaches start in your neck?",
                "text": (
                    "Let’s look at your neck and your headaches together and find a plan that treats both."
                ),
                "button_label": "Request a consultation",
                "condition": "cervicogenic-headache",
            },
        ),
    ],
}
