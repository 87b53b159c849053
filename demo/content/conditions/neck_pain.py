"""The condition page “Neck pain”."""

CONDITION = {
    "slug": "neck-pain",
    "title": "Neck pain",
    "alternate_names": [
        "Stiff neck",
        "Tech neck",
        "Text neck",
        "Cervical pain",
        "Whiplash-related neck pain",
    ],
    "summary": (
        "A stiff, sore neck from desk work, screens, stress or an old injury: how it feels, "
        "what causes it and how our team can help."
    ),
    "image": "condition-neck-pain",
    "reviewer": "priya-lindqvist",
    "last_reviewed": "2026-10-05",
    "symptoms": [
        "Stiffness when you turn your head",
        "An ache across the tops of the shoulders",
        "Tender knots at the base of the skull",
        "Pain that spreads to the upper back, arms or hands",
        "Headaches that start in the neck",
    ],
    "treatments": ["acupuncture", "dry-needling", "cupping"],
    "show_red_flags": True,
    "body": [
        (
            "paragraph",
            "<p>Most neck pain comes from tight, tired muscles and stiff joints rather than serious "
            "damage, and it often eases with the right mix of care, movement and small changes to "
            "your day. Acupuncture, dry needling and physical therapy can each play a part. Reviews "
            "find that acupuncture can help some people with long-lasting neck pain.</p>",
        ),
        ("heading", {"text": "What does neck pain feel like?", "level": "h2"}),
        (
            "paragraph",
            "<p>Neck pain shows up in different ways. You might notice:</p>"
            "<ul>"
            "<li>a stiff neck that makes it hard to look over your shoulder</li>"
            "<li>a dull ache across the tops of the shoulders by the end of the day</li>"
            "<li>sore, tender spots at the base of the skull</li>"
            "<li>pain that spreads into the upper back, arms or hands</li>"
            "<li>headaches that seem to start at the back of the neck</li>"
            "</ul>",
        ),
        ("heading", {"text": "What causes it?", "level": "h2"}),
        (
            "paragraph",
            "<p>Everyday habits are the most common cause. Hours spent looking down at a phone or "
            "laptop, a screen that sits too low, or a chair that doesn’t support you can all pull "
            "the head forward. This is often called “tech neck.” Stress plays a part too, because "
            "many of us hold tension in our shoulders and jaw. An old injury, such as whiplash from "
            "a car accident, can leave muscles guarded and stiff for years. Sometimes an irritated "
            "nerve in the neck sends pain or tingling down into the arm.</p>",
        ),
        ("heading", {"text": "How can we help?", "level": "h2"}),
        (
            "paragraph",
            "<p>Your first visit starts with a full history and a check of how your neck and "
            'shoulders move. From there, we may suggest <a href="page:acupuncture">acupuncture</a>, '
            '<a href="page:dry-needling">dry needling</a> with our physical therapist, '
            '<a href="page:cupping">cupping</a>, or a mix. We also give you simple exercises and '
            "posture tips, because what you do between visits matters too. To learn more, read "
            '<a href="page:can-acupuncture-help-neck-pain">Can acupuncture help neck pain?</a></p>',
        ),
        (
            "faq",
            {
                "title": "Common questions about neck pain",
                "items": [
                    {
                        "question": "How many visits will I need?",
                        "answer": (
                            "<p>It depends on how long you’ve had the pain. A new flare-up may settle "
                            "in a few visits. Pain that has been there for months usually needs a "
                            "steadier course of care. We’ll give you an honest estimate after your "
                            "first visit and review it as we go.</p>"
                        ),
                    },
                    {
                        "question": "Should I see a doctor first?",
                        "answer": (
                            "<p>If your neck pain began after a fall, a crash or a blow, or if you "
                            "have numbness or weakness that is getting worse, please see a physician "
                            "first. For everyday stiffness and aching, you can come to us directly.</p>"
                        ),
                    },
                    {
                        "question": "Can I keep working at my desk?",
                        "answer": (
                            "<p>Usually, yes. We’ll help you set up your desk and build short "
                            "movement breaks into your day, so work puts less strain on your neck.</p>"
                        ),
                    },
                ],
            },
        ),
        (
            "cta",
            {
                "title": "Get help with neck pain",
                "text": "Tell us about your neck and we’ll suggest a sensible first step.",
                "button_label": "Request a consultation",
                "condition": "neck-pain",
            },
        ),
    ],
}
