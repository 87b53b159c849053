"""Demo content for a fictional clinic, written as plain Python data.

Everything here describes a made-up clinic so that a fresh install shows a complete site. The demo
content loader (a management command in ``articles/management/commands/``) turns these constants into
pages, snippets and images; staff then replace the clinic details, people and articles in the admin.

Bodies are lists of ``(block_type, value)`` tuples matching ``articles.blocks.ClinicStreamBlock``.
Rich text may link to other demo pages as ``<a href="page:SLUG">``; the loader rewrites those links.
Images are referred to by key and drawn by the loader from ``kind`` and ``hue``.

This module has no Django imports, so it can be imported and checked on its own:
``python3 articles/demo/content.py`` prints word counts and verifies every cross-reference.
"""

import re

# ---------------------------------------------------------------------------------------------------
# The clinic
# ---------------------------------------------------------------------------------------------------

CLINIC = dict(
    name="Larkmoor Demo Integrative Clinic",
    tagline=(
        "Acupuncture and physical therapy for neck pain and headaches. "
        "(Demo content: staff replace it in the admin.)"
    ),
    street_address="100 Example Avenue, Suite 200",
    locality="Larkmoor",
    region="WA",
    postal_code="98000",
    country="US",
    phone="(555) 014-3370",
    email="frontdesk@example.com",
    area_served=(
        "We care for people in the city of Larkmoor and its nearby suburbs of Quillan Heights, "
        "Fennaby, Wrenfield Commons and Saltmeadow."
    ),
    hours=[
        {"days": "Monday–Thursday", "opens": "08:00", "closes": "19:00"},
        {"days": "Friday", "opens": "08:00", "closes": "17:00"},
        {"days": "Saturday", "opens": "09:00", "closes": "13:00"},
    ],
    emergency_number="911",
    red_flag_text=(
        "<p>For some symptoms, needling and hands-on care are not the right first step. "
        "Please see a physician, or call 911 or go to an emergency room, if you have:</p>"
        "<ul>"
        "<li>a sudden headache that feels like the worst of your life</li>"
        "<li>any headache that began after a blow or knock to the head</li>"
        "<li>a headache that comes with a fever, changes in your sight, loss of strength, "
        "or muddled or confused thinking</li>"
        "<li>numbness, weakness or other nerve symptoms that are getting worse</li>"
        "</ul>"
        "<p>Once a doctor has checked you, we’re glad to talk about whether our care is a good fit.</p>"
    ),
)

# ---------------------------------------------------------------------------------------------------
# Practitioners
# ---------------------------------------------------------------------------------------------------

PRACTITIONERS = [
    {
        "key": "mara-ellison",
        "name": "Dr. Mara Ellison",
        "credentials": "DACM, L.Ac.",
        "job_title": "Licensed acupuncturist",
        "bio": (
            "<p>Mara has practiced acupuncture and Traditional Chinese Medicine for more than twelve "
            "years. Most of the people she sees come in with a stiff neck, tension headaches, or "
            "headaches that seem to start at the base of the skull. She likes to spend time at the "
            "first visit working out the pattern behind the pain, so the plan fits the whole person "
            "and not just the sore spot. Her treatments often combine acupuncture with cupping or "
            "gua sha, plus simple self-care you can do at home. Outside the clinic, she walks a lot "
            "and grows far too many tomatoes.</p>"
            "<p><i>Demo profile: staff replace this in the admin.</i></p>"
        ),
        "conditions": ["neck-pain", "tension-type-headache", "cervicogenic-headache"],
        "treatments": ["acupuncture", "cupping"],
        "image": "portrait-mara-ellison",
    },
    {
        "key": "sam-okafor",
        "name": "Dr. Sam Okafor",
        "credentials": "DAOM, L.Ac.",
        "job_title": "Licensed acupuncturist",
        "bio": (
            "<p>Sam trained in acupuncture and Traditional Chinese Medicine and later earned a "
            "doctorate with a focus on pain care. He has a special interest in migraine and in people "
            "whose headaches are tangled up with stress, poor sleep or long hours at a screen. Sam is "
            "known for explaining what he is doing and why, and for checking in often during "
            "treatment, so you always feel in control. He works closely with our physical therapist "
            "when a patient needs both kinds of care. He speaks English and Spanish.</p>"
            "<p><i>Demo profile: staff replace this in the admin.</i></p>"
        ),
        "conditions": ["migraine", "tension-type-headache", "neck-pain"],
        "treatments": ["acupuncture", "cupping"],
        "image": "portrait-sam-okafor",
    },
    {
        "key": "priya-lindqvist",
        "name": "Dr. Priya Lindqvist",
        "credentials": "PT, DPT",
        "job_title": "Physical therapist, dry needling",
        "bio": (
            "<p>Priya is a licensed physical therapist with extra training in dry needling. She works "
            "with neck pain, headaches that come from the neck, and back pain that runs down into the "
            "leg. Her sessions mix hands-on manual therapy, dry needling where it fits, and exercises "
            "that build strength and better posture over time. She believes the best plan is one you "
            "can actually keep up at home, so she keeps exercise programs short and practical. Before "
            "joining the clinic, she worked in a busy outpatient sports practice.</p>"
            "<p><i>Demo profile: staff replace this in the admin.</i></p>"
        ),
        "conditions": ["neck-pain", "cervicogenic-headache", "tension-type-headache", "sciatica"],
        "treatments": ["dry-needling"],
        "image": "portrait-priya-lindqvist",
    },
]

