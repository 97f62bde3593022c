"""The `clinic-app` entry point: a subcommand runs the CLI; no subcommand opens the app.

Qt is imported only when the window is wanted, so CLI commands start fast.
"""

from __future__ import annotations

import sys

# Options shared by the window and the CLI that take a value (`--vault DIR`): the value is
# not a subcommand.
VALUE_OPTIONS = ("--vault", "--user", "--password-file")


def wants_cli(args: list[str]) -> bool:
    expecting_value = False
    for arg in args:
        if expecting_value:
            expecting_value = False
        elif arg in VALUE_OPTIONS:
            expecting_value = True
        elif arg in ("-h", "--help", "--version") or not arg.startswith("-"):
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if wants_cli(args):
        from clinic_app.cli import main as cli_main

        return cli_main(args)
    from ui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
