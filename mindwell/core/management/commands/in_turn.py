import shlex
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Run management commands one after another in this one process, stopping at the "
        "first that fails: in_turn 'migrate --noinput' 'load_demo'. Each command in a "
        "process of its own would start Django again, about a second each; ./run sets up "
        "the site this way."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("commands", nargs="+", help="a command and its arguments, quoted")

    def handle(self, *args: Any, commands: list[str], **options: Any) -> None:
        for line in commands:
            name, *arguments = shlex.split(line) or [""]
            if not name:
                raise CommandError("An empty command was given.")
            try:
                call_command(name, *arguments)
            except CommandError as error:
                raise CommandError(f"{line}: {error}") from None
