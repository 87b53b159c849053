"""How the front desk sees a patient's email address and phone number on a request or an appointment:
as links that open the mail program or dial, the phone written the way people read it (national format
for a number in the clinic's own country, international format for any other)."""

import phonenumbers
from django.utils.html import format_html

from booking.views import clinic_for, phone_region


def readable_phone(number, region):
    """``+12125550142`` → ``(212) 555-0142`` in the US; a foreign number keeps its country code.

    Compared by country code, not by region: a number the plan has not assigned (the demo's 555-01xx)
    still reads in the national format."""
    same_country = number.country_code == phonenumbers.country_code_for_region(region)
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if same_country
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)


def phone_link(value, region):
    """A ``tel:`` link with the number in E.164 and its readable form as text; text as stored when it
    is not a phone number at all."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return value
    if not phonenumbers.is_possible_number(number):
        return value
    dial = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return format_html('<a href="tel:{}">{}</a>', dial, readable_phone(number, region))


def email_link(value):
    return format_html('<a href="mailto:{}">{}</a>', value, value) if value else ""


class ContactLinksMixin:
    """For the detail page of a request or an appointment: its ``email`` and ``phone`` as links."""

    def phone_region(self):
        return phone_region(clinic_for(self.request))

    def get_email_display_value(self):
        return email_link(self.object.email) or "—"

    def get_phone_display_value(self):
        return phone_link(self.object.phone, self.phone_region()) or "—"
