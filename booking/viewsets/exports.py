"""Values in XLSX/CSV downloads: spreadsheet formulas neutralised, dates and booleans as plain text."""

import re

from django.utils import timezone

#: Text starting with one of these, after any leading whitespace, is run as a formula by spreadsheet
#: apps (the fullwidth forms too, by some). Text starting with a tab or carriage return is also unsafe.
FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
CONTROL_STARTS = ("\t", "\r")


#: Control characters XML 1.0 (so XLSX) cannot hold; openpyxl refuses the whole file for one of them.
UNSTORABLE_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_cell(value):
    """A value as it goes into a download: control characters a patient may have pasted into a field
    shown as \ufffd (in both formats, so they read the same), then formulas neutralised."""
    if isinstance(value, str):
        value = UNSTORABLE_CONTROLS.sub("\ufffd", value)
    return neutralise_formula(value)


def neutralise_formula(value):
    """Prefix text that a spreadsheet would run as a formula with ', so it is shown as text.

    OWASP's advice for CSV injection, applied to XLSX too so both downloads read the same. Wagtail's
    XLSX writer only stops openpyxl from storing "=..." as a formula, and its CSV writer does nothing.
    """
    if isinstance(value, str) and (
        value.startswith(CONTROL_STARTS) or value.lstrip().startswith(FORMULA_STARTS)
    ):
        return "'" + value
    return value


def local_datetime_text(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def local_naive(value):
    return timezone.make_naive(timezone.localtime(value))


def yes_no(value):
    return "Yes" if value else "No"
