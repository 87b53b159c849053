"""Opening hours as editors type them ("Monday–Friday", "Mon, Wed & Fri") turned into schema.org data."""

import re

SCHEMA = "https://schema.org"

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAY_GROUPS = {
    "weekdays": WEEKDAYS[:5],
    "weekday": WEEKDAYS[:5],
    "weekends": WEEKDAYS[5:],
    "weekend": WEEKDAYS[5:],
    "daily": WEEKDAYS,
    "every day": WEEKDAYS,
    "everyday": WEEKDAYS,
    "all week": WEEKDAYS,
    "7 days": WEEKDAYS,
}
DAY_ABBREVIATIONS = {
    "mo": 0,
    "tu": 1,
    "tues": 1,
    "we": 2,
    "weds": 2,
    "th": 3,
    "thur": 3,
    "thurs": 3,
    "fr": 4,
    "sa": 5,
    "su": 6,
}
DAY_RANGE = re.compile(r"\s*(?:[-‐‑‒–—―~]|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b)\s*")
DAY_LIST = re.compile(r"\s*(?:[,;&/+]|\band\b)\s*")


def _day_index(word):
    word = word.strip(" .").lower()
    if word in DAY_ABBREVIATIONS:
        return DAY_ABBREVIATIONS[word]
    for index, day in enumerate(WEEKDAYS):
        name = day.lower()
        if len(word) >= 3 and (name.startswith(word) or word == f"{name}s"):
            return index
    return None


def parse_days(label):
    """The days a label like "Monday–Friday", "Mon, Wed & Fri" or "Weekends" names, in its order.

    An empty list when any part of the label is not understood: better no hours than wrong ones.
    """
    text = " ".join(str(label or "").lower().split())
    if not text:
        return []
    if text in DAY_GROUPS:
        return list(DAY_GROUPS[text])
    days = []
    for part in DAY_LIST.split(text):
        if not part:
            continue
        if part in DAY_GROUPS:
            days.extend(DAY_GROUPS[part])
            continue
        ends = [end for end in DAY_RANGE.split(part) if end]
        indexes = [_day_index(end) for end in ends]
        if not indexes or None in indexes or len(indexes) > 2:
            return []
        if len(indexes) == 1:
            days.append(WEEKDAYS[indexes[0]])
        else:
            first, last = indexes
            span = (last - first) % 7
            days.extend(WEEKDAYS[(first + step) % 7] for step in range(span + 1))
    unique = []
    for day in days:
        if day not in unique:
            unique.append(day)
    return unique


def opening_hours(hours):
    """OpeningHoursSpecification entries from the clinic's hours blocks (days, opens, closes)."""
    entries = []
    for block in hours or []:
        value = block.value
        days = parse_days(value.get("days"))
        opens, closes = value.get("opens"), value.get("closes")
        if not days or opens is None or closes is None:
            continue
        entries.append(
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [f"{SCHEMA}/{day}" for day in days],
                "opens": opens.strftime("%H:%M"),
                "closes": closes.strftime("%H:%M"),
            }
        )
    return entries
