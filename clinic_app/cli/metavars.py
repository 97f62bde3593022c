"""The placeholders `--help` shows for values (argparse's metavars: FILE, DIR, NAME, a
positional's name), in the language LANG asks for. The command modules write them in English;
`build_parser` words every parser's placeholders through this table once, so each word has one
translation (and the help texts that name a placeholder use the same word)."""

from __future__ import annotations

import argparse
import re

from clinic_app.translation import N_, _

# Translators: placeholders in `clinic-app --help` for the value an option takes; keep them
# short, upper case for options, lower case for positional arguments, without spaces.
WORDS = {
    "ACTION": N_("ACTION"),
    "CLIENTS": N_("CLIENTS"),
    "CODE": N_("CODE"),
    "COMMAND": N_("COMMAND"),
    "DIR": N_("DIR"),
    "FILE": N_("FILE"),
    "FINGERPRINT": N_("FINGERPRINT"),
    "KIND": N_("KIND"),
    "LIMIT": N_("LIMIT"),
    "NAME": N_("NAME"),
    "PHONE": N_("PHONE"),
    "ROLE": N_("ROLE"),
    "SHEET_LANGUAGE": N_("SHEET_LANGUAGE"),
    "STATE": N_("STATE"),
    "TEXT": N_("TEXT"),
    "YYYY-MM-DD": N_("YYYY-MM-DD"),
    "county": N_("county"),
    "field": N_("field"),
    "file": N_("file"),
    "name": N_("name"),
    "role": N_("role"),
    "source": N_("source"),
    "state": N_("state"),
}
_PART = re.compile(r"[^.|]+")  # FILE.pdf, FILE|DIR: each part on its own


def placeholder(metavar: str) -> str:
    """FILE -> ARCHIVO under LANG=es; a word not in the table (ID, N, ZIP) stays as it is."""
    if metavar in WORDS:
        return _(WORDS[metavar])
    return _PART.sub(lambda part: _(WORDS[part[0]]) if part[0] in WORDS else part[0], metavar)


def word_placeholders(parser: argparse.ArgumentParser) -> None:
    """Every placeholder of `parser`'s own arguments in the current language (choices show as
    they are: they are what is typed)."""
    for action in parser._actions:
        if action.nargs == 0 or action.choices is not None and action.metavar is None:
            continue
        if isinstance(action.metavar, str):
            action.metavar = placeholder(action.metavar)
        elif action.metavar is None:
            action.metavar = placeholder(action.dest.upper() if action.option_strings else action.dest)
