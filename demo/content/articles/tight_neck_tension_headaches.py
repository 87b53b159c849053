"""Article A: A tight neck as the source of tension headaches (acupuncture)."""

from demo.content import references

ARTICLE = {
    "slug": "tight-neck-tension-headaches",
    "title": "Could a tight neck be behind your tension headaches?",
    "summary": (
        "Neck stiffness is a common driver of tension-type and neck-related headaches. Here is how "
        "acupuncture treats the neck and the headache together."
    ),
    "image": "condition-tension-type-headache",
    "conditions": ["tension-type-headache", "cervicogenic-headache", "neck-pain"],
    "author": "mara-ellison",
    "reviewer": "priya-lindqvist",
    "last_reviewed": "2026-10-20",
    "first_published": "2026-09-15",
    "references": [
        references.CHRONIC_PAIN_IPD_2018,
        references.NICE_HEADACHES_CG150,
        references.TENSION_HEADACHE_COCHRANE_2016,
    ],
    "body": [
        (
            "paragraph",
            "<p>Very often, yes. Neck stiffness sits behind many tension-type headaches. It also "
            "drives cervicogenic headaches, which begin with a problem in the neck. The link "
            "works both ways: when the neck loosens up, those headaches tend to ease as well. That’s "
            "why we treat the neck and the headache as one problem, not two.</p>",
        ),
        (
            "quick_version",
            {
                "title": "The quick version",
                "points": [
                    "A tight neck is a common cause of tension-type and neck-related headaches.",
                    "Reviews find acupuncture can help chronic neck pain [1], and guidelines recommend "
                    "it to help prevent chronic tension-type headache [2].",
                    "Treatment targets the base of the skull, the shoulders and points on the hands "
                    "and forearms.",
                    "A new flare-up may settle in a few visits; months of daily pain needs a few weeks "
                    "of steady care.",
                ],
            },
        ),
        ("heading", {"text": "How can a neck problem cause a headache?", "level": "h2"}),
        (
            "paragraph",
            "<p>Nerves from the top of the neck and nerves from the head meet in the same relay "
            "station at the base of the brain, so the brain can mix up where pain is coming from. "
            "When muscles and joints high in the neck are strained, you may feel it as a headache, "
            "called a cervicogenic headache. It often:</p>"
            "<ul>"
            "<li>begins low at the back of the head and creeps up to the crown or along one "
            "side</li>"
            "<li>sits on the side where the neck feels tightest</li>"
            "<li>gets worse after a long day at a desk</li>"
            "<li>rises and falls with how stiff the neck feels</li>"
            "<li>is set off by turning the head, or holding it one way for a while</li>"
            "</ul>"
            "<p>Painkillers on their own rarely settle this kind of headache for long, because they "
            "don’t change what is happening in the neck.</p>",
        ),
        ("heading", {"text": "Why are so many necks so tight these days?", "level": "h2"}),
        (
            "paragraph",
            "<p>Your head is heavy, and the further it leans forward, the harder the neck muscles "
            "must work to hold it up. Common culprits include:</p>"
            "<ul>"
            "<li>looking down at a phone or laptop for hours</li>"
            "<li>a monitor set too low, or a chair that doesn’t support your back</li>"
            "<li>a forward head posture that slowly becomes a habit</li>"
            "<li>long commutes spent gripping the steering wheel</li>"
            "<li>carrying stress in your shoulders and jaw</li>"
            "</ul>",
        ),
        (
            "callout",
            {
                "variant": "red_flag",
                "title": "When to see a doctor first",
                "text": (
                    "<p>Acupuncture is not the right first step for every headache. Please see a "
                    "physician, or get emergency care, if you have:</p>"
                    "<ul>"
                    "<li>a sudden headache that feels like the worst you’ve ever had</li>"
                    "<li>a headache after a blow to the head</li>"
                    "<li>a headache with fever, changes in your eyesight, loss of strength, or "
                    "muddled thinking</li>"
                    "<li>nerve symptoms, such as numbness or weakness, that are getting worse</li>"
                    "</ul>"
                ),
            },
        ),
        ("heading", {"text": "What does acupuncture target?", "level": "h2"}),
        (
            "paragraph",
            "<p>We focus on the places where neck tension tends to build up:</p>"
            "<ul>"
            "<li>the suboccipitals: short muscles tucked just under the back of the skull</li>"
            "<li>the upper trapezius, the broad muscle across the tops of the shoulders</li>"
            "<li>distal points on the hands and forearms, away from the sore area</li>"
            "</ul>"
            "<p>In Traditional Chinese Medicine, the practitioner also reads the pattern behind the "
            "tension. For one person, headaches flare with stress and irritability, a pattern often "
            "called <i>Liver Yang rising</i>. For another, the neck feels knotted, with a fixed ache "
            "in one spot, a pattern called <i>blood stasis</i>. The pattern guides which local and "
            "distal points we choose, so two people with the same sore neck may get quite different "
            "treatments.</p>",
        ),
        ("heading", {"text": "How is this different from a massage?", "level": "h3"}),
        (
            "paragraph",
            "<p>A good massage feels great, and the relief often lasts a day or two. Acupuncture aims "
            "at something else: the trigger that keeps the tension coming back, and the loop between "
            "the muscles and the nervous system that keeps the pain going.</p>",
        ),
        ("heading", {"text": "What does treatment feel like?", "level": "h2"}),
        (
            "paragraph",
            "<p>Acupuncture needles are solid and very fine, much thinner than a needle used for a "
            "shot. Each one is placed through a thin guide tube. You may feel a small prick, then a "
            "dull, heavy feeling around the point, which is normal. For broad tightness across the "
            "upper back and shoulders, we often add "
            '<a href="page:cupping">cupping</a>.</p>',
        ),
        ("heading", {"text": "What does the research say?", "level": "h2"}),
        (
            "paragraph",
            "<p>A large study pooled the results of 39 trials with about 20,000 people in long-term pain, "
            "neck pain and headache among them. People who had acupuncture had less pain than people who "
            "had sham (fake) acupuncture or none, and most of the benefit was still there a year later [1]. "
            "For tension-type headache that has become chronic, UK guidelines suggest a course of up to ten "
            "sessions over five to eight weeks to help prevent it [2]. A review of trials found that at "
            "least "
            "six sessions may help people who get these headaches often [3].</p>",
        ),
        (
            "faq",
            {
                "title": "Questions we often hear",
                "items": [
                    {
                        "question": "How many sessions will I need?",
                        "answer": (
                            "<p>It depends on how long the problem has been around. A new flare-up "
                            "may settle after a few sessions. If you’ve had pain every day for "
                            "months, along with frequent headaches, we usually suggest one or two "
                            "sessions a week for several weeks, then spacing visits out as things "
                            "improve. Changes to posture and stress habits are part of the plan, "
                            "too.</p>"
                        ),
                    },
                    {
                        "question": "What if my headaches are migraine?",
                        "answer": (
                            "<p>Migraine that isn’t driven by the neck needs a different plan. "
                            "See the article below on how we approach it.</p>"
                        ),
                    },
                ],
            },
        ),
        (
            "related_article",
            {
                "article": "when-migraine-starts-in-the-neck",
                "label": "If your headaches feel more like migraine, read how the neck can play a part "
                "and how the plan differs.",
            },
        ),
        (
            "steps",
            {
                "title": "What happens next?",
                "steps": [
                    {
                        "title": "Book online",
                        "text": (
                            "Request a consultation through our short online form. Our front desk "
                            "will contact you to set a time."
                        ),
                    },
                    {
                        "title": "Your first visit",
                        "text": (
                            "This 60-minute visit covers your full health history, a check of how "
                            "your neck and shoulders move, and an assessment."
                        ),
                    },
                    {
                        "title": "Your personal plan",
                        "text": (
                            "We explain what we found and build a plan that treats your neck and your "
                            "headaches together."
                        ),
                    },
                    {
                        "title": "Adjusting as you improve",
                        "text": ("As your symptoms ease, we adjust the treatment and space out your visits."),
                    },
                ],
            },
        ),
        (
            "cta",
            {
                "title": "Ready to ease your neck and your headaches?",
                "text": "Tell us about your headaches and we’ll suggest a first step that fits.",
                "button_label": "Request a consultation",
                "condition": "tension-type-headache",
            },
        ),
    ],
}
