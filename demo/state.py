"""What one run of the demo loader shares: its error, its report of changes, and the site built so far."""

from dataclasses import dataclass, field

from wagtail.models import Site

from articles.models import HomePage


class DemoContentError(Exception):
    """The content cannot be loaded as written, or something in the database is in its way."""


class Report:
    """Collects what a run changed and writes it to ``stdout`` (a command's or any text stream)."""

    def __init__(self, stdout=None):
        self.stdout = stdout
        self.changes = []

    def write(self, message=""):
        if self.stdout is not None:
            self.stdout.write(f"{message}\n")

    def changed(self, message):
        self.changes.append(message)
        self.write(f"  {message}")


@dataclass
class DemoSite:
    """What the passes have built so far, looked up by the keys the content uses."""

    report: Report
    site: Site = None
    home: HomePage = None
    images: dict = field(default_factory=dict)  # image key -> ClinicImage
    indexes: dict = field(default_factory=dict)  # index slug -> index page
    pages: dict = field(default_factory=dict)  # content slug -> specific page
    practitioners: dict = field(default_factory=dict)  # practitioner key -> Practitioner
    users: dict = field(default_factory=dict)  # username -> user
    appointment_types: dict = field(default_factory=dict)  # visit key -> AppointmentType
