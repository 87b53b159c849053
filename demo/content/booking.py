"""Online booking at the demo clinic: the visits patients can book, who works when, and a holiday.

Times are the clinic's local time. Prices are demo values, obviously made up.
"""

BOOKING_RULES = dict(
    online_booking=True,
    booking_notice_hours=12,
    booking_horizon_days=60,
    booking_slot_minutes=15,
    cancellation_policy=(
        "Free to cancel or move until 24 hours before your visit. Later than that, please call."
    ),
)

APPOINTMENT_TYPES = [
    {
        "key": "first-visit",
        "name": "New-patient consultation and first treatment",
        "description": "Your first visit: full health history, a movement check, an assessment and a first "
        "treatment if it suits you.",
        "duration_minutes": 60,
        "buffer_after_minutes": 15,
        "new_patients_only": True,
        "price": "120.00",
        "practitioners": ["mara-ellison", "sam-okafor", "priya-lindqvist"],
    },
    {
        "key": "follow-up-acupuncture",
        "name": "Follow-up acupuncture",
        "description": "For patients who have had their first visit with one of our acupuncturists.",
        "duration_minutes": 45,
        "buffer_after_minutes": 10,
        "price": "85.00",
        "practitioners": ["mara-ellison", "sam-okafor"],
    },
    {
        "key": "follow-up-physical-therapy",
        "name": "Follow-up physical therapy and dry needling",
        "description": "A shorter session of manual therapy, dry needling and exercises with our physical "
        "therapist.",
        "duration_minutes": 30,
        "buffer_after_minutes": 10,
        "price": "75.00",
        "practitioners": ["priya-lindqvist"],
    },
]

# (weekday, from, until), Monday = 0. Sam works part time; everyone takes a lunch break.
WORKING_HOURS = {
    "mara-ellison": [
        (day, start, end) for day in (0, 1, 2, 3) for start, end in (("09:00", "12:30"), ("13:30", "18:00"))
    ],
    "sam-okafor": [
        (1, "08:00", "12:00"),
        (1, "13:00", "16:00"),
        (3, "11:00", "13:00"),
        (3, "14:00", "19:00"),
        (5, "09:00", "13:00"),
    ],
    "priya-lindqvist": [
        (day, start, end) for day in (0, 2, 4) for start, end in (("08:00", "12:00"), ("12:45", "17:00"))
    ],
}

#: One public holiday when the clinic closes: the next of these (month, day) still to come.
HOLIDAYS = [
    ("New Year's Day", 1, 1),
    ("Independence Day", 7, 4),
    ("Christmas Day", 12, 25),
]

# Demo appointments in the coming week: (days from the load day's next working day for the
# practitioner, practitioner, visit, local time, status). Patients are obviously made up.
APPOINTMENTS = [
    (0, "mara-ellison", "first-visit", "09:30", "Demo Booking Alder"),
    (0, "mara-ellison", "follow-up-acupuncture", "14:00", "Demo Booking Birch"),
    (1, "mara-ellison", "follow-up-acupuncture", "10:00", "Demo Booking Cedar"),
    (0, "sam-okafor", "first-visit", "08:30", "Demo Booking Dogwood"),
    (1, "sam-okafor", "follow-up-acupuncture", "14:15", "Demo Booking Elm"),
    (0, "priya-lindqvist", "follow-up-physical-therapy", "08:00", "Demo Booking Fir"),
    (0, "priya-lindqvist", "first-visit", "13:00", "Demo Booking Hazel"),
    (1, "priya-lindqvist", "follow-up-physical-therapy", "15:30", "Demo Booking Juniper"),
]
