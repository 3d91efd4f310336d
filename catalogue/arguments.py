"""argparse in Danish: the command line's help and its errors, with no English word left.

argparse writes a handful of texts of its own, each through gettext's ``_`` with the process-wide
domain. A Danish catalogue there would change every library's gettext, so instead each of argparse's
hooks is used where it has one: the usage prefix in the formatter, the group titles and ``-h`` in
the parser, unknown arguments in ``parse_args``. The other errors argparse builds itself and hands
to ``error()`` (documented as the method to override) already worded; ``error()`` words them again in
Danish by their message ids, the same strings a gettext catalogue would be keyed on.
"""

from __future__ import annotations

import argparse
import re
from typing import Any, NoReturn, Sequence

from .diagnostics import did_you_mean

USAGE = "brug: "
HELP = "vis denne hjælp"

# argparse's own message ids (Python 3.11–3.14) and what an editor reads instead; the values
# argparse put in them stay as it wrote them.
_MESSAGES = [
    ("argument %(argument_name)s: %(message)s", "{argument_name}: {message}"),
    ("the following arguments are required: %s", "{v} mangler"),
    ("unrecognized arguments: %s", "ukendt argument: {v}"),
    ("invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)", "{choice}"),
    ("invalid choice: %(value)r (choose from %(choices)s)", "{choice}"),
    ("expected one argument", "mangler en værdi"),
    ("expected at most one argument", "må højst have én værdi"),
    ("expected at least one argument", "skal have mindst én værdi"),
    ("invalid %(type)s value: %(value)r", "{value} er ikke en gyldig værdi"),
    ("ambiguous option: %(option)s could match %(matches)s", "{option} kan betyde flere ting: {matches}"),
    ("not allowed with argument %s", "kan ikke bruges sammen med {v}"),
    ("ignored explicit argument %r", "{v} skal ikke have en værdi"),
    ("one of the arguments %s is required", "et af argumenterne {v} mangler"),
    ("unexpected option string: %s", "{v} giver ikke mening her"),
]


def _pattern(message_id: str) -> re.Pattern[str]:
    pattern = re.escape(message_id)
    pattern = re.sub(r"%\\\((\w+)\\\)[rs]", r"(?P<\1>.+?)", pattern)
    return re.compile(re.sub(r"%[rs]", r"(?P<v>.+?)", pattern))


_TRANSLATIONS = [(_pattern(english), danish) for english, danish in _MESSAGES]


def danish(message: str) -> str:
    """One of argparse's error messages in Danish (a message of this program's own stays as it is)."""
    for pattern, text in _TRANSLATIONS:
        found = pattern.fullmatch(message)
        if found is None:
            continue
        values = found.groupdict()
        if "message" in values:
            values["message"] = danish(values["message"])
        if "choices" in values:
            choices = re.findall(r"'([^']*)'", values["choices"]) or values["choices"].split(", ")
            word = values["value"].strip("'")
            values["choice"] = f"{values['value']} findes ikke{did_you_mean(word, choices)}"
        if "v" in values:
            values["v"] = re.sub(r", (?=[^,]*$)", " og ", values["v"])
        return text.format(**values)
    return message


class DanishHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class DanishArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are Danish; errors exit with code 2, as argparse's do."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DanishHelpFormatter)
        kwargs.setdefault("allow_abbrev", False)  # '--d' is not '--dato': a typo is said to be one
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumenter"
        self._optionals.title = "tilvalg"
        self.commands: argparse._SubParsersAction | None = None
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP)

    def add_subparsers(self, **kwargs: Any) -> argparse._SubParsersAction:
        kwargs.setdefault("parser_class", type(self))
        self.commands = super().add_subparsers(**kwargs)
        return self.commands

    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        parsed, unknown = self.parse_known_args(args, namespace)
        if unknown:  # said by the command's own parser, whose usage is the one that helps
            command = getattr(parsed, self.commands.dest, None) if self.commands else None
            parser = self.commands.choices.get(command, self) if self.commands and command else self
            parser.error(f"ukendt argument: {' '.join(unknown)}" if len(unknown) == 1
                         else f"ukendte argumenter: {' '.join(unknown)}")
        return parsed

    def error(self, message: str) -> NoReturn:  # type: ignore[override]
        # A parser with commands shows them all: its usage line alone says only 'kommando'.
        shown = self.format_help() if self.commands is not None else self.format_usage()
        self.exit(2, f"{shown}fejl: {danish(message)}\n")
