"""The condition page “Migraine”."""

CONDITION = {
    "slug": "migraine",
    "title": "Migraine",
    "alternate_names": [
        "Migraine headache",
        "Migraine with aura",
        "Migraine without aura",
        "Sick headache",
    ],
    "summary": (
        "Migraine is a neurological condition, not just a bad headache. For some people, a tight "
        "neck helps trigger attacks or makes them worse."
    ),
    "image": "condition-migraine",
    "reviewer": "mara-ellison",
    "last_reviewed": "2025-11-14",
    "symptoms": [
        "Throbbing pain, often on one side of the head",
        "Sensitivity to light, sound or smells",
        "Nausea or vomiting",
        "Flashing lights or zigzag lines before some attacks (aura)",
        "Neck stiffness before or during an attack",
    ],
    "treatments": ["acupuncture", "cupping"],
    "show_red_flags": True,
    "body": [
        (
            "paragraph",
            "<p>Migraine is a neurological condition that causes repeated attacks of headache and "
            "other symptoms. It is not just muscle tension, so no single treatment makes it go "
            "away. For many people, though, a tight neck helps set off attacks or makes them worse, "
            "and that part is something we can work on with you.</p>",
        ),
        ("heading", {"text": "What does it feel like?", "level": "h2"}),
        (
            "paragraph",
            "<p>A migraine attack can last from a few hours to a few days. Common signs are:</p>"
            "<ul>"
            "<li>throbbing or pounding pain, often on one side of the head</li>"
            "<li>feeling sick, or being sick</li>"
            "<li>finding light, noise or smells hard to bear</li>"
            "<li>for some people, flashing lights or zigzag lines before the pain starts, called an "
            "aura</li>"
            "<li>feeling drained for a day or so afterward</li>"
            "</ul>",
        ),
        ("heading", {"text": "Where does the neck come in?", "level": "h2"}),
        (
            "paragraph",
            "<p>Many people with migraine feel their pain begin in the neck and move forward. Tight "
            "neck muscles can keep the nervous system on alert and make it more sensitive, which "
            "may make attacks easier to trigger. Our article "
            '<a href="page:when-migraine-starts-in-the-neck">When migraine starts in the neck</a> '
            "explains this in more detail.</p>",
        ),
        ("heading", {"text": "How can we help?", "level": "h2"}),
        (
            "paragraph",
            "<p>We work alongside your doctor, not in place of them. Care may include "
            '<a href="page:acupuncture">acupuncture</a> to ease neck tension and help calm an '
            "overactive nervous system, along with self-care such as heat, gentle gua sha and "
            "posture breaks. Some patients report fewer or milder attacks, better sleep and less "
            "shoulder tightness. We keep track with you, so we can both see honestly whether it is "
            "helping.</p>",
        ),
        (
            "faq",
            {
                "title": "Common questions about migraine",
                "items": [
                    {
                        "question": "Should I stop my migraine medicine?",
                        "answer": (
                            "<p>No. Please keep following your doctor’s advice. Our care can sit "
                            "alongside the medicine you already take.</p>"
                        ),
                    },
                    {
                        "question": "How do I know if my headaches are migraine?",
                        "answer": (
                            "<p>A physician can diagnose migraine. If your headaches have never been "
                            "checked, that’s a good first step, and we’re happy to see you alongside "
                            "it.</p>"
                        ),
                    },
                    {
                        "question": "Should I come in during an attack?",
                        "answer": (
                            "<p>Most people prefer to rest during an attack. We usually treat between "
                            "attacks, aiming to make them less frequent or less intense over time.</p>"
                        ),
                    },
                ],
            },
        ),
        (
            "cta",
            {
                "title": "Living with migraine?",
                "text": (
                    "Tell us about your attacks and your neck, and we’ll talk through whether our care "
                    "could fit alongside your doctor’s."
                ),
                "button_label": "Request a consultation",
                "condition": "migraine",
            },
        ),
    ],
}
