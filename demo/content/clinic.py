"""The clinic itself: its details, its practitioners, the demo images and the privacy notice version."""

CLINIC = dict(
    name="Larkmoor Demo Integrative Clinic",
    tagline="Acupuncture and physical therapy for neck pain and headaches",
    site_notice=("A demo clinic: its names, address, prices and people are made up for trying the site."),
    street_address="100 Example Avenue, Suite 200",
    locality="Larkmoor",
    region="WA",
    postal_code="98000",
    country="US",
    phone="(555) 014-3370",
    email="frontdesk@example.com",
    area_served=(
        "the city of Larkmoor and its nearby suburbs of Quillan Heights, Fennaby, Wrenfield Commons "
        "and Saltmeadow"
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
            "<p>What her letters mean: L.Ac. says she holds a state licence to practise acupuncture; DACM "
            "says she went on to a doctorate in acupuncture and Chinese medicine.</p>"
            "<p><i>Demo profile: staff replace this in the admin.</i></p>"
        ),
        "conditions": ["neck-pain", "tension-type-headache", "cervicogenic-headache"],
        "treatments": ["acupuncture", "cupping"],
        "languages": ["English", "French"],
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
            "when a patient needs both kinds of care.</p>"
            "<p>What his letters mean: L.Ac. is his acupuncture licence; DAOM is a doctorate in acupuncture "
            "and Oriental medicine, the older name for the same advanced degree.</p>"
            "<p><i>Demo profile: staff replace this in the admin.</i></p>"
        ),
        "conditions": ["migraine", "tension-type-headache", "neck-pain"],
        "treatments": ["acupuncture", "cupping"],
        "languages": ["English", "Spanish"],
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
            "<p>What her letters mean: PT says she is a licensed physical therapist; DPT is the clinical "
            "doctorate physical therapists now train for.</p>"
            "<p><i>Demo profile: staff replace this in the admin.</i></p>"
        ),
        "conditions": ["neck-pain", "cervicogenic-headache", "tension-type-headache", "sciatica"],
        "treatments": ["dry-needling"],
        "languages": ["English", "Swedish"],
        "image": "portrait-priya-lindqvist",
    },
]

# Drawn by the loader from kind and hue.
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
            "Illustration of a head and neck from the side, shaded where neck-driven head pain is "
            "felt: the back of the head and the crown"
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

PRIVACY_VERSION = "2026-11-01"
