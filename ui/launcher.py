"""The `clinic-app` entry point: a subcommand runs the CLI; no subcommand opens the app.

Qt is imported only when the window is wanted, so CLI commands start fast.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    wants_cli = any(not a.startswith("-") for a in args) or any(a in ("-h", "--help", "--version") for a in args)
    if wants_cli:
        from clinic_app.cli import main as cli_main

        return cli_main(args)
    from ui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
