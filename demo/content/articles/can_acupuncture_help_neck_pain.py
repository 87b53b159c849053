"""Article C: Can acupuncture help neck pain?"""

from demo.content import references

ARTICLE = {
    "slug": "can-acupuncture-help-neck-pain",
    "title": "Can acupuncture help neck pain?",
    "summary": (
        "What acupuncture is, how it may ease a sore neck, what a session feels like, and why "
        "regular sessions matter."
    ),
    "image": "treatment-acupuncture",
    "conditions": ["neck-pain"],
    "author": "sam-okafor",
    "reviewer": "priya-lindqvist",
    "last_reviewed": "2026-10-08",
    "first_published": "2026-05-12",
    "references": [
        references.CHRONIC_PAIN_IPD_2018,
        references.NICE_CHRONIC_PAIN_NG193,
    ],
    "body": [
        (
            "paragraph",
            "<p>For many people, yes. Reviews find that acupuncture can help with chronic neck pain [1], "
            "and most people find the treatment relaxing and close to painless. It works best as a "
            "steady course of care rather than a one-time fix, and it fits well with posture changes "
            "and exercise.</p>",
        ),
        (
            "quick_version",
            {
                "title": "The quick version",
                "points": [
                    "Neck pain is common when life is spent at desks and on screens.",
                    "Acupuncture may help by relaxing muscles, calming irritated nerves and lowering stress.",
                    "Sessions are usually relaxing, and some people feel better after the first one.",
                    "Lasting change tends to come from regular sessions over several weeks.",
                ],
            },
        ),
        ("heading", {"text": "Why is neck pain so common?", "level": "h2"}),
        (
            "paragraph",
            "<p>Many of us spend our days sitting at desks and looking at screens, and our necks pay "
            "the price. Neck pain can come from:</p>"
            "<ul>"
            "<li>posture, especially a head that leans forward toward a screen</li>"
            "<li>stress, which often settles in the neck and shoulders</li>"
            "<li>muscle strain from sleeping awkwardly, lifting, or a sudden movement</li>"
            "<li>nerves that are irritated or inflamed</li>"
            "</ul>"
            "<p>When a nerve in the neck is irritated, the pain doesn’t always stay put. It can "
            "spread to the upper back and shoulders, or travel down the arm into the hand, sometimes "
            "with tingling or numbness.</p>",
        ),
        ("heading", {"text": "What is acupuncture?", "level": "h2"}),
        (
            "paragraph",
            "<p>Acupuncture is one part of Traditional Chinese Medicine, a system of care with a "
            "long history. A licensed acupuncturist places thin, sterile needles at specific points "
            "on the body. The traditional explanation is that these points sit along channels "
            "through which <i>qi</i>, the body’s vital energy, flows, and that needling helps "
            "restore a smooth, balanced flow. Today, researchers also study acupuncture in terms of "
            "muscles, nerves and the brain.</p>",
        ),
        ("heading", {"text": "How might it help a sore neck?", "level": "h2"}),
        (
            "paragraph",
            "<p>There are a few ways acupuncture may help:</p>"
            "<ul>"
            "<li><b>Relaxing muscles.</b> Needling may prompt the body to release endorphins, its "
            "own pain-relieving chemicals, and help tight muscles let go.</li>"
            "<li><b>Calming irritated nerves.</b> It may help settle nerves that have become "
            "oversensitive and keep sending pain signals.</li>"
            "<li><b>Lowering stress.</b> Many people feel deeply calm during and after a session, "
            "which can ease the tension they carry in the neck.</li>"
            "</ul>"
            "<p>In our clinic, we sometimes add an infrared heat lamp during treatment. The gentle "
            "warmth helps tight muscles relax, and most people find it very comfortable.</p>",
        ),
        ("heading", {"text": "What does the research say?", "level": "h2"}),
        (
            "paragraph",
            "<p>A large study pooled 39 trials with about 20,000 people in long-term pain, including neck "
            "and back pain. People who had acupuncture had less pain than people who had sham (fake) "
            "acupuncture or none [1]. UK guidelines for long-lasting pain with no clear cause suggest one "
            "course of acupuncture as an option worth thinking about [2].</p>",
        ),
        ("heading", {"text": "What does a session feel like?", "level": "h2"}),
        (
            "paragraph",
            "<p>Most people are surprised by how gentle it is. The needles are very fine, and you "
            "may feel a tiny prick and then a dull ache or warmth around the point. Many patients "
            "doze off while the needles are in. Some notice they can turn their head more easily, "
            "or feel lighter, after the very first visit. For most, though, lasting change comes "
            "from regular sessions over several weeks, and range of motion tends to improve step "
            "by step as those weeks go on.</p>",
        ),
        ("heading", {"text": "What else helps alongside acupuncture?", "level": "h2"}),
        (
            "paragraph",
            "<p>Acupuncture tends to work best as part of a bigger plan. Small, steady changes "
            "between visits can protect the progress you make on the table:</p>"
            "<ul>"
            "<li>raise your screen so the top sits near eye level</li>"
            "<li>get up and move for a minute or two every half hour</li>"
            "<li>try gentle neck turns and shoulder rolls a few times a day</li>"
            "<li>notice when you clench your jaw or lift your shoulders, and let them drop</li>"
            "</ul>"
            "<p>If your neck is also stiff in a way that needs hands-on work or exercises, our "
            'physical therapist can help with <a href="page:dry-needling">dry needling</a> and '
            "manual therapy.</p>",
        ),
        (
            "faq",
            {
                "title": "Common questions about acupuncture for neck pain",
                "items": [
                    {
                        "question": "Does it hurt?",
                        "answer": (
                            "<p>Most people feel very little. The needles are much thinner than the "
                            "ones used for shots or blood tests. If anything feels uncomfortable, "
                            "tell us and we’ll adjust it.</p>"
                        ),
                    },
                    {
                        "question": "How many sessions will I need?",
                        "answer": (
                            "<p>It varies. Many people come once or twice a week at first, then less "
                            "often as things improve. We’ll review your progress with you "
                            "regularly.</p>"
                        ),
                    },
                    {
                        "question": "Is acupuncture safe?",
                        "answer": (
                            "<p>With a licensed practitioner and single-use sterile needles, serious "
                            "problems are rare. Mild soreness or a small bruise can happen. Let us "
                            "know about any medicines you take and any health conditions you have.</p>"
                        ),
                    },
                    {
                        "question": "When should I see a doctor instead?",
                        "answer": (
                            "<p>If your neck pain followed a fall or accident, or you have numbness "
                            "or weakness in an arm that is getting worse, please see a physician "
                            "first.</p>"
                        ),
                    },
                ],
            },
        ),
        (
            "related_article",
            {
                "article": "acupuncture-neck-pain-realistic-expectations",
                "label": "Want an honest look at what acupuncture can and can’t do for neck pain? "
                "Read this next.",
            },
        ),
        (
            "cta",
            {
                "title": "Could acupuncture help your neck?",
                "text": (
                    "Request a first visit and we’ll check how your neck moves and talk through your options."
                ),
                "button_label": "Request a consultation",
                "condition": "neck-pain",
            },
        ),
    ],
}
