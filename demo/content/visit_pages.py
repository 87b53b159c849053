"""The pages patients look for before a first visit: contact and directions, fees and insurance, common
questions and the accessibility statement. Every fact here is demo data that staff replace."""

CONTACT = {
    "slug": "contact",
    "title": "Contact and directions",
    "summary": (
        "Where to find us, how to reach us, when we are open, and how to get to the door by car, bus or "
        "on foot."
    ),
    "body": [
        (
            "paragraph",
            "<p>We are on the second floor of 100 Example Avenue (Suite 200), Larkmoor, WA 98000. Call "
            "us on (555) 014-3370 or email frontdesk@example.com. The front desk answers calls during "
            "opening hours and replies to email within one working day.</p>",
        ),
        ("heading", {"text": "When are you open?", "level": "h2"}),
        (
            "table",
            {
                "caption": "Opening hours",
                "columns": [{"type": "text", "heading": "Days"}, {"type": "text", "heading": "Hours"}],
                "rows": [
                    {"values": ["Monday to Thursday", "8:00 AM to 7:00 PM"]},
                    {"values": ["Friday", "8:00 AM to 5:00 PM"]},
                    {"values": ["Saturday", "9:00 AM to 1:00 PM"]},
                    {"values": ["Sunday", "Closed"]},
                ],
            },
        ),
        (
            "paragraph",
            "<p>We close on New Year’s Day, Independence Day and Christmas Day. Online booking never "
            "offers a time on a day we are closed.</p>",
        ),
        ("heading", {"text": "Where can I park?", "level": "h2"}),
        (
            "paragraph",
            "<p>The building has a small lot behind it with two accessible bays by the back door. On "
            "the street, meters are free after 6 PM and on Saturdays.</p>",
        ),
        ("heading", {"text": "Can I come by bus or train?", "level": "h2"}),
        (
            "paragraph",
            "<p>The number 7 bus stops at Example Avenue and Third Street, a two-minute walk away. "
            "Larkmoor Central station is about ten minutes on foot.</p>",
        ),
        ("heading", {"text": "Is there step-free access?", "level": "h2"}),
        (
            "paragraph",
            "<p>Yes. A ramp leads to the back door, and a lift goes to the second floor. Our "
            "treatment tables lower for an easy transfer. Tell us when you book if you need more time "
            "or help, and we will plan for it.</p>",
        ),
        ("heading", {"text": "Can I see a map?", "level": "h2"}),
        (
            "paragraph",
            '<p>Open <a href="https://www.openstreetmap.org/search?query=100%20Example%20Avenue">our '
            "address on OpenStreetMap</a> (a separate site) for a map and directions.</p>",
        ),
    ],
}

FEES = {
    "slug": "fees",
    "title": "Fees and insurance",
    "summary": "What each visit costs, which ways to pay we accept, and how to claim from your plan.",
    "body": [
        (
            "table",
            {
                "caption": "What a visit costs (demo prices)",
                "columns": [
                    {"type": "text", "heading": "Visit"},
                    {"type": "text", "heading": "Length"},
                    {"type": "text", "heading": "Price"},
                ],
                "rows": [
                    {"values": ["First visit: consultation and first treatment", "60 minutes", "$120"]},
                    {"values": ["Follow-up acupuncture", "45 minutes", "$85"]},
                    {"values": ["Follow-up physical therapy and dry needling", "30 minutes", "$75"]},
                ],
            },
        ),
        ("heading", {"text": "Do you take insurance?", "level": "h2"}),
        (
            "paragraph",
            "<p>Some health plans pay for acupuncture or physical therapy, and some do not. Please ask "
            "your plan what it covers before your first visit. We are happy to tell you the codes we "
            "use so that you can ask the right question.</p>"
            "<p>You can pay with a health savings account (HSA) or flexible spending account (FSA) "
            "card. If your plan pays for care outside its network, ask us for a superbill: a detailed "
            "receipt you send to your plan to claim money back.</p>",
        ),
        ("heading", {"text": "What if I need to cancel?", "level": "h2"}),
        (
            "paragraph",
            "<p>You can cancel or move a visit for free until 24 hours before it starts. After that, "
            "please call us, and we will do our best to help.</p>",
        ),
    ],
}

FAQ = {
    "slug": "questions",
    "title": "Common questions",
    "summary": "Short answers to what new patients most often ask us before a first visit.",
    "body": [
        (
            "faq",
            {
                "title": "Before your first visit",
                "items": [
                    {
                        "question": "Does it hurt?",
                        "answer": "<p>Most people feel a tiny prick, then a dull, heavy feeling that "
                        "fades. Dry needling can cause a brief twitch and some soreness for a day. "
                        "Tell us at any time if you want us to stop.</p>",
                    },
                    {
                        "question": "What should I wear?",
                        "answer": "<p>Loose, comfortable clothes, such as a T-shirt or a tank top, so "
                        "we can reach your neck and shoulders.</p>",
                    },
                    {
                        "question": "How many visits will I need?",
                        "answer": "<p>It depends on how long you have had the problem. We give you an "
                        "honest estimate at your first visit and check it with you as we go.</p>",
                    },
                    {
                        "question": "Is dry needling the same as acupuncture?",
                        "answer": "<p>Both use fine needles, but they come from different traditions. "
                        "Acupuncture comes from Traditional Chinese Medicine; dry needling is a "
                        "physical therapy technique aimed at knots in muscle.</p>",
                    },
                    {
                        "question": "Can I come if I am pregnant?",
                        "answer": "<p>Please ask us first. Some treatments are changed or left out in "
                        "pregnancy, so we talk it through before you book.</p>",
                    },
                    {
                        "question": "What should I bring to my first visit?",
                        "answer": "<p>A list of the medicines you take, any scans or letters about your "
                        "neck or headaches, and your insurance or HSA card if you plan to use it.</p>",
                    },
                ],
            },
        ),
    ],
}

ACCESSIBILITY = {
    "slug": "accessibility",
    "title": "Accessibility statement",
    "summary": "How we make this website work for everyone, and what to do if something gets in your way.",
    "body": [
        (
            "paragraph",
            "<p>We want everyone to be able to read this site and ask us for care. We aim to meet the Web "
            "Content Accessibility Guidelines (WCAG) 2.2 at level AA. The site works with a keyboard, "
            "with screen readers, on small screens and when text is enlarged, and it needs no "
            "JavaScript.</p>",
        ),
        ("heading", {"text": "How do I tell you about a problem?", "level": "h2"}),
        (
            "paragraph",
            "<p>If a page is hard to use, please tell us which page and what happened. Call (555) "
            "014-3370 or email frontdesk@example.com. We reply within five working days.</p>",
        ),
        ("heading", {"text": "Can I book another way?", "level": "h2"}),
        (
            "paragraph",
            "<p>Yes. You can book any visit by phone or email instead of online; the front desk will "
            "find a time with you.</p>",
        ),
    ],
}
