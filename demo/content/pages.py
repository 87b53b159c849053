"""The home page and the clinic's standard pages: about, privacy and terms."""

HOME = {
    "title": "Home",
    "hero_title": "Care for neck pain and headaches, one calm step at a time",
    "hero_text": (
        "Licensed acupuncturists and a physical therapist working side by side. We look for what keeps "
        "your pain coming back and build a plan around you."
    ),
    "hero_image": "home-hero",
    "body": [
        (
            "paragraph",
            "<p>We help people with a stiff, sore neck and the headaches that so often come with it. "
            "Our team brings together acupuncture from Traditional Chinese Medicine and physical "
            "therapy with dry needling, so you can get both kinds of care under one roof.</p>"
            "<p>We can’t promise a cure. We do promise to listen, explain your options clearly, and "
            "tell you if another kind of care would suit you better.</p>",
        ),
        (
            "steps",
            {
                "title": "How does a first visit work?",
                "steps": [
                    {
                        "title": "Request a consultation",
                        "text": (
                            "Fill in our short online form. Our front desk will contact you to find a time."
                        ),
                    },
                    {
                        "title": "Talk it through",
                        "text": (
                            "Your first visit takes about 60 minutes. We start with your full health "
                            "history and what you hope to change."
                        ),
                    },
                    {
                        "title": "Check how you move",
                        "text": (
                            "We look at how your neck, shoulders and back move, and which spots are tight "
                            "or tender."
                        ),
                    },
                    {
                        "title": "Make a plan together",
                        "text": (
                            "We explain what we found and suggest a plan. If you’re ready, treatment "
                            "can often start the same day."
                        ),
                    },
                ],
            },
        ),
        (
            "cta",
            {
                "title": "Ready to talk about your pain?",
                "text": (
                    "Tell us a little about what’s going on. Our front desk will get back to you, "
                    "usually within one business day."
                ),
                "button_label": "Request a consultation",
                "condition": None,
            },
        ),
    ],
}

ABOUT = {
    "slug": "about",
    "title": "About our clinic",
    "summary": "Who we are, what happens at a first visit, and a note about this demo content.",
    "body": [
        (
            "paragraph",
            "<p>Larkmoor Demo Integrative Clinic is a small team of licensed acupuncturists and a "
            "licensed physical therapist. We care for people with neck pain, headaches and related "
            "problems in Larkmoor and its nearby suburbs. We bring together acupuncture from Traditional "
            "Chinese Medicine and physical therapy with dry needling, so you can get the care that fits "
            "you in one place.</p>",
        ),
        ("heading", {"text": "What happens at a first visit?", "level": "h2"}),
        (
            "paragraph",
            "<p>Your first visit lasts about 60 minutes. It includes:</p>"
            "<ul>"
            "<li>a full health history, including your symptoms, past injuries, sleep, work and stress</li>"
            "<li>a movement check of your neck, shoulders and back</li>"
            "<li>an assessment, where we explain what we think is going on</li>"
            "<li>a plan, and often your first treatment</li>"
            "</ul>"
            "<p>Follow-up visits are shorter, usually 30 to 45 minutes. Please wear loose, comfortable "
            "clothes that make it easy to reach your neck and shoulders.</p>",
        ),
        ("heading", {"text": "How do we work?", "level": "h2"}),
        (
            "paragraph",
            "<p>We believe in honest care. We won’t promise a cure, and we’ll tell you if we think "
            "another kind of care, or a visit to your doctor first, would serve you better. We work "
            "alongside physicians and never ask you to stop a medicine your doctor has prescribed. You "
            'can read how we handle your information in our <a href="page:privacy">privacy notice</a>.</p>',
        ),
        (
            "cta",
            {
                "title": "Have a question?",
                "text": "Send us a consultation request and our front desk will be in touch.",
                "button_label": "Request a consultation",
                "condition": None,
            },
        ),
    ],
}

