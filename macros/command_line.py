"""The command line of the commands (python -m macros.check, …), in the language of the messages: argparse's own
words (usage, options, the help option, its error lines) taken from the catalogue like every other message."""

from __future__ import annotations

import argparse
import re
import sys

from macros.messages import message

# argparse's error messages that the commands' options can cause (Python 3.11 to 3.13), and the catalogue's.
_ERRORS = [
    (re.compile(r"unrecognized arguments: (?P<arguments>.+)"), "cli_unrecognized"),
    (re.compile(r"argument (?P<option>\S+): expected one argument"), "cli_value_missing"),
    (re.compile(r"argument (?P<option>\S+): ignored explicit argument (?P<value>.+)"), "cli_value_unexpected"),
]


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix if prefix is not None else message("cli_usage") + " ")


class CommandParser(argparse.ArgumentParser):
    """argparse's parser with the options under a heading of the catalogue (argparse leaves a heading without
    options out of the help)."""

    def __init__(self, prog: str, description: str):
        super().__init__(prog=prog, description=description, formatter_class=_Formatter, add_help=False)
        self.options = self.add_argument_group(message("cli_options"))
        self.add_argument("-h", "--help", action="help", help=message("cli_help"))

    def add_argument(self, *args, **kwargs):
        return self.options.add_argument(*args, **kwargs)

    def error(self, text):
        for pattern, message_id in _ERRORS:
            match = pattern.fullmatch(text)
            if match:
                text = message(message_id, **match.groupdict())
                break
        self.print_usage(sys.stderr)
        self.exit(2, message("cli_error", prog=self.prog, problem=text) + "\n")
