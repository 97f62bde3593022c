"""The `clinic-app` entry point: a command runs the CLI; no command opens the app.

Both read the same parser (`clinic_app.cli.build_parser`). Qt is imported only when the
window is wanted, so CLI commands start fast.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from clinic_app.process_guard import forbid_core_dumps

    forbid_core_dumps()  # before any password is typed or read
    from clinic_app.cli import parse, run_command

    args = parse(sys.argv[1:] if argv is None else argv)  # exits 2 on a usage error, 0 after --help
    if args.handler is not None:
        return run_command(args)
    from clinic_app.collector import pause_until_resumed

    # Before Qt loads: the window's start makes many objects and next to no cyclic garbage, and
    # the collector's ~30 passes over it cost ~5 ms; ui.app.run resumes it once the window shows.
    resume_collector = pause_until_resumed()
    from ui.app import run

    return run(args, resume_collector)


if __name__ == "__main__":
    sys.exit(main())
