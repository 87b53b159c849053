"""``manage.py demo_code frontdesk``: the code a demo login's authenticator app would show now.
Without a username: each such demo login's key (to add to an app) and its code now (``make run``)."""

from django.core.management.base import BaseCommand

from demo.accounts import DEMO_TOTP_SECRETS, demo_code


class Command(BaseCommand):
    help = "Print the current second-factor code of a demo login (admin or frontdesk), or all keys and codes."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", choices=sorted(DEMO_TOTP_SECRETS))

    def handle(self, *args, **options):
        if options["username"]:
            self.stdout.write(demo_code(options["username"]))
            return
        self.stdout.write("Second factor of the demo logins that need one (authenticator app key, code now):")
        for username, secret in sorted(DEMO_TOTP_SECRETS.items()):
            self.stdout.write(f"  {username}: key {secret}, code now {demo_code(username)}")
        self.stdout.write("  A code later: .venv/bin/python manage.py demo_code <username>")