# ---------------------------------------------------------------------------------------------------
# Images (drawn by the loader from kind and hue)
# ---------------------------------------------------------------------------------------------------

IMAGES = [
    {
        "key": "home-hero",
        "title": "A calm treatment room",
        "alt": "Illustration of a calm, bright treatment room with a padded table beside a window",
        "kind": "clinic",
        "hue": 160,
    },
    {
        "key": "portrait-mara-ellison",
        "title": "Dr. Mara Ellison (demo portrait)",
        "alt": "Illustrated placeholder portrait of acupuncturist Dr. Mara Ellison",
        "kind": "portrait",
        "hue": 200,
    },
    {
        "key": "portrait-sam-okafor",
        "title": "Dr. Sam Okafor (demo portrait)",
        "alt": "Illustrated placeholder portrait of acupuncturist Dr. Sam Okafor",
        "kind": "portrait",
        "hue": 30,
    },
    {
        "key": "portrait-priya-lindqvist",
        "title": "Dr. Priya Lindqvist (demo portrait)",
        "alt": "Illustrated placeholder portrait of physical therapist Dr. Priya Lindqvist",
        "kind": "portrait",
        "hue": 280,
    },
    {
        "key": "condition-neck-pain",
        "title": "Neck pain",
        "alt": "Illustration of a neck and upper shoulders seen from behind, with the tight area shaded",
        "kind": "neck",
        "hue": 190,
    },
    {
        "key": "condition-tension-type-headache",
        "title": "Tension-type headache",
        "alt": (
            "Illustration of a head with a band of shading around the forehead and temples, "
            "where tension headaches are often felt"
        ),
        "kind": "head",
        "hue": 20,
    },
    {
        "key": "condition-cervicogenic-headache",
        "title": "Cervicogenic headache",
        "alt": (
            "Illustration of a head and neck from the side, with shading that starts at the base "
            "of the skull and spreads over the top of the head"
        ),
        "kind": "neck",
        "hue": 350,
    },
    {
        "key": "condition-migraine",
        "title": "Migraine",
        "alt": "Illustration of a head in profile with shading on one side, behind the eye and at the temple",
        "kind": "head",
        "hue": 260,
    },
    {
        "key": "condition-sciatica",
        "title": "Sciatica",
        "alt": (
            "Abstract illustration of a curving line running from the lower back down the back of "
            "one leg, suggesting the path of the sciatic nerve"
        ),
        "kind": "abstract",
        "hue": 100,
    },
    {
        "key": "treatment-acupuncture",
        "title": "Acupuncture needles",
        "alt": "Illustration of several very fine acupuncture needles and a thin guide tube on a tray",
        "kind": "needles",
        "hue": 170,
    },
    {
        "key": "treatment-dry-needling",
        "title": "Dry needling",
        "alt": "Illustration of a single fine, sterile needle beside a sketch of a knotted band of muscle",
        "kind": "needles",
        "hue": 210,
    },
    {
        "key": "treatment-cupping",
        "title": "Cupping",
        "alt": "Illustration of round glass cups resting on the upper back and tops of the shoulders",
        "kind": "cupping",
        "hue": 10,
    },
    {
        "key": "neck-muscles-referral",
        "title": "Neck muscles that refer pain to the head",
        "alt": (
            "Illustration of the muscles at the back and side of the neck, with dotted paths showing "
            "how they can refer pain to the temples, the forehead and behind the eyes"
        ),
        "kind": "neck",
        "hue": 230,
    },
]

