"""One week of free times, as step 2 of online booking shows them: Monday to Sunday, day by day."""

import bisect
import datetime
from dataclasses import dataclass

from django.utils.html import format_html_join

ONE_WEEK = datetime.timedelta(days=7)


def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


def time_text(moment, zone):
    """ "9:15 AM" in the clinic's zone (formatted here: a week can hold hundreds of times)."""
    return moment.astimezone(zone).strftime("%-I:%M %p")


@dataclass(frozen=True)
class Day:
    """A date of the week with its free times as (time text, link) pairs; ``past`` before today."""

    date: datetime.date
    times: list
    past: bool

    @property
    def label(self):
        return self.date.strftime("%A, %B %-d")

    def links_html(self):
        """The day's times as list items, each link named with its day for screen readers. Written here
        rather than in a template loop, which took most of the page's time with a week's hundreds."""
        return format_html_join(
            "\n",
            '<li><a class="slot" href="{}">{}<span class="visually-hidden">, {}</span></a></li>',
            ((link, text, self.label) for text, link in self.times),
        )


@dataclass(frozen=True)
class Week:
    """The week starting on ``monday``, in the clinic's zone."""

    monday: datetime.date
    zone: datetime.tzinfo

    @classmethod
    def showing(cls, asked, slots, rules):
        """The week asked for when it is within the horizon, else the week of the first free time."""
        first = monday_of(rules.now.astimezone(rules.zone).date())
        last = monday_of(rules.latest.astimezone(rules.zone).date())
        if asked is not None and first <= monday_of(asked) <= last:
            return cls(monday_of(asked), rules.zone)
        if slots:
            return cls(monday_of(slots[0].start.astimezone(rules.zone).date()), rules.zone)
        return cls(first, rules.zone)

    @property
    def sunday(self):
        return self.monday + datetime.timedelta(days=6)

    def slots_in(self, slots):
        """The slots that start in this week (``slots`` are sorted by start: found by bisection)."""
        first = datetime.datetime.combine(self.monday, datetime.time(0), tzinfo=self.zone)
        after = datetime.datetime.combine(self.monday + ONE_WEEK, datetime.time(0), tzinfo=self.zone)
        starts = [slot.start for slot in slots]
        return slots[bisect.bisect_left(starts, first) : bisect.bisect_left(starts, after)]

    def days(self, slots, links):
        """The seven days, each with the free times that start on it."""
        today = datetime.datetime.now(self.zone).date()
        by_day = {}
        for slot in slots:
            local = slot.start.astimezone(self.zone)
            by_day.setdefault(local.date(), []).append((time_text(local, self.zone), links[slot]))
        dates = [self.monday + datetime.timedelta(days=n) for n in range(7)]
        return [Day(date, by_day.get(date, []), date < today) for date in dates]

    def earlier(self, rules):
        """The Monday before, unless this is the current week."""
        monday = self.monday - ONE_WEEK
        return monday if monday >= monday_of(rules.now.astimezone(rules.zone).date()) else None

    def later(self, rules):
        """The Monday after, unless that week is past the horizon."""
        monday = self.monday + ONE_WEEK
        return monday if monday <= rules.latest.astimezone(rules.zone).date() else None
