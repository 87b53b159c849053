"""Article B: When migraine starts in the neck."""

from demo.content import references

ARTICLE = {
    "slug": "when-migraine-starts-in-the-neck",
    "title": "When migraine starts in the neck: what’s going on?",
    "summary": (
        "Many people feel migraine begin in the neck. How tight neck muscles can feed attacks, and "
        "how acupuncture and home care may help."
    ),
    "image": "condition-migraine",
    "conditions": ["migraine", "neck-pain", "cervicogenic-headache"],
    "author": "sam-okafor",
    "reviewer": "mara-ellison",
    "last_reviewed": "2026-10-14",
    "first_published": "2026-07-21",
    "references": [
        references.CHRONIC_PAIN_IPD_2018,
        references.NICE_HEADACHES_CG150,
    ],
    "body": [
        (
            "paragraph",
            "<p>For many people with migraine, the pain doesn’t begin in the head at all. It starts "
            "as a tight, aching neck and then creeps forward over the skull. The neck isn’t the whole "
            "story, because migraine is a neurological condition. But a tense neck can help set off "
            "attacks and make them worse, and that’s a part we can work on together.</p>",
        ),
        ("heading", {"text": "How can the neck cause pain in the head?", "level": "h2"}),
        (
            "paragraph",
            "<p>The muscles at the front and sides of the neck, and the small ones at the base of "
            "the skull, are closely linked with the nerves and blood supply of the head and face. "
            "When these muscles stay tight for a long time, they can refer pain, which means you "
            "feel it somewhere other than where it starts. Common places people feel it are:</p>"
            "<ul>"
            "<li>behind the eyes</li>"
            "<li>as pressure across the forehead</li>"
            "<li>at the temples</li>"
            "<li>at the base of the skull</li>"
            "<li>on one side of the head only</li>"
            "</ul>"
            "<p>Many people also notice that their headaches arrive after work or after a long "
            "stretch of concentrating.</p>",
        ),
        (
            "image",
            {
                "image": "neck-muscles-referral",
                "caption": (
                    "Tight muscles at the back and sides of the neck can refer pain to the temples, "
                    "the forehead and behind the eyes."
                ),
            },
        ),
        ("heading", {"text": "What makes the neck so tense?", "level": "h2"}),
        (
            "paragraph",
            "<p>Neck tension usually builds up slowly. Things that add to it include:</p>"
            "<ul>"
            "<li>repetitive manual work or factory work</li>"
            "<li>old injuries, such as whiplash from a car accident</li>"
            "<li>long hours looking slightly down at a screen, a desk or a workbench</li>"
            "<li>stress, and clenching your jaw</li>"
            "<li>sleeping in a position that twists or bends the neck</li>"
            "<li>muscle guarding, where muscles stay braced long after an old pain has healed</li>"
            "</ul>",
        ),
        ("heading", {"text": "Isn’t migraine just a bad tension headache?", "level": "h2"}),
        (
            "paragraph",
            "<p>No. Migraine is a neurological event. It involves changes in how the brain and "
            "nerves handle signals, which is why it can bring nausea, sensitivity to light and "
            "sound, or an aura. Muscle tension alone doesn’t explain it. Still, the neck matters. "
            "A tight neck can make nerves more sensitive, keep the nervous system on alert, and help "
            "trigger an attack or make one worse. Easing the neck won’t switch migraine off, but it "
            "may give attacks fewer chances to start.</p>",
        ),
        (
            "callout",
            {
                "variant": "red_flag",
                "title": "Some headaches need a doctor, not needles",
                "text": (
                    "<p>Get medical care first, and call 911 in an emergency, if you have:</p>"
                    "<ul>"
                    "<li>a sudden, severe headache that feels like the worst ever</li>"
                    "<li>a headache after any blow to the head</li>"
                    "<li>a headache with fever, changes in your sight, loss of strength, or "
                    "confused thinking</li>"
                    "<li>nerve symptoms that are getting worse</li>"
                    "</ul>"
                    "<p>A new or changed pattern of headaches is also worth checking with your "
                    "doctor.</p>"
                ),
            },
        ),
        ("heading", {"text": "What does acupuncture aim to do?", "level": "h2"}),
        (
            "paragraph",
            "<p>When the neck is part of the picture, acupuncture aims to:</p>"
            "<ul>"
            "<li>loosen overworked neck and shoulder muscles</li>"
            "<li>help a nervous system that is stuck on alert to settle</li>"
            "<li>support better circulation between the neck and the head</li>"
            "<li>lower sensitivity along the pathways involved in headaches</li>"
            "</ul>"
            "<p>Some patients also report better sleep, less tightness in the shoulders, clearer "
            "thinking and steadier energy. Results vary from person to person, and we track with "
            "you whether it is making a real difference.</p>",
        ),
        (
            "quote",
            {
                "text": (
                    "I used to feel the migraine gathering in my neck by the end of the workday. "
                    "Now I notice the tightness sooner, and I know what to do about it."
                ),
                "attribution": "A patient, after a course of care (illustrative demo quote)",
            },
        ),
        ("heading", {"text": "What does the research say?", "level": "h2"}),
        (
            "paragraph",
            "<p>A large study pooled 39 trials of people with long-term pain, chronic headache among them. "
            "Those who had acupuncture had less pain than those who had sham (fake) acupuncture or none [1]. "
            "For migraine, UK guidelines list a course of acupuncture as one way to help prevent attacks "
            "when "
            "the usual preventive medicines have not worked or do not suit you [2]. It is one part of a "
            "plan, "
            "not a cure.</p>",
        ),
        ("heading", {"text": "What can I do at home between visits?", "level": "h2"}),
        (
            "paragraph",
            "<p>Home care doesn’t replace treatment, but it can help keep your neck calmer between "
            "visits. Try:</p>"
            "<ul>"
            '<li>light <a href="page:cupping">gua sha</a> on the neck and upper shoulders, with a '
            "smooth tool and gentle strokes</li>"
            "<li>gentle pressure on tender spots for 20 to 30 seconds at a time</li>"
            "<li>warmth, such as a heat pack, at the base of the skull</li>"
            "<li>short posture breaks every 30 to 45 minutes at your desk</li>"
            "<li>a few minutes of slow breathing in and out through your nose</li>"
            "</ul>"
            "<p>Stop anything that makes your symptoms worse, and ask us to show you how first.</p>",
        ),
        ("heading", {"text": "Why does my headache keep coming back?", "level": "h2"}),
        (
            "paragraph",
            "<p>When a migraine hits, the first question is naturally “what will stop this one?” "
            "That matters. But it’s just as useful to ask why the headaches keep returning. If a "
            "tense neck is one of the reasons, working on it may mean fewer attacks to stop in the "
            "first place. We work alongside your doctor and your usual medicine, never in place of "
            "them.</p>",
        ),
        (
            "paragraph",
            "<p>Written by Dr. Sam Okafor, licensed acupuncturist. Have a question about this "
            'article? <a href="page:about">Get in touch with our team</a>.</p>',
        ),
        (
            "related_article",
            {
                "article": "tight-neck-tension-headaches",
                "label": "If your headaches feel more like a tight band than a migraine, start here.",
            },
        ),
        (
            "cta",
            {
                "title": "Do your migraines start in your neck?",
                "text": (
                    "Tell us about your attacks, and we’ll talk through whether our care could help "
                    "alongside your doctor’s."
                ),
                "button_label": "Request a consultation",
                "condition": "migraine",
            },
        ),
    ],
}
