"""Clinic details that staff edit once in Settings and every template reads."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField

from clinic_site import brand


def hours_list(value):
    """Whole hours separated by commas, e.g. "48, 2" (Clinic details › reminders)."""
    try:
        hours = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise ValidationError("Write whole hours separated by commas, e.g. “48, 2”.") from None
    if any(hour < 1 or hour > 24 * 14 for hour in hours):
        raise ValidationError("Each reminder must be between 1 and 336 hours before the visit.")
    return hours


hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Write the colour as # and six hex digits, e.g. #0b5563.")


class OpeningHoursBlock(blocks.StructBlock):
    days = blocks.CharBlock(max_length=60, help_text="For example “Monday–Friday”.")
    opens = blocks.TimeBlock()
    closes = blocks.TimeBlock()

    class Meta:
        icon = "time"
        label = "Opening hours"


@register_setting(icon="site")
class ClinicSettings(BaseSiteSetting):
    """Name, contact details, hours, online booking rules and the red-flag note of the clinic; how often
    medical pages are reviewed and the reading grade they aim for."""

    name = models.CharField(max_length=120, default="Your clinic")
    tagline = models.CharField(max_length=200, blank=True)
    site_notice = models.CharField(
        max_length=200,
        blank=True,
        help_text="A short notice shown at the top of every page, for example that the site still shows "
        "demo content. Leave it empty to show none.",
    )
    street_address = models.CharField(max_length=200, blank=True)
    locality = models.CharField("city", max_length=100, blank=True)
    region = models.CharField("state or region", max_length=100, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, default="US", help_text="Two-letter country code.")
    phone = models.CharField(max_length=40, blank=True, help_text="As patients should dial it.")
    email = models.EmailField(blank=True)
    hours = StreamField([("hours", OpeningHoursBlock())], blank=True, use_json_field=True)
    area_served = models.CharField(max_length=255, blank=True, help_text="The city and suburbs you serve.")
    booking_notification_email = models.EmailField(
        blank=True,
        help_text="Where “a new consultation request arrived” notices go. No patient details are sent.",
    )
    emergency_number = models.CharField(max_length=20, default="911")
    red_flag_text = RichTextField(
        features=["bold", "italic", "link", "ul"],
        blank=True,
        verbose_name="red-flag note",
        help_text="When to see a physician or emergency care instead. Shown on headache and neck pages "
        "and on the consultation form.",
    )
    privacy_version = models.CharField(
        max_length=40,
        default="1",
        help_text="Change this whenever the privacy notice changes; each request records the version "
        "the patient agreed to.",
    )
    online_booking = models.BooleanField(
        "online booking on",
        default=False,
        help_text="Patients can book a time on the website. Set up appointment types and working hours "
        "first (Appointments › Booking setup).",
    )
    booking_notice_hours = models.PositiveSmallIntegerField(
        "minimum notice (hours)",
        default=12,
        validators=[MaxValueValidator(24 * 14)],
        help_text="How long before a visit patients can still book it online.",
    )
    booking_horizon_days = models.PositiveSmallIntegerField(
        "booking horizon (days)",
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="How far ahead patients can book online.",
    )
    booking_slot_minutes = models.PositiveSmallIntegerField(
        "time step (minutes)",
        default=15,
        choices=[(5, "5"), (10, "10"), (15, "15"), (20, "20"), (30, "30"), (60, "60")],
        help_text="Visits can start every this many minutes, e.g. 9:00, 9:15, 9:30 with 15.",
    )
    cancellation_policy = models.CharField(
        max_length=255,
        blank=True,
        help_text="Shown with every booking, e.g. “Free to cancel until 24 hours before; later, call us.”",
    )
    change_notice_hours = models.PositiveSmallIntegerField(
        "notice to cancel or move online (hours)",
        default=24,
        validators=[MaxValueValidator(24 * 14)],
        help_text="Until how long before a visit patients can cancel or move it with their manage link; "
        "closer to the visit, the link shows the clinic's phone number instead.",
    )
    reminder_hours = models.CharField(
        "reminders (hours before)",
        max_length=40,
        default="48, 2",
        blank=True,
        validators=[hours_list],
        help_text="When reminder mails go to patients with an email address, e.g. “48, 2”; empty for none.",
    )
    logo = models.ForeignKey(
        "articles.ClinicImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The clinic’s logo, shown in the header beside the clinic’s name and given to search "
        "engines (square, at least 112 × 112 pixels).",
    )
    primary_colour = models.CharField(
        max_length=7,
        default=brand.DEFAULT_PRIMARY,
        validators=[hex_colour],
        help_text="Buttons and links, e.g. #0b5563. It carries white button text and is link text on the "
        "page, so it must be dark enough for both (WCAG AA, 4.5:1).",
    )
    accent_colour = models.CharField(
        max_length=7,
        default=brand.DEFAULT_ACCENT,
        validators=[hex_colour],
        help_text="Headings, the footer and the booking boxes, e.g. #083f4a; usually a darker shade of the "
        "primary colour. It carries white text, so it must be dark (WCAG AA, 4.5:1).",
    )
    default_share_image = models.ForeignKey(
        "articles.ClinicImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when someone shares a link to a page that has no image of its own "
        "(1200 × 630 pixels works best).",
    )

    review_interval_months = models.PositiveSmallIntegerField(
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        verbose_name="review medical pages every (months)",
        help_text="How long after a clinician’s review a condition, treatment or article page is due "
        "for its next one. A page may set its own interval.",
    )
    reading_grade_target = models.PositiveSmallIntegerField(
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(18)],
        verbose_name="reading grade target",
        help_text="The school grade (Flesch–Kincaid) patient pages should read at or below. Health "
        "bodies advise grade 6 to 8. Editors and reviewers see each page’s grade against it.",
    )

    # Loaded with the settings in the one query each request makes for them.
    select_related = ["logo", "default_share_image"]

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("tagline"), FieldPanel("site_notice")], "Clinic"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("locality"),
                FieldPanel("region"),
                FieldPanel("postal_code"),
                FieldPanel("country"),
                FieldPanel("area_served"),
            ],
            "Location",
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("hours")], "Contact and opening hours"
        ),
        MultiFieldPanel(
            [FieldPanel("booking_notification_email"), FieldPanel("privacy_version")], "Consultation requests"
        ),
        MultiFieldPanel(
            [
                FieldPanel("online_booking"),
                FieldPanel("booking_notice_hours"),
                FieldPanel("booking_horizon_days"),
                FieldPanel("booking_slot_minutes"),
                FieldPanel("cancellation_policy"),
                FieldPanel("change_notice_hours"),
                FieldPanel("reminder_hours"),
            ],
            "Online booking",
        ),
        MultiFieldPanel([FieldPanel("emergency_number"), FieldPanel("red_flag_text")], "Safety"),
        MultiFieldPanel(
            [FieldPanel("review_interval_months"), FieldPanel("reading_grade_target")], "Medical pages"
        ),
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("primary_colour", widget=forms.TextInput(attrs={"type": "color"})),
                FieldPanel("accent_colour", widget=forms.TextInput(attrs={"type": "color"})),
            ],
            "Brand",
        ),
        MultiFieldPanel([FieldPanel("default_share_image")], "Search engines and sharing"),
    ]

    class Meta:
        verbose_name = "clinic details"

    @property
    def reminder_offsets(self):
        """How long before a visit each reminder goes, latest first."""
        try:
            hours = hours_list(self.reminder_hours or "")
        except ValidationError:
            return []
        return sorted((datetime.timedelta(hours=hour) for hour in set(hours)), reverse=True)

    @property
    def address_lines(self):
        region_line = " ".join(part for part in [self.region, self.postal_code] if part)
        city_line = ", ".join(part for part in [self.locality, region_line] if part)
        return [line for line in [self.street_address, city_line] if line]

    @property
    def address_text(self):
        """The address on one line, for mails and calendar files."""
        return ", ".join(self.address_lines)

    def clean(self):
        """Refuse brand colours that would make the text they carry hard to read."""
        super().clean()
        colours = (self.primary_colour or "", self.accent_colour or "")
        if all(hex_colour.regex.match(colour) for colour in colours):
            errors = brand.contrast_errors(*colours)
            if errors:
                raise ValidationError(errors)

    @property
    def brand_stylesheet_url(self):
        """The stylesheet with the clinic's own colours, or None when it keeps the site's."""
        return brand.stylesheet_url(self.primary_colour, self.accent_colour)
