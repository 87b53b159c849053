"""``manage.py load_demo_content``: build the demo clinic, or bring it up to date. Safe to run again."""

from django.core.management.base import BaseCommand, CommandError

from demo.loader import DemoContentError, load_demo_content


class Command(BaseCommand):
    help = (
        "Create or update the demo clinic: images, pages, practitioners and clinic details. With DEBUG on "
        "(or --with-demo-accounts) it also adds demo logins and demo consultation requests."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-demo-accounts",
            action="store_true",
            help="Also create the demo logins and consultation requests when DEBUG is off. Never use "
            "this on a public site: the passwords are printed and published in the README.",
        )

    def handle(self, *args, **options):
        try:
            load_demo_content(stdout=self.stdout, with_demo_accounts=options["with_demo_accounts"])
        except DemoContentError as error:
            raise CommandError(str(error)) from error
