"""What the clinic offers and when: appointment types, each practitioner's weekly hours, their time off
and extra hours, and the days the whole clinic is closed.

Managers set these up in the admin (Appointments › Booking setup); the free-time engine
(``booking.availability``) reads them as plain values. Times of day are the clinic's local time
(``settings.TIME_ZONE``), as staff think of them; appointments themselves are stored in UTC.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


class AppointmentType(models.Model):
    """A kind of visit patients can book, such as a new-patient consultation or a follow-up."""

    name = models.CharField(max_length=120, help_text="As patients see it, e.g. “Follow-up acupuncture”.")
    description = models.CharField(
        max_length=255, blank=True, help_text="One line for patients choosing a visit: who it is for."
    )
    duration_minutes = models.PositiveSmallIntegerField(
        "length (minutes)", validators=[MinValueValidator(5), MaxValueValidator(480)]
    )
    buffer_before_minutes = models.PositiveSmallIntegerField(
        "buffer before (minutes)",
        default=0,
        validators=[MaxValueValidator(120)],
        help_text="Time the practitioner keeps free before the visit (preparing the room).",
    )
    buffer_after_minutes = models.PositiveSmallIntegerField(
        "buffer after (minutes)",
        default=0,
        validators=[MaxValueValidator(120)],
        help_text="Time kept free after the visit (notes, cleaning the room).",
    )
    new_patients_only = models.BooleanField(
        default=False, help_text="Only for people who have not been to the clinic before."
    )
    practitioners = models.ManyToManyField(
        "articles.Practitioner",
        blank=True,
        related_name="appointment_types",
        help_text="Who offers this visit.",
    )
    price = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Shown to patients when they choose a visit. Leave empty to show no price.",
    )
    bookable_online = models.BooleanField(
        default=True, help_text="Patients can book this visit on the website (staff always can)."
    )
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers are listed first.")

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("description"), FieldPanel("price")], "For patients"),
        MultiFieldPanel(
            [
                FieldPanel("duration_minutes"),
                FieldRowPanel([FieldPanel("buffer_before_minutes"), FieldPanel("buffer_after_minutes")]),
            ],
            "Length",
        ),
        FieldPanel("practitioners"),
        MultiFieldPanel(
            [FieldPanel("new_patients_only"), FieldPanel("bookable_online"), FieldPanel("sort_order")],
            "Booking",
        ),
    ]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return f"{self.name} ({self.duration_minutes} min)"

    @property
    def duration(self):
        return datetime.timedelta(minutes=self.duration_minutes)

    @property
    def buffer_before(self):
        return datetime.timedelta(minutes=self.buffer_before_minutes)

    @property
    def buffer_after(self):
        return datetime.timedelta(minutes=self.buffer_after_minutes)


class PractitionerSchedule(ClusterableModel):
    """A practitioner's usual week at the clinic: the hours they see patients on each weekday."""

    practitioner = models.OneToOneField(
        "articles.Practitioner", on_delete=models.CASCADE, related_name="booking_schedule"
    )
    accepts_online_bookings = models.BooleanField(
        default=True, help_text="Patients can book this practitioner on the website."
    )

    panels = [
        FieldPanel("practitioner"),
        FieldPanel("accepts_online_bookings"),
        InlinePanel(
            "hours",
            heading="Weekly hours",
            label="Hours",
            help_text="Add a row for each stretch of time; leave a gap for lunch. Clinic's local time.",
        ),
    ]

    class Meta:
        ordering = ["practitioner__sort_order", "practitioner__name"]
        verbose_name = "working hours"
        verbose_name_plural = "working hours"

    def __str__(self):
        return f"Working hours of {self.practitioner}"


def check_days(starts_on, ends_on):
    """A ValidationError when a range of days ends before it starts."""
    if ends_on and starts_on and ends_on < starts_on:
        raise ValidationError({"ends_on": "The last day must not be before the first."})


def check_times(starts_at, ends_at, error_field="ends_at"):
    """A ValidationError when a range of the day ends before it starts."""
    if starts_at is not None and ends_at is not None and ends_at <= starts_at:
        raise ValidationError({error_field: "The end must be later than the start."})


class WorkingHours(Orderable):
    """One stretch of a weekday when a practitioner sees patients, e.g. Monday 9:00–12:30."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, "Monday"
        TUESDAY = 1, "Tuesday"
        WEDNESDAY = 2, "Wednesday"
        THURSDAY = 3, "Thursday"
        FRIDAY = 4, "Friday"
        SATURDAY = 5, "Saturday"
        SUNDAY = 6, "Sunday"

    schedule = ParentalKey(PractitionerSchedule, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    starts_at = models.TimeField("from")
    ends_at = models.TimeField("until")

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("starts_at"), FieldPanel("ends_at")])]

    class Meta(Orderable.Meta):
        verbose_name = "weekly hours"
        verbose_name_plural = "weekly hours"

    def clean(self):
        check_times(self.starts_at, self.ends_at)


class ScheduleException(models.Model):
    """A change to one practitioner's usual week: time off (a holiday, a course) or extra hours."""

    class Kind(models.TextChoices):
        TIME_OFF = "time_off", "Time off"
        EXTRA_HOURS = "extra_hours", "Extra hours"

    practitioner = models.ForeignKey(
        "articles.Practitioner", on_delete=models.CASCADE, related_name="schedule_exceptions"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.TIME_OFF)
    starts_on = models.DateField("from (date)")
    starts_at = models.TimeField(
        "from (time)", null=True, blank=True, help_text="Empty: the start of the day."
    )
    ends_on = models.DateField(
        "until (date)", null=True, blank=True, help_text="Empty: the same day. Extra hours are one day."
    )
    ends_at = models.TimeField("until (time)", null=True, blank=True, help_text="Empty: the end of the day.")
    note = models.CharField(
        max_length=120, blank=True, help_text="For staff, e.g. “Conference”. Never a patient's details."
    )

    panels = [
        FieldPanel("practitioner"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("starts_at")]),
        FieldRowPanel([FieldPanel("ends_on"), FieldPanel("ends_at")]),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["-starts_on", "practitioner__name"]
        verbose_name = "time off or extra hours"
        verbose_name_plural = "time off and extra hours"

    def __str__(self):
        return f"{self.get_kind_display()} for {self.practitioner}, {self.starts_on:%b %-d, %Y}"

    @property
    def last_day(self):
        return self.ends_on or self.starts_on

    def clean(self):
        check_days(self.starts_on, self.ends_on)
        if self.kind == self.Kind.EXTRA_HOURS:
            errors = {}
            if self.starts_at is None:
                errors["starts_at"] = "Give the time the extra hours start."
            if self.ends_at is None:
                errors["ends_at"] = "Give the time the extra hours end."
            if self.ends_on and self.ends_on != self.starts_on:
                errors["ends_on"] = "Extra hours are on one day: add a row for each day."
            if errors:
                raise ValidationError(errors)
        if self.last_day == self.starts_on:
            check_times(self.starts_at, self.ends_at)


class ClinicClosure(models.Model):
    """Days the whole clinic is closed (public holidays, a move): nobody can be booked."""

    name = models.CharField(max_length=120, help_text="For example “Christmas Day”.")
    starts_on = models.DateField("first day")
    ends_on = models.DateField("last day", null=True, blank=True, help_text="Empty: one day only.")

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")])]

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = "clinic closure"

    def __str__(self):
        return f"{self.name} ({self.starts_on:%b %-d, %Y})"

    @property
    def last_day(self):
        return self.ends_on or self.starts_on

    def clean(self):
        check_days(self.starts_on, self.ends_on)
