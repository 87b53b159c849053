"""Article E: Dry needling for headaches and neck pain (physical therapy)."""

from demo.content import references

ARTICLE = {
    "slug": "dry-needling-headaches-neck-pain",
    "title": "What is dry needling, and can it help headaches and neck pain?",
    "summary": (
        "How physical therapists use dry needling on muscle knots to ease neck pain and some "
        "headaches, and what a session is like."
    ),
    "image": "treatment-dry-needling",
    "conditions": ["cervicogenic-headache", "tension-type-headache", "neck-pain", "migraine"],
    "author": "priya-lindqvist",
    "reviewer": "sam-okafor",
    "last_reviewed": "2026-10-27",
    "first_published": "2026-01-27",
    "references": [
        references.DRY_NEEDLING_NECK_2023,
        references.DRY_NEEDLING_HEADACHE_2014,
        references.NICE_CHRONIC_PAIN_NG193,
    ],
    "body": [
        (
            "paragraph",
            "<p>Dry needling is a physical therapy treatment in which a licensed physical therapist "
            "places fine, sterile needles into trigger points, the tight knots that form in muscles. "
            "It may help with neck pain and with tension-type and cervicogenic "
            "headaches. It won’t cure migraine, but it may ease muscle tension that feeds into some "
            "attacks.</p>",
        ),
        (
            "quick_version",
            {
                "title": "The quick version",
                "points": [
                    "Dry needling targets trigger points (knots) in muscles and is done by a licensed "
                    "physical therapist.",
                    "It is based on anatomy and neuroscience, not Traditional Chinese Medicine.",
                    "Tension-type and cervicogenic headaches tend to respond; for migraine it can help, "
                    "but it is not a cure.",
                    "It works best alongside manual therapy, exercise and posture work.",
                ],
            },
        ),
        ("heading", {"text": "What is dry needling?", "level": "h2"}),
        (
            "paragraph",
            "<p>Dry needling uses thin, solid needles like those used in acupuncture. The word "
            "“dry” simply means nothing is injected. The ideas behind it come from modern anatomy "
            "and neuroscience rather than Traditional Chinese Medicine. It is aimed at myofascial "
            "pain, which is pain that comes from muscles and the thin wrapping around them, called "
            "fascia. A trigger point is a small, tight, tender spot in a band of muscle. Pressing on "
            "one often sends pain to another place, such as from the shoulder up into the head.</p>",
        ),
        (
            "callout",
            {
                "variant": "red_flag",
                "title": "Check these warning signs first",
                "text": (
                    "<p>Dry needling is not the first step for every headache. See a physician or get "
                    "emergency care if you have:</p>"
                    "<ul>"
                    "<li>a sudden headache that is the worst you’ve ever had</li>"
                    "<li>a headache after a blow to the head</li>"
                    "<li>a headache with fever, changes in your sight, loss of strength, or muddled "
                    "thinking</li>"
                    "<li>nerve symptoms, like numbness or weakness, that are getting worse</li>"
                    "</ul>"
                ),
            },
        ),
        ("heading", {"text": "How can dry needling help headaches?", "level": "h2"}),
        (
            "paragraph",
            "<p>For headaches, dry needling aims to:</p>"
            "<ul>"
            "<li>release tight knots in the neck, the shoulders and the base of the skull</li>"
            "<li>improve blood flow in the muscle</li>"
            "<li>reduce irritation of nearby nerves</li>"
            "<li>switch on the body’s own pain-relief systems</li>"
            "</ul>"
            '<p><a href="page:tension-type-headache">Tension-type headaches</a> and '
            '<a href="page:cervicogenic-headache">cervicogenic headaches</a> are the kinds that tend '
            "to respond. Cervicogenic headache, which starts in the neck, is often mistaken for "
            "migraine, so a careful assessment matters. For true "
            '<a href="page:migraine">migraine</a>, dry needling is not a cure, but it may reduce the '
            "muscle tension that adds to attacks.</p>",
        ),
        ("heading", {"text": "How can it help neck pain?", "level": "h2"}),
        (
            "paragraph",
            "<p>Some of the muscles behind neck pain sit deep under other layers, where fingers and "
            "massage can’t easily reach. A fine needle can reach them directly. For the neck, dry "
            "needling can:</p>"
            "<ul>"
            "<li>reach deep muscles that massage can’t</li>"
            "<li>help the neck move more freely</li>"
            "<li>switch off active trigger points that keep the pain going</li>"
            "</ul>"
            "<p>We always combine it with exercises that improve posture and build strength, so the "
            "gains last.</p>",
        ),
        (
            "steps",
            {
                "title": "What happens in a dry needling session?",
                "steps": [
                    {
                        "title": "Assessment",
                        "text": (
                            "We ask about your symptoms and check how your neck and shoulders move, "
                            "to find the trigger points involved."
                        ),
                    },
                    {
                        "title": "Needling",
                        "text": (
                            "The therapist places fine needles in the chosen spots. You may feel a "
                            "quick twitch in the muscle or a deep ache."
                        ),
                    },
                    {
                        "title": "Afterward",
                        "text": (
                            "Many people feel some relief soon after. Mild soreness for a day or "
                            "two, like after a workout, is normal."
                        ),
                    },
                    {
                        "title": "Ongoing care",
                        "text": (
                            "We continue with manual therapy, exercises and posture work to keep the "
                            "benefits going."
                        ),
                    },
                ],
            },
        ),
        ("heading", {"text": "What does the research say?", "level": "h2"}),
        (
            "paragraph",
            "<p>For long-term neck pain, a 2023 review of 14 trials found that dry needling eased pain and "
            "helped people move and manage daily tasks, over the short and medium term [1]. For headaches, "
            "the research is thinner. A 2014 review found only three small studies. It concluded that dry "
            "needling may be a useful addition to physical therapy, but that the evidence is not strong [2]. "
            "UK guidelines for long-lasting pain with no clear cause list one course of acupuncture or dry "
            "needling as an option [3].</p>",
        ),
        ("heading", {"text": "Who is it suitable for?", "level": "h2"}),
        (
            "paragraph",
            "<p>Dry needling may suit you if you have frequent headaches or long-lasting neck pain "
            "that hasn’t improved with other care, such as rest, stretching or medicine. It is "
            "minimally invasive: no cuts and no injections, and most people go straight back to "
            "their day. It isn’t right for everyone. Tell us if you are pregnant, take blood "
            "thinners, have a bleeding disorder or feel very anxious about needles, and we’ll find "
            "the right approach together. If you’d prefer a Traditional Chinese Medicine approach, "
            '<a href="page:acupuncture">acupuncture</a> is another option at our clinic.</p>',
        ),
        (
            "faq",
            {
                "title": "Dry needling questions",
                "items": [
                    {
                        "question": "Is dry needling the same as acupuncture?",
                        "answer": (
                            "<p>No. The needles look similar, but dry needling is based on anatomy "
                            "and neuroscience and targets trigger points, while acupuncture comes "
                            "from Traditional Chinese Medicine.</p>"
                        ),
                    },
                    {
                        "question": "Does it hurt?",
                        "answer": (
                            "<p>You’ll likely feel the muscle twitch or ache briefly. Most people "
                            "find it very manageable, and you can ask to stop at any time.</p>"
                        ),
                    },
                    {
                        "question": "How soon will I notice a difference?",
                        "answer": (
                            "<p>Some people feel looser right away. For most, changes build over "
                            "several sessions, especially with home exercises.</p>"
                        ),
                    },
                ],
            },
        ),
        (
            "related_article",
            {
                "article": "tight-neck-tension-headaches",
                "label": (
                    "Curious how acupuncture approaches the same neck-and-headache problem? Read this."
                ),
            },
        ),
        (
            "cta",
            {
                "title": "Could dry needling help you?",
                "text": (
                    "Request a first visit with our physical therapist. We’ll assess your neck and "
                    "tell you honestly whether dry needling fits."
                ),
                "button_label": "Request a consultation",
                "condition": "cervicogenic-headache",
            },
        ),
    ],
}