# ---------------------------------------------------------------------------------------------------
# Home page
# ---------------------------------------------------------------------------------------------------

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
            "therapy with dry needling, so you can get both kinds of care under one roof.</p>",
        ),
        ("heading", {"text": "What do we treat?", "level": "h2"}),
        (
            "paragraph",
            '<p>Most of our patients come to us for one of these:</p>'
            "<ul>"
            '<li><a href="page:neck-pain">Neck pain</a>, including “tech neck” and old whiplash</li>'
            '<li><a href="page:tension-type-headache">Tension-type headache</a></li>'
            '<li><a href="page:cervicogenic-headache">Cervicogenic headache</a>, which starts in the '
            'neck</li>'
            '<li><a href="page:migraine">Migraine</a></li>'
            '<li><a href="page:sciatica">Sciatica</a></li>'
            "</ul>"
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
            "callout",
            {
                "variant": "info",
                "title": "This is a demo site",
                "text": (
                    "<p>The clinic name, address, team and articles on this site are sample content. "
                    "Staff replace them in the admin before the site goes live.</p>"
                ),
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

# ---------------------------------------------------------------------------------------------------
# Conditions
# ---------------------------------------------------------------------------------------------------

CONDITIONS = [
    {
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
    },
    {
        "slug": "tension-type-headache",
        "title": "Tension-type headache",
        "alternate_names": ["Tension headache", "Stress headache", "Muscle contraction headache"],
        "summary": (
            "The most common kind of headache: a dull, pressing band around the head, often tied to "
            "a tight neck, stress and long hours at a screen."
        ),
        "image": "condition-tension-type-headache",
        "symptoms": [
            "A dull, pressing or tight feeling rather than throbbing",
            "Pain on both sides of the head, like a band",
            "Tender muscles in the neck, shoulders or scalp",
            "Headaches that build through the working day",
            "Usually no nausea",
        ],
        "treatments": ["acupuncture", "dry-needling", "cupping"],
        "show_red_flags": True,
        "body": [
            (
                "paragraph",
                "<p>A tension-type headache is a dull, squeezing pain that often feels like a tight band "
                "around the head. It is the most common type of headache. A stiff neck and tight "
                "shoulders are often part of the picture, and easing them tends to ease the headaches "
                "too. Guidelines recommend acupuncture as one option to help prevent chronic "
                "tension-type headache.</p>",
            ),
            ("heading", {"text": "What does it feel like?", "level": "h2"}),
            (
                "paragraph",
                "<p>People often describe:</p>"
                "<ul>"
                "<li>pressure or tightness across the forehead, the temples or the back of the head</li>"
                "<li>pain on both sides of the head rather than one</li>"
                "<li>sore spots in the neck, shoulders or scalp</li>"
                "<li>a headache that creeps in over the afternoon and hangs around</li>"
                "</ul>"
                "<p>Unlike migraine, it usually doesn’t throb, and it rarely makes you feel sick to "
                "your stomach.</p>",
            ),
            ("heading", {"text": "What sets it off?", "level": "h2"}),
            (
                "paragraph",
                "<p>Common triggers include long stretches of screen work, a head that juts forward, "
                "clenching your jaw, poor sleep, skipped meals and stress. When the muscles at the base "
                "of the skull and across the shoulders stay tight for hours, they can send pain up into "
                'the head. Read more in <a href="page:tight-neck-tension-headaches">Could a tight neck '
                "be behind your tension headaches?</a></p>",
            ),
            ("heading", {"text": "How can we help?", "level": "h2"}),
            (
                "paragraph",
                "<p>We look at your neck, shoulders and jaw as well as the headache itself. Care may "
                'include <a href="page:acupuncture">acupuncture</a>, <a href="page:cupping">cupping</a> '
                'for a tight upper back, or <a href="page:dry-needling">dry needling</a> and exercises '
                "with our physical therapist. We’ll also talk about small changes, like the height of "
                "your screen and regular breaks, that may make headaches come less often.</p>",
            ),
            (
                "faq",
                {
                    "title": "Common questions about tension-type headache",
                    "items": [
                        {
                            "question": "Is a tension headache dangerous?",
                            "answer": (
                                "<p>Most are not. But some headaches need a doctor right away. Check the "
                                "warning signs on this page, and if any of them apply to you, please "
                                "get medical care first.</p>"
                            ),
                        },
                        {
                            "question": "Will I still need painkillers?",
                            "answer": (
                                "<p>That is a choice for you and your doctor. Many patients keep using "
                                "their usual medicine when they start treatment, and some report needing "
                                "it less often over time.</p>"
                            ),
                        },
                    ],
                },
            ),
            (
                "cta",
                {
                    "title": "Tired of the afternoon headache?",
                    "text": "Tell us how often your headaches come and what seems to set them off.",
                    "button_label": "Request a consultation",
                    "condition": "tension-type-headache",
                },
            ),
        ],
    },
    {
        "slug": "cervicogenic-headache",
        "title": "Cervicogenic headache",
        "alternate_names": ["Neck-related headache", "Headache from the neck", "Cervical headache"],
        "summary": (
            "A headache that starts in the neck and is felt in the head, often on one side. It tends "
            "to follow neck stiffness and long desk days."
        ),
        "image": "condition-cervicogenic-headache",
        "symptoms": [
            "Pain that starts at the base of the skull",
            "Pain on one side, often the stiffer side of the neck",
            "A headache set off by certain head positions or movements",
            "Less movement in the neck than usual",
            "Pain that painkillers alone rarely settle",
        ],
        "treatments": ["acupuncture", "dry-needling", "cupping"],
        "show_red_flags": True,
        "body": [
            (
                "paragraph",
                "<p>A cervicogenic headache is a headache that begins in the neck. Muscles and joints "
                "high in the neck send pain up into the head, so you feel the problem in your head, "
                "but its source is lower down. That’s why treating the neck is usually the key to "
                "easing this kind of headache.</p>",
            ),
            ("heading", {"text": "What does it feel like?", "level": "h2"}),
            (
                "paragraph",
                "<p>The pain usually:</p>"
                "<ul>"
                "<li>starts at the base of the skull and spreads over the top of the head or along one "
                "side</li>"
                "<li>sits on the same side as the tighter side of your neck</li>"
                "<li>gets worse after desk work or long drives</li>"
                "<li>rises and falls with how stiff your neck feels</li>"
                "<li>is set off by turning your head, or by holding it in one position for a while</li>"
                "</ul>",
            ),
            ("heading", {"text": "Why is it often mistaken for migraine?", "level": "h2"}),
            (
                "paragraph",
                "<p>Because it is often one-sided and can be strong, cervicogenic headache is easy to "
                'confuse with <a href="page:migraine">migraine</a>. A careful history and a check of '
                "how your neck moves help tell them apart. That matters, because the two call for "
                "different plans.</p>",
            ),
            ("heading", {"text": "How can we help?", "level": "h2"}),
            (
                "paragraph",
                "<p>We focus on the small muscles at the base of the skull, the upper trapezius across "
                "the top of the shoulders, and how the joints of your neck move. Depending on what we "
                'find, care may include <a href="page:acupuncture">acupuncture</a>, '
                '<a href="page:dry-needling">dry needling</a>, manual therapy, and exercises that build '
                "strength and better posture. Our article on "
                '<a href="page:dry-needling-headaches-neck-pain">dry needling for headaches and neck '
                "pain</a> explains more.</p>",
            ),
            (
                "faq",
                {
                    "title": "Common questions about cervicogenic headache",
                    "items": [
                        {
                            "question": "Why don’t painkillers work well for it?",
                            "answer": (
                                "<p>Painkillers can dull the pain for a while, but they don’t change "
                                "what is going on in the neck. That’s why the headache often comes back "
                                "once they wear off.</p>"
                            ),
                        },
                        {
                            "question": "Do I need a scan?",
                            "answer": (
                                "<p>Most people don’t. If your history or check-up suggests something "
                                "else may be going on, we’ll refer you to a physician, who can decide "
                                "whether a scan is needed.</p>"
                            ),
                        },
                    ],
                },
            ),
            (
                "cta",
                {
                    "title": "Do your headaches start in your neck?",
                    "text": (
                        "Let’s look at your neck and your headaches together and find a plan that treats "
                        "both."
                    ),
                    "button_label": "Request a consultation",
                    "condition": "cervicogenic-headache",
                },
            ),
        ],
    },
    {
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
    },
    {
        "slug": "sciatica",
        "title": "Sciatica",
        "alternate_names": ["Sciatic nerve pain", "Lumbar radicular pain", "Pain down the leg"],
        "summary": (
            "Pain that runs from the lower back or buttock down the back of one leg, often with "
            "tingling or numbness."
        ),
        "image": "condition-sciatica",
        "symptoms": [
            "Pain running from the lower back or buttock down one leg",
            "Tingling or pins and needles in the leg or foot",
            "Numbness in part of the leg or foot",
            "Pain that is worse after sitting for a long time",
            "Leg pain that is often worse than the back pain",
        ],
        "treatments": ["dry-needling", "acupuncture"],
        "show_red_flags": False,
        "body": [
            (
                "paragraph",
                "<p>Sciatica is pain that travels along the sciatic nerve, from the lower back or "
                "buttock down the back of the leg. It happens when the nerve, or one of the nerve roots "
                "that form it, is irritated or squeezed. For many people it eases over several weeks, "
                "and physical therapy can help you stay active while it settles.</p>",
            ),
            ("heading", {"text": "What does it feel like?", "level": "h2"}),
            (
                "paragraph",
                "<p>Sciatica usually affects one leg. You might feel:</p>"
                "<ul>"
                "<li>a sharp, burning or shooting pain down the back of the leg</li>"
                "<li>tingling or pins and needles in the leg or foot</li>"
                "<li>numbness or a weak feeling in part of the leg</li>"
                "<li>pain that gets worse when you sit for a long time, cough or sneeze</li>"
                "</ul>",
            ),
            ("heading", {"text": "What causes it?", "level": "h2"}),
            (
                "paragraph",
                "<p>A common cause is a disc in the lower back that bulges and presses on a nerve root. "
                "Narrowing of the spaces in the spine, tight muscles deep in the buttock, and long hours "
                "of sitting can also play a part.</p>",
            ),
            (
                "callout",
                {
                    "variant": "red_flag",
                    "title": "Get urgent medical help if…",
                    "text": (
                        "<p>Sciatica is rarely an emergency, but call 911 or go to an emergency room if "
                        "you have:</p>"
                        "<ul>"
                        "<li>trouble controlling your bladder or bowels</li>"
                        "<li>numbness around your genitals or buttocks</li>"
                        "<li>weakness in both legs, or weakness that is quickly getting worse</li>"
                        "</ul>"
                    ),
                },
            ),
            ("heading", {"text": "How can we help?", "level": "h2"}),
            (
                "paragraph",
                "<p>Our physical therapist will check how your back and legs move and test how your "
                "nerves are working. Care may include exercises, manual therapy and, where it fits, "
                '<a href="page:dry-needling">dry needling</a> for tight muscles around the hip and lower '
                'back. Some patients also choose <a href="page:acupuncture">acupuncture</a>. We don’t '
                "have an article on sciatica yet, but we’re happy to answer your questions at your "
                "first visit.</p>",
            ),
            (
                "faq",
                {
                    "title": "Common questions about sciatica",
                    "items": [
                        {
                            "question": "Should I rest in bed?",
                            "answer": (
                                "<p>A short rest can help for a day or two when the pain is bad, but "
                                "guidelines recommend staying as active as you comfortably can. Gentle "
                                "walking is often a good place to start.</p>"
                            ),
                        },
                        {
                            "question": "Will I need surgery?",
                            "answer": (
                                "<p>Most people with sciatica don’t. If your symptoms are severe or "
                                "don’t improve, we’ll help you get a medical opinion.</p>"
                            ),
                        },
                    ],
                },
            ),
            (
                "cta",
                {
                    "title": "Pain running down your leg?",
                    "text": "Tell us about your symptoms and we’ll help you work out a sensible first step.",
                    "button_label": "Request a consultation",
                    "condition": "sciatica",
                },
            ),
        ],
    },
]

# ---------------------------------------------------------------------------------------------------
# Treatments
# ---------------------------------------------------------------------------------------------------

TREATMENTS = [
    {
        "slug": "acupuncture",
        "title": "Acupuncture",
        "summary": (
            "Very fine, sterile needles placed at chosen points to ease muscle tension and calm an "
            "overactive nervous system, given by licensed acupuncturists."
        ),
        "image": "treatment-acupuncture",
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

# ---------------------------------------------------------------------------------------------------
# Articles A–E
# ---------------------------------------------------------------------------------------------------

ARTICLES = [
    # A. A tight neck as the source of tension headaches (acupuncture)
    {
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
        "body": [
            (
                "paragraph",
                "<p>Very often, yes. A stiff, tight neck is one of the usual causes of tension-type "
                "headaches and of cervicogenic headaches, the kind that start in the neck. The link "
                "works both ways: when the neck loosens up, those headaches tend to ease as well. That’s "
                "why we treat the neck and the headache as one problem, not two.</p>",
            ),
            (
                "quick_version",
                {
                    "title": "The quick version",
                    "points": [
                        "A tight neck is a common cause of tension-type and neck-related headaches.",
                        "Reviews find acupuncture can help chronic neck pain, and guidelines recommend it "
                        "to help prevent chronic tension-type headache.",
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
                "<li>starts at the base of the skull and spreads over the top of the head or along one "
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
                "<li>the small muscles at the base of the skull, called the suboccipitals</li>"
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
                            "text": (
                                "As your symptoms ease, we adjust the treatment and space out your visits."
                            ),
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
    },
    # B. When migraine starts in the neck
    {
        "slug": "when-migraine-starts-in-the-neck",
        "title": "When migraine starts in the neck: what’s going on?",
        "summary": (
            "Many people feel migraine begin in the neck. How tight neck muscles can feed attacks, and "
            "how acupuncture and home care may help."
        ),
        "image": "neck-muscles-referral",
        "conditions": ["migraine", "neck-pain", "cervicogenic-headache"],
        "author": "sam-okafor",
        "reviewer": "mara-ellison",
        "last_reviewed": "2026-10-14",
        "first_published": "2026-07-21",
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
    },
    # C. Can acupuncture help neck pain?
    {
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
        "body": [
            (
                "paragraph",
                "<p>For many people, yes. Reviews find that acupuncture can help with chronic neck pain, "
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
                        "Acupuncture may help by relaxing muscles, calming irritated nerves and lowering "
                        "stress.",
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
                        "Request a first visit and we’ll check how your neck moves and talk through your "
                        "options."
                    ),
                    "button_label": "Request a consultation",
                    "condition": "neck-pain",
                },
            ),
        ],
    },
    # D. Is acupuncture the answer for neck pain? Realistic expectations
    {
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
    },
    # E. Dry needling for headaches and neck pain (physical therapy)
    {
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
    },
]

# ---------------------------------------------------------------------------------------------------
# About, privacy and terms
# ---------------------------------------------------------------------------------------------------

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
        (
            "callout",
            {
                "variant": "info",
                "title": "This is demo content",
                "text": (
                    "<p>The clinic, its address, phone number, team and articles on this site are made "
                    "up. They show how the website works. Staff replace them with real details in the "
                    "admin before the site goes live.</p>"
                ),
            },
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

PRIVACY_VERSION = "2026-11-01"

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
            "go ahead, we delete it after a set period. In this demo, that period is 90 days. If you "
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


# ---------------------------------------------------------------------------------------------------
# Helpers and self-check
# ---------------------------------------------------------------------------------------------------

_TAG_RE = re.compile(r"<[^>]+>")
# Value keys that hold references or choices rather than words a reader sees.
_NON_TEXT_KEYS = {"image", "article", "condition", "level", "variant"}


def _texts(value):
    """Yield every piece of reader-facing text inside a block value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _NON_TEXT_KEYS:
                yield from _texts(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)


def word_count(body):
    """Count the words a reader sees across all blocks of a body, with HTML tags stripped."""
    total = 0
    for _block_type, value in body:
        for text in _texts(value):
            total += len(_TAG_RE.sub(" ", text).split())
    return total


def _check():
    """Return a list of problems: unresolved keys, slugs or page links, and block-shape mistakes."""
    problems = []
    image_keys = {image["key"] for image in IMAGES}
    practitioner_keys = {p["key"] for p in PRACTITIONERS}
    condition_slugs = {c["slug"] for c in CONDITIONS}
    treatment_slugs = {t["slug"] for t in TREATMENTS}
    article_slugs = {a["slug"] for a in ARTICLES}
    page_slugs = condition_slugs | treatment_slugs | article_slugs | {ABOUT["slug"], PRIVACY["slug"]}
    allowed_tags = {"p", "b", "i", "ul", "ol", "li", "a"}
    kinds = {"neck", "head", "needles", "cupping", "portrait", "clinic", "abstract"}

    def need(ok, message):
        if not ok:
            problems.append(message)

    def check_html(where, html):
        need(html.startswith("<"), f"{where}: rich text should start with a tag")
        for tag in re.findall(r"</?([a-zA-Z0-9]+)", html):
            need(tag in allowed_tags, f"{where}: tag <{tag}> not allowed")
        for href in re.findall(r'<a\s+([^>]*)>', html):
            match = re.fullmatch(r'href="page:([a-z0-9-]+)"', href.strip())
            need(match is not None, f"{where}: unexpected link attributes {href!r}")
            if match:
                need(match.group(1) in page_slugs, f"{where}: page link to unknown slug {match.group(1)!r}")
        need(html.count("<") == html.count(">"), f"{where}: unbalanced angle brackets")
        need("'" not in _TAG_RE.sub("", html), f"{where}: straight apostrophe in text")

    def check_len(where, text, limit):
        need(isinstance(text, str) and 0 < len(text) <= limit, f"{where}: length {len(text)} over {limit}")

    def check_body(where, body):
        for index, block in enumerate(body):
            at = f"{where}[{index}]"
            need(isinstance(block, tuple) and len(block) == 2, f"{at}: not a (type, value) tuple")
            kind, value = block
            if kind == "paragraph":
                check_html(at, value)
            elif kind == "heading":
                need(set(value) == {"text", "level"}, f"{at}: heading keys")
                need(value["level"] in {"h2", "h3"}, f"{at}: heading level")
                check_len(at, value["text"], 120)
            elif kind == "quick_version":
                need(set(value) == {"title", "points"}, f"{at}: quick_version keys")
                need(2 <= len(value["points"]) <= 6, f"{at}: quick_version needs 2-6 points")
                for point in value["points"]:
                    check_len(at, point, 240)
            elif kind == "faq":
                need(set(value) == {"title", "items"}, f"{at}: faq keys")
                for item in value["items"]:
                    need(set(item) == {"question", "answer"}, f"{at}: faq item keys")
                    check_len(at, item["question"], 200)
                    check_html(at, item["answer"])
            elif kind == "callout":
                need(set(value) == {"variant", "title", "text"}, f"{at}: callout keys")
                need(value["variant"] in {"info", "tip", "red_flag"}, f"{at}: callout variant")
                check_len(at, value["title"], 120)
                check_html(at, value["text"])
            elif kind == "steps":
                need(set(value) == {"title", "steps"}, f"{at}: steps keys")
                need(len(value["steps"]) >= 2, f"{at}: steps needs at least 2")
                for step in value["steps"]:
                    need(set(step) == {"title", "text"}, f"{at}: step keys")
                    check_len(at, step["title"], 120)
            elif kind == "image":
                need(set(value) == {"image", "caption"}, f"{at}: image keys")
                need(value["image"] in image_keys, f"{at}: unknown image {value['image']!r}")
                check_len(at, value["caption"], 250)
            elif kind == "quote":
                need(set(value) == {"text", "attribution"}, f"{at}: quote keys")
                check_len(at, value["text"], 500)
                check_len(at, value["attribution"], 120)
            elif kind == "related_article":
                need(set(value) == {"article", "label"}, f"{at}: related_article keys")
                need(value["article"] in article_slugs, f"{at}: unknown article {value['article']!r}")
                check_len(at, value["label"], 200)
            elif kind == "cta":
                need(set(value) == {"title", "text", "button_label", "condition"}, f"{at}: cta keys")
                need(value["condition"] in condition_slugs | {None}, f"{at}: unknown condition")
                check_len(at, value["title"], 120)
                check_len(at, value["text"], 400)
                check_len(at, value["button_label"], 60)
            else:
                problems.append(f"{at}: unknown block type {kind!r}")

    for image in IMAGES:
        need(image["kind"] in kinds, f"image {image['key']}: kind {image['kind']!r}")
        need(0 <= image["hue"] <= 360, f"image {image['key']}: hue")
        need(bool(image["alt"]) and bool(image["title"]), f"image {image['key']}: alt/title")
    need(len(image_keys) == len(IMAGES), "duplicate image keys")

    check_html("CLINIC.red_flag_text", CLINIC["red_flag_text"])
    need(CLINIC["email"].endswith("@example.com"), "clinic email must be @example.com")
    need("555" in CLINIC["phone"], "clinic phone must be a 555 number")

    for p in PRACTITIONERS:
        where = f"practitioner {p['key']}"
        need(p["image"] in image_keys, f"{where}: unknown image")
        need(set(p["conditions"]) <= condition_slugs, f"{where}: unknown condition")
        need(set(p["treatments"]) <= treatment_slugs, f"{where}: unknown treatment")
        check_html(where, p["bio"])

    need(HOME["hero_image"] in image_keys, "home: unknown hero image")
    check_body("home", HOME["body"])

    expected = ["neck-pain", "tension-type-headache", "cervicogenic-headache", "migraine", "sciatica"]
    need([c["slug"] for c in CONDITIONS] == expected, "condition slugs differ from the brief")
    for c in CONDITIONS:
        where = f"condition {c['slug']}"
        need(c["image"] in image_keys, f"{where}: unknown image")
        need(set(c["treatments"]) <= treatment_slugs, f"{where}: unknown treatment")
        need(len(c["summary"]) <= 160, f"{where}: summary over 160 characters")
        check_body(where, c["body"])

    need([t["slug"] for t in TREATMENTS] == ["acupuncture", "dry-needling", "cupping"], "treatment slugs")
    for t in TREATMENTS:
        where = f"treatment {t['slug']}"
        need(t["image"] in image_keys, f"{where}: unknown image")
        need(len(t["summary"]) <= 160, f"{where}: summary over 160 characters")
        check_body(where, t["body"])

    for a in ARTICLES:
        where = f"article {a['slug']}"
        need(a["image"] is None or a["image"] in image_keys, f"{where}: unknown image")
        need(set(a["conditions"]) <= condition_slugs and a["conditions"], f"{where}: conditions")
        need(a["author"] in practitioner_keys, f"{where}: unknown author")
        need(a["reviewer"] in practitioner_keys, f"{where}: unknown reviewer")
        need(a["author"] != a["reviewer"], f"{where}: author and reviewer must differ")
        need(len(a["summary"]) <= 160, f"{where}: summary over 160 characters")
        need(re.fullmatch(r"2026-10-\d\d", a["last_reviewed"]) is not None, f"{where}: last_reviewed")
        need(re.fullmatch(r"2026-\d\d-\d\d", a["first_published"]) is not None, f"{where}: first_published")
        need(a["body"][-1][0] == "cta", f"{where}: should end with a cta block")
        need(500 <= word_count(a["body"]) <= 1000, f"{where}: {word_count(a['body'])} words")
        check_body(where, a["body"])
    need(ARTICLES[0]["body"][-2][0] == "steps", "article A should end with its next-steps sequence")

    for page in (ABOUT, PRIVACY, TERMS):
        where = f"page {page['slug']}"
        need(len(page["summary"]) <= 160, f"{where}: summary over 160 characters")
        check_body(where, page["body"])

    return problems


if __name__ == "__main__":
    for group, items, key in (
        ("Articles", ARTICLES, "slug"),
        ("Conditions", CONDITIONS, "slug"),
        ("Treatments", TREATMENTS, "slug"),
        ("Pages", [HOME, ABOUT, PRIVACY, TERMS], "title"),
    ):
        print(group)
        for item in items:
            print(f"  {word_count(item['body']):5d}  {item[key]}")
    for p in PRACTITIONERS:
        print(f"  bio {word_count([('paragraph', p['bio'])]):3d}  {p['name']}")
    found = _check()
    for problem in found:
        print("PROBLEM:", problem)
    print("All references resolve." if not found else f"{len(found)} problem(s) found.")
    raise SystemExit(1 if found else 0)
