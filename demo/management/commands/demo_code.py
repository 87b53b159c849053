"""``manage.py demo_code frontdesk``: the code a demo login's authenticator app would show now."""

from django.core.management.base import BaseCommand

from demo.accounts import DEMO_TOTP_SECRETS, demo_code


class Command(BaseCommand):
    help = "Print the current second-factor code of a demo login (admin or frontdesk)."

    def add_arguments(self, parser):
        parser.add_argument("username", choices=sorted(DEMO_TOTP_SECRETS))

    def handle(self, *args, **options):
        self.stdout.write(demo_code(options["username"]))
