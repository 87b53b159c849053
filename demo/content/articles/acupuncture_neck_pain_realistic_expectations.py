"""Article D: Is acupuncture the answer for neck pain? Realistic expectations."""

from demo.content import references

ARTICLE = {
    "slug": "acupuncture-neck-pain-realistic-expectations",
    "title": "Is acupuncture the answer for neck pain? Realistic expectations",
    "summary": (
        "What acupuncture can and can’t do for a sore neck, when it works best, when it needs a "
        "wider medical plan, and how to judge progress."
    ),
    "image": "condition-neck-pain",
    "conditions": ["neck-pain"],
    "author": "mara-ellison",
    "reviewer": "sam-okafor",
    "last_reviewed": "2026-10-02",
    "first_published": "2026-03-17",
    "references": [
        references.CHRONIC_PAIN_IPD_2018,
    ],
    "body": [
        (
            "paragraph",
            "<p>Acupuncture may help with many kinds of neck pain, but it isn’t the answer "
            "for every neck. It suits problems with how the body works and regulates itself, such as "
            "tight, guarded muscles and an oversensitive nervous system. It can’t fix damaged "
            "structures. Knowing the difference helps you set fair expectations and choose the right "
            "care.</p>",
        ),
        (
            "quick_version",
            {
                "title": "The quick version",
                "points": [
                    "Most neck pain is a mix of tight muscles, stiff joints, a sensitive nervous system "
                    "and daily strain.",
                    "Acupuncture supports recovery; it can’t realign vertebrae or repair a disc.",
                    "It tends to suit tension- and stress-related pain that came on slowly.",
                    "Judge progress by how you function and how often pain flares, not by one visit.",
                ],
            },
        ),
        ("heading", {"text": "Why is neck pain rarely just one thing?", "level": "h2"}),
        (
            "paragraph",
            "<p>When your neck hurts, it’s tempting to look for a single cause. Usually, several "
            "things are happening at once:</p>"
            "<ul>"
            "<li>muscles that are tense and guarding, as if bracing for the next strain</li>"
            "<li>joints that have become stiff and move less than they should</li>"
            "<li>a nervous system that has become sensitized, so it turns up the volume on pain</li>"
            "<li>strain from posture and workload, day after day</li>"
            "</ul>"
            "<p>Stress and long hours on screens tend to make all of these louder.</p>",
        ),
        ("heading", {"text": "What can acupuncture do, and what can’t it do?", "level": "h2"}),
        (
            "paragraph",
            "<p>Acupuncture is best suited to problems of function and regulation: how muscles hold "
            "tension, how the nervous system handles pain signals, and how the body recovers from "
            "strain. It is less suited to fixed damage. It can’t put vertebrae back in line, and it "
            "can’t mend a disc. A helpful way to think about it is that acupuncture supports your "
            "body’s recovery rather than correcting your anatomy.</p>",
        ),
        (
            "quote",
            {
                "text": (
                    "I tell patients that needles don’t move bones. What they can do is help the "
                    "muscles and nerves around the neck calm down, so the body has room to recover."
                ),
                "attribution": "Dr. Mara Ellison, DACM, L.Ac. (demo practitioner)",
            },
        ),
        ("heading", {"text": "When does acupuncture tend to work well?", "level": "h2"}),
        (
            "paragraph",
            "<p>In our experience, acupuncture is often a good fit when your neck pain:</p>"
            "<ul>"
            "<li>is linked to tension or stress</li>"
            "<li>came on gradually rather than after an injury</li>"
            "<li>gets worse with long periods in one posture or a heavy workload</li>"
            "<li>comes with headaches or a tight upper back</li>"
            "</ul>",
        ),
        ("heading", {"text": "When does it need a wider plan?", "level": "h2"}),
        (
            "paragraph",
            "<p>On its own, acupuncture does less for some problems. It belongs inside a wider "
            "medical plan when there is:</p>"
            "<ul>"
            "<li>a badly injured disc or a pinched nerve</li>"
            "<li>numbness, weakness or other nerve signs that are getting worse</li>"
            "<li>an unstable spine</li>"
            "<li>neck pain after a serious injury, such as a bad fall or a car crash</li>"
            "</ul>"
            "<p>In these cases, please see a physician first. We’re glad to work alongside your "
            "medical team once you’ve been checked. If your nerve pain runs down a leg rather than "
            'an arm, our page on <a href="page:sciatica">sciatica</a> is a good place to start.</p>',
        ),
        ("heading", {"text": "Why do we treat more than the sore spot?", "level": "h2"}),
        (
            "paragraph",
            "<p>The neck doesn’t work alone. It sits on top of the shoulder girdle and upper back, "
            "and it is involved every time you breathe. Shallow breathing high in the chest, for "
            "example, gives extra work to the small muscles at the front and sides of the neck. So "
            "treatment often includes points and hands-on work around the shoulders, the upper back "
            "and sometimes your breathing pattern, not only the place that hurts.</p>",
        ),
        ("heading", {"text": "What does the research say?", "level": "h2"}),
        (
            "paragraph",
            "<p>A large study pooled 39 trials with about 20,000 people in long-term pain. Acupuncture eased "
            "pain more than sham (fake) acupuncture or no acupuncture, and most of the effect lasted for a "
            "year [1]. The same study found that the needles are not the whole story: the visits, the time "
            "and the care around them seem to help too. That is one reason we judge progress over weeks, not "
            "after one session.</p>",
        ),
        ("heading", {"text": "How will I know it’s working?", "level": "h2"}),
        (
            "paragraph",
            "<p>Pain goes up and down from day to day, so we look at a bigger picture. Signs of real "
            "progress include:</p>"
            "<ul>"
            "<li>doing more of what you need and enjoy, like working, driving or sleeping through "
            "the night</li>"
            "<li>fewer flare-ups, and milder ones when they do come</li>"
            "<li>bouncing back faster after a long day or a stressful week</li>"
            "</ul>"
            "<p>These changes usually build over a series of well-spaced sessions rather than "
            "appearing after one visit. Often that means weekly visits at first, then every two or "
            "three weeks as you improve, with home exercises in between. Steady, repeated care tends "
            "to matter more than any single treatment, and we’ll review your progress with you every "
            "few visits.</p>",
        ),
        (
            "related_article",
            {
                "article": "can-acupuncture-help-neck-pain",
                "label": "New to acupuncture? Start with how it works and what a session feels like.",
            },
        ),
        (
            "cta",
            {
                "title": "Want an honest opinion about your neck?",
                "text": (
                    "Book a first visit. We’ll tell you what we think acupuncture can do for you, and "
                    "what it can’t."
                ),
                "button_label": "Request a consultation",
                "condition": "neck-pain",
            },
        ),
    ],
}
