"""`clinic-app` command line. Each command group lives in its own module with `register()`.

Exit codes: 0 ok, 1 failed, 2 usage, 3 authentication failed, 4 permission denied.
Errors print one `error: ...` line on stderr, never a traceback and never client values.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys

from clinic_app import __version__
from clinic_app.collector import cyclic_gc_paused
from clinic_app.errors import ClinicError
from clinic_app.translation import DOMAIN, N_, _, locale_dir

# Command groups, in help order. A new group adds its module here.
COMMAND_MODULES = [
    "clinic_app.cli.vault_commands",
    "clinic_app.cli.user_commands",
    "clinic_app.cli.intake_commands",
    "clinic_app.cli.bundle_commands",
    "clinic_app.cli.client_commands",
    "clinic_app.cli.demo_commands",
    "clinic_app.cli.packet_commands",
    "clinic_app.cli.document_commands",
    "clinic_app.cli.da_commands",
    "clinic_app.cli.profile_commands",
    "clinic_app.cli.privacy_commands",
    "clinic_app.cli.backup_commands",
    "clinic_app.cli.selftest_commands",
]


# argparse words its own headings and errors with gettext's default domain; `run` points that
# domain at our catalogue, which holds these (the msgids of Python's argparse).
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


# The placeholders `--help` shows for values (argparse's metavars: FILE, DIR, NAME, a
# positional's name). The command modules write them in English; `build_parser` words every
# parser's placeholders through this table, so each word has one translation (and the help
# texts that name a placeholder use the same word). Words not here (ID, N, ZIP) stay as they are.
# Translators: placeholders in `clinic-app --help` for the value an option takes; short, upper
# case for options, lower case for positional arguments, no spaces.
PLACEHOLDERS = {
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
    "NUMBER": N_("NUMBER"),
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


def placeholder(metavar: str) -> str:
    """FILE -> ARCHIVO under LANG=es; FILE.pdf and FILE|DIR word each part."""
    if metavar in PLACEHOLDERS:
        return _(PLACEHOLDERS[metavar])
    return re.sub(r"[^.|]+", lambda part: _(PLACEHOLDERS[part[0]]) if part[0] in PLACEHOLDERS else part[0], metavar)


def _word_placeholders(parser: argparse.ArgumentParser) -> None:
    """Every placeholder of `parser`'s own arguments in the current language (choices show as
    they are: they are what is typed)."""
    for action in parser._actions:
        if action.nargs == 0 or action.choices is not None and action.metavar is None:
            continue
        if isinstance(action.metavar, str):
            action.metavar = placeholder(action.metavar)
        elif action.metavar is None:
            action.metavar = placeholder(action.dest.upper() if action.option_strings else action.dest)


def _argparse_follows_lang() -> None:
    import gettext

    gettext.bindtextdomain(DOMAIN, str(locale_dir()))
    gettext.textdomain(DOMAIN)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        self.exit(2, "error: " + _("{problem} (see '{program} --help')").format(problem=message, program=self.prog) + "\n")


def _add_global_options(parser: argparse.ArgumentParser, default) -> None:
    """--vault, --user, --password-file: the window and every command take them."""
    group = parser.add_argument_group(_("global options"))
    group.add_argument("--vault", metavar="DIR", default=default, help=_("vault folder (default: $CLINIC_VAULT or the user data folder)"))
    group.add_argument("--user", metavar="NAME", default=default, help=_("user name (default: $CLINIC_USER)"))
    group.add_argument(
        "--password-file", metavar="FILE", default=default, help=_("read the password from FILE (else $CLINIC_PASSWORD or a prompt)")
    )


def _command_parsers(parser: argparse.ArgumentParser):
    """Every command and sub-command parser below `parser`."""
    for action in parser._actions:  # argparse keeps sub-parsers only here
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):  # aliases share a parser
                yield sub
                yield from _command_parsers(sub)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The one parser of `clinic-app`, for the command line and the window alike.

    Global options are accepted before or after the command (`clinic-app --vault V vault
    recover` and `clinic-app vault recover --vault V`). Below the top level they default to
    SUPPRESS, so a value given before the command is not reset by the sub-parser.
    `only` (a command group's module): that group alone, which reads its own command line
    exactly as the full parser does.
    """
    parser = _Parser(
        prog="clinic-app",
        description=_("Clinic Intake: encrypted client intake and pardon packets. Without a command it opens the app."),
    )
    parser.add_argument("--version", action="version", version=f"clinic-app {__version__}", help=_("show the version and exit"))
    _add_global_options(parser, None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES if only is None else [only]:
        importlib.import_module(name).register(commands)
    for sub in _command_parsers(parser):
        _add_global_options(sub, argparse.SUPPRESS)
    for each in (parser, *_command_parsers(parser)):
        _word_placeholders(each)  # FILE, DIR… in the language LANG asks for
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    """Options and command; `handler` is None when no command was given (open the window).
    A command group without its action (`clinic-app vault`) is a usage error, never the window."""
    _argparse_follows_lang()
    window = _window_options(argv)
    if window is not None:
        return window
    with cyclic_gc_paused():  # the command's modules import: long-lived objects, no cyclic garbage
        args = build_parser(_command_module(argv)).parse_args(argv)
    if not getattr(args, "handler", None):
        args.handler = None
    return args


def command_group(module: str) -> str:
    """The command a group's module registers: `clinic_app.cli.packet_commands` -> `packet`."""
    return module.rsplit(".", 1)[1].removesuffix("_commands")


def _command_module(argv: list[str]) -> str | None:
    """The module of the command group `argv` names, found past the global options, so a
    command loads its own group alone (`packet build` needs none of backup's, bundle's or
    intake's modules); None when no group is named first (--help, --version, a typo: the
    full parser answers)."""
    parser = _Parser(prog="clinic-app", add_help=False, exit_on_error=False)
    _add_global_options(parser, None)
    try:
        _args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:  # the full parser words it
        return None
    return next((m for m in COMMAND_MODULES if rest and command_group(m) == rest[0]), None)


def _window_options(argv: list[str]) -> argparse.Namespace | None:
    """The options when `argv` holds global options alone (the window is wanted), read
    without importing the command modules, which start-up does not need; None otherwise
    (a command, --help, --version, an abbreviation: the full parser decides)."""
    parser = _Parser(prog="clinic-app", add_help=False, allow_abbrev=False)
    _add_global_options(parser, None)
    args, rest = parser.parse_known_args(argv)
    if rest:
        return None
    args.command = args.handler = None
    return args


def run(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    if args.handler is None:
        build_parser().print_help(sys.stderr)
        return 2
    return run_command(args)


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed command; every failure becomes one `error:` line and an exit code."""
    try:
        result = args.handler(args)
        return int(result or 0)
    except ClinicError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into `head` and closed: not an error worth a message
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter's final flush quiet
        return 1
    except KeyboardInterrupt:
        print("error: " + _("interrupted"), file=sys.stderr)
        return 1
    except OSError as exc:
        from clinic_app.error_messages import file_problem

        # File names may be the user's own paths; never print file contents.
        print("error: " + file_problem(exc.errno) + (f": {exc.filename}" if exc.filename else ""), file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: say which kind, never the data it was handling
        print("error: " + _("unexpected internal error ({kind}); nothing was saved by the failed step").format(kind=type(exc).__name__), file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    return run(argv)
