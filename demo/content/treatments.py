"""The treatment pages, in the order they are listed on the site."""

TREATMENTS = [
    {
        "slug": "acupuncture",
        "title": "Acupuncture",
        "summary": (
            "Very fine, sterile needles placed at chosen points to ease muscle tension and calm an "
            "overactive nervous system, given by licensed acupuncturists."
        ),
        "image": "treatment-acupuncture",
        "reviewer": "mara-ellison",
        "last_reviewed": "2026-09-10",
        "body": [
            (
                "paragraph",
                "<p>Acupuncture is a treatment from Traditional Chinese Medicine in which a licensed "
                "acupuncturist places very fine, sterile needles at chosen points on the body. At our "
                "clinic we use it mainly for neck pain and headaches. Reviews find it can help some "
                "people with chronic neck pain, and guidelines recommend it as one way to help prevent "
                "chronic tension-type headache.</p>",
            ),
            ("heading", {"text": "How is it thought to work?", "level": "h2"}),
            (
                "paragraph",
                "<p>In the traditional view, needling certain points helps <i>qi</i>, the body’s "
                "vital energy, flow more smoothly. Modern research offers other explanations. "
                "Needling may:</p>"
                "<ul>"
                "<li>help tight muscles let go</li>"
                "<li>prompt the body to release its own pain-relieving chemicals, such as endorphins</li>"
                "<li>calm nerves that have become irritated or oversensitive</li>"
                "<li>lower stress, which many people carry in the neck and shoulders</li>"
                "</ul>",
            ),
            ("heading", {"text": "What does it feel like?", "level": "h2"}),
            (
                "paragraph",
                "<p>The needles are solid and much thinner than the ones used for shots. Each one goes "
                "in through a thin guide tube. Most people feel a tiny prick, then a dull, heavy or "
                "achy feeling around the point, which is normal. Many people find the session "
                "relaxing, and some even doze off. You can ask us to stop or change something at any "
                "time.</p>",
            ),
            ("heading", {"text": "What happens in a session?", "level": "h2"}),
            (
                "paragraph",
                "<p>We check in on how you’ve been, look at how your neck and shoulders move, and then "
                "place the needles. They usually stay in for 20 to 30 minutes while you rest. We may "
                "also add:</p>"
                "<ul>"
                '<li><a href="page:cupping">cupping</a> for a broad, tight upper back</li>'
                "<li>gua sha, a smooth tool stroked gently over the skin, which we can also teach you "
                "to use at home</li>"
                "<li>an infrared heat lamp to keep tight muscles warm and relaxed during treatment</li>"
                "</ul>",
            ),
            ("heading", {"text": "Is it safe?", "level": "h2"}),
            (
                "paragraph",
                "<p>When it’s done by a trained, licensed practitioner with single-use sterile needles, "
                "acupuncture is generally low risk. Small bruises or brief soreness can happen. Tell us "
                "if you are pregnant, take blood-thinning medicine or have a bleeding disorder, so we "
                "can plan your care safely. Acupuncture is not a replacement for seeing a doctor about "
                "new or worrying symptoms.</p>",
            ),
            (
                "cta",
                {
                    "title": "Curious whether acupuncture could help?",
                    "text": (
                        "Ask us a question or request a first visit. We’ll tell you honestly if it’s a good "
                        "fit."
                    ),
                    "button_label": "Request a consultation",
                    "condition": None,
                },
            ),
        ],
    },
    {
        "slug": "dry-needling",
        "title": "Dry needling",
        "summary": (
            "A physical therapy technique in which fine needles release tight knots in muscle, used "
            "with exercise and hands-on care for neck pain and headaches."
        ),
        "image": "treatment-dry-needling",
        "reviewer": "priya-lindqvist",
        "last_reviewed": "2026-09-18",
        "body": [
            (
                "paragraph",
                "<p>Dry needling is a technique used by licensed physical therapists. The therapist "
                "places a fine, sterile needle into a trigger point, a tight knot in a muscle, to help "
                "it release. It is one part of a wider physical therapy plan, not a treatment on its "
                "own.</p>",
            ),
            ("heading", {"text": "How is it different from acupuncture?", "level": "h2"}),
            (
                "paragraph",
                '<p>The needles look alike, but the thinking behind them differs. <a href="page:acupuncture">'
                "Acupuncture</a> comes from Traditional Chinese Medicine. Dry needling is based on modern "
                "anatomy and neuroscience, and it targets muscle knots that cause pain in the muscle or "
                "send it somewhere else. At our clinic, dry needling is done only by our physical "
                "therapist.</p>",
            ),
            ("heading", {"text": "What can it help with?", "level": "h2"}),
            (
                "paragraph",
                "<p>We use dry needling mostly for:</p>"
                "<ul>"
                '<li><a href="page:neck-pain">neck pain</a> that comes from deep, tight muscles</li>'
                '<li><a href="page:tension-type-headache">tension-type headaches</a></li>'
                '<li><a href="page:cervicogenic-headache">headaches that start in the neck</a></li>'
                '<li>tight hip and lower back muscles that add to <a href="page:sciatica">sciatica</a></li>'
                "</ul>",
            ),
            ("heading", {"text": "What does a session involve?", "level": "h2"}),
            (
                "paragraph",
                "<p>We start by checking how you move and where the tight bands are. An infrared heat "
                "lamp may be used first to warm the area. When the needle reaches a trigger point, you "
                "may feel a quick twitch in the muscle or a deep ache. Afterward, the area can feel "
                "sore for a day or two, a bit like after a hard workout. We follow needling with manual "
                "therapy, such as hands-on work on stiff joints and muscles, and with exercises for "
                "strength and posture.</p>",
            ),
            (
                "callout",
                {
                    "variant": "tip",
                    "title": "Getting the most from dry needling",
                    "text": (
                        "<p>Dry needling tends to work best when you keep up your home exercises. Gentle "
                        "movement and warmth can also help with any soreness the next day.</p>"
                    ),
                },
            ),
            ("heading", {"text": "Is it safe?", "level": "h2"}),
            (
                "paragraph",
                "<p>In trained hands, with single-use sterile needles, serious problems are uncommon. "
                "Soreness and small bruises are the most usual side effects. Let us know if you are "
                "pregnant, take blood thinners or feel very anxious about needles. To learn more, read "
                '<a href="page:dry-needling-headaches-neck-pain">What is dry needling, and can it help '
                "headaches and neck pain?</a></p>",
            ),
            (
                "cta",
                {
                    "title": "Wondering whether dry needling fits you?",
                    "text": "Request a visit with our physical therapist to talk it through.",
                    "button_label": "Request a consultation",
                    "condition": None,
                },
            ),
        ],
    },
    {
        "slug": "cupping",
        "title": "Cupping",
        "summary": (
            "Cups that gently lift the skin and muscle to ease broad tightness across the upper back "
            "and shoulders, often paired with acupuncture."
        ),
        "image": "treatment-cupping",
        "reviewer": "sam-okafor",
        "last_reviewed": "2026-01-09",
        "body": [
            (
                "paragraph",
                "<p>Cupping uses round cups that create gentle suction on the skin. The suction lifts "
                "the skin and the tissue under it, which many people find eases broad tightness across "
                "the upper back and shoulders. We often pair cupping with "
                '<a href="page:acupuncture">acupuncture</a> for neck pain and tension headaches.</p>',
            ),
            ("heading", {"text": "What does it feel like?", "level": "h2"}),
            (
                "paragraph",
                "<p>Most people describe a pulling or tugging feeling that is firm but not sharp. The "
                "cups can stay in one place for a few minutes, or we can glide them slowly over oiled "
                "skin, a little like a deep massage. We sometimes use an infrared heat lamp first, so "
                "the muscles are warm and relaxed. We’ll adjust the strength to what feels right for "
                "you.</p>",
            ),
            ("heading", {"text": "Why does it leave marks?", "level": "h2"}),
            (
                "paragraph",
                "<p>Cupping often leaves round marks that range from pink to purple. They are not the "
                "same as bruises from a knock. They come from the suction drawing blood toward the "
                "surface, and they usually fade within a few days to a week. If you have an event "
                "coming up, let us know and we can keep the marks out of sight or skip cupping that "
                "day.</p>",
            ),
            ("heading", {"text": "What about gua sha?", "level": "h2"}),
            (
                "paragraph",
                "<p>Gua sha is a close cousin of cupping. We use a smooth-edged tool to stroke the skin "
                "of the neck and shoulders with light, even pressure. It can leave some redness that "
                "fades soon after. Gua sha is easy to learn, so we often show patients a gentle version "
                "to use at home between visits.</p>",
            ),
            ("heading", {"text": "Who should skip cupping?", "level": "h2"}),
            (
                "paragraph",
                "<p>Cupping may not suit you if you:</p>"
                "<ul>"
                "<li>take blood-thinning medicine or bruise very easily</li>"
                "<li>have broken, sunburned or irritated skin in the area</li>"
                "<li>are pregnant (we avoid some areas)</li>"
                "<li>have a fever or feel unwell</li>"
                "</ul>"
                "<p>Tell us about your health at your first visit and we’ll plan around it. Cupping is "
                "often one part of a wider plan that can include manual therapy and exercises with "
                'our physical therapist, or <a href="page:dry-needling">dry needling</a>.</p>',
            ),
            (
                "cta",
                {
                    "title": "Is your upper back always tight?",
                    "text": "Ask about cupping and gua sha as part of your care for neck pain.",
                    "button_label": "Request a consultation",
                    "condition": "neck-pain",
                },
            ),
        ],
    },
]