PRIVACY = {
    "slug": "privacy",
    "title": "Privacy notice",
    "summary": (
        "What we collect when you request a consultation, why, who sees it, how long we keep it, and "
        "how to ask us to delete it."
    ),
    "body": [
        (
            "callout",
            {
                "variant": "info",
                "title": "Demo text, not legal advice",
                "text": (
                    "<p>This privacy notice is sample text for a demo clinic. It is not legal advice. "
                    "A real clinic must replace it with a notice that matches its own practices and the "
                    "laws that apply to it.</p>"
                ),
            },
        ),
        (
            "paragraph",
            "<p>We collect only what we need to answer your request. Version: November 1, 2026.</p>",
        ),
        ("heading", {"text": "What do we collect when you request a consultation?", "level": "h2"}),
        (
            "paragraph",
            "<p>When you fill in the consultation form, we collect:</p>"
            "<ul>"
            "<li>your name</li>"
            "<li>your contact details, such as your phone number and email address</li>"
            "<li>your preferences, such as the days and times that suit you, how you’d like us to "
            "contact you, and which practitioner you’d like to see</li>"
            "<li>any symptoms you choose to share with us</li>"
            "<li>your answer to our safety question about warning signs, such as a sudden severe "
            "headache</li>"
            "</ul>"
            "<p>Only share what you are comfortable sharing. We’ll ask about your full health history "
            "at your first visit.</p>",
        ),
        ("heading", {"text": "Why do we collect it?", "level": "h2"}),
        (
            "paragraph",
            "<p>We use this information to contact you, find a suitable appointment and match you with "
            "the right practitioner. We ask the safety question so that, if your answer suggests you "
            "need a doctor or emergency care first, we can tell you right away. We don’t use your "
            "information for marketing, and we don’t sell it.</p>",
        ),
        ("heading", {"text": "Who can see it?", "level": "h2"}),
        (
            "paragraph",
            "<p>Only the front-desk staff who handle consultation requests can see what you send "
            "through the form. We don’t share it with anyone outside the clinic.</p>",
        ),
        ("heading", {"text": "How long do we keep it?", "level": "h2"}),
        (
            "paragraph",
            "<p>Once a request is closed, for example because you’ve booked a visit or decided not to "
            "go ahead, we erase your name, contact details and message after a set period. In this "
            "demo, that period is one year. If you "
            "become a patient, your clinical records are kept separately, as the law requires.</p>",
        ),
        ("heading", {"text": "Does this website track me?", "level": "h2"}),
        (
            "paragraph",
            "<p>No. This website uses no advertising or analytics trackers, and it loads no scripts "
            "from third parties. The only cookies it sets are the ones it needs to work, such as the "
            "one that keeps the consultation form secure.</p>",
        ),
        ("heading", {"text": "How can I ask you to delete my information?", "level": "h2"}),
        (
            "paragraph",
            "<p>Contact our front desk by email or phone, using the details at the bottom of every "
            "page, and ask us to delete your consultation request. We’ll confirm once it’s done. You "
            "can also ask to see the information we hold about you, or to correct it.</p>",
        ),
    ],
}

TERMS = {
    "slug": "terms",
    "title": "Terms of use",
    "summary": "The basic terms for using this website.",
    "body": [
        (
            "callout",
            {
                "variant": "info",
                "title": "Demo text, not legal advice",
                "text": (
                    "<p>These terms are sample text for a demo clinic. Replace them before the site goes "
                    "live.</p>"
                ),
            },
        ),
        (
            "paragraph",
            "<p>This website gives general information about the conditions we treat and the care we "
            "offer. It is not medical advice, and reading it does not make you a patient of the clinic. "
            "Always talk to a qualified health professional about your own health.</p>",
        ),
        (
            "paragraph",
            "<p>Sending a consultation request does not book an appointment. Our front desk will "
            "contact you to arrange a time. Please don’t use the form for urgent problems. If you think "
            "you have a medical emergency, call 911.</p>",
        ),
        (
            "paragraph",
            "<p>We try to keep the information here accurate and up to date, but we can’t promise it "
            "is complete or free of mistakes. Please don’t copy the content of this site for commercial "
            "use without asking us first. We may update these terms from time to time, and the latest "
            "version will always be on this page.</p>",
        ),
    ],
}
