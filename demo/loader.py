"""Turns the demo content in ``demo.content`` into a working clinic site.

Everything is found again by a stable key: images by title, pages by slug under their parent,
practitioners by name, users by username, demo consultation requests by a fixed submission token.
Each object is compared with what the content says and saved only when it differs, so a second run
changes nothing, adds no page revisions and reports that nothing changed.

Pages are built in two passes. The first makes sure every page exists (new ones as unpublished
stubs), so that the second can resolve every reference, including articles that point at each other,
and publish each page once, through a revision, so its history looks like an editor's.
"""

import time

from django.conf import settings
from django.db import transaction

from demo.accounts import DEMO_ACCOUNTS, ensure_demo_accounts, ensure_demo_requests, write_logins
from demo.booking import ensure_booking_setup, ensure_demo_appointments
from demo.clinic import ensure_practitioners, ensure_settings, ensure_workflow_assignment
from demo.media import ensure_images, pregenerate_renditions
from demo.pages import ensure_home, ensure_page_stubs, ensure_pages
from demo.state import DemoContentError, DemoSite, Report

__all__ = ["DEMO_ACCOUNTS", "DemoContentError", "DemoSite", "Report", "load_demo_content"]


def load_demo_content(stdout=None, with_demo_accounts=False):
    """Build or update the demo clinic. Returns the list of changes made (empty when up to date).

    Demo logins, demo consultation requests and demo appointments are only made when
    ``settings.DEBUG`` is on or ``with_demo_accounts`` is true, so production never gets well-known
    passwords by accident.
    """
    report = Report(stdout)
    started = time.monotonic()
    accounts = bool(with_demo_accounts or settings.DEBUG)
    with transaction.atomic():
        demo = DemoSite(report=report)
        ensure_images(demo)
        ensure_home(demo)
        ensure_page_stubs(demo)
        ensure_practitioners(demo)
        ensure_pages(demo)
        ensure_settings(demo)
        ensure_workflow_assignment(demo)
        ensure_booking_setup(demo)
        if accounts:
            ensure_demo_accounts(demo)
            ensure_demo_requests(demo)
            ensure_demo_appointments(demo)
        pregenerate_renditions(demo)

    seconds = time.monotonic() - started
    if report.changes:
        report.write(f"Demo content loaded: {len(report.changes)} change(s) in {seconds:.1f}s.")
    else:
        report.write(f"Nothing changed: the demo content was already up to date ({seconds:.1f}s).")
    if accounts:
        write_logins(report)
    else:
        report.write("Demo logins were not created (DEBUG is off; pass --with-demo-accounts to add them).")
    return report.changes
