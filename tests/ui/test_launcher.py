"""`clinic-app` opens the window unless a subcommand (or --help/--version) is given."""

from __future__ import annotations

import pytest

from ui.launcher import wants_cli


@pytest.mark.parametrize(
    "args, cli",
    [
        ([], False),
        (["--vault", "/srv/vault"], False),
        (["--vault=/srv/vault", "--user", "maria"], False),
        (["--vault", "/srv/vault", "selftest"], True),
        (["selftest"], True),
        (["--version"], True),
        (["--user", "maria", "--help"], True),
    ],
)
def test_window_or_command_line(args, cli):
    assert wants_cli(args) is cli
