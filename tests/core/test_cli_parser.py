"""One parser for `clinic-app`: global options before or after the command, no command opens
the window, and no command (nor a command group alone) ever does. All through the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import CLI, PASSWORD

NEW_PASSWORD = "a brand new password 42"


def _run(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=full_env, stdin=subprocess.DEVNULL, timeout=timeout)


def _create_vault(folder) -> str:
    made = _run("--vault", str(folder), "vault", "create", "--admin", "manager", env={"CLINIC_PASSWORD": PASSWORD})
    assert made.returncode == 0, made.stderr
    return made.stdout.strip().splitlines()[-1].strip()


@pytest.mark.parametrize(
    "placement",
    [
        ["--vault", "{v}", "vault", "recover", "--user", "manager"],  # the README's spelling
        ["vault", "recover", "--vault", "{v}", "--user", "manager"],
        ["--user", "manager", "vault", "--vault", "{v}", "recover"],
    ],
)
def test_global_options_before_or_after_the_command(tmp_path, placement):
    folder = tmp_path / "vault"
    recovery_key = _create_vault(folder)
    args = [a.replace("{v}", str(folder)) for a in placement]
    env = {"CLINIC_RECOVERY_KEY": recovery_key, "CLINIC_NEW_PASSWORD": NEW_PASSWORD}
    result = _run(*args, env=env)
    assert result.returncode == 0, result.stderr
    assert "Password reset" in result.stdout
    listed = _run("client", "list", "--vault", str(folder), "--user", "manager", env={"CLINIC_PASSWORD": NEW_PASSWORD})
    assert listed.returncode == 0, listed.stderr


def test_an_option_after_the_command_wins_over_the_same_option_before(tmp_path):
    folder = tmp_path / "vault"
    _create_vault(folder)
    result = _run("--vault", str(tmp_path / "nowhere"), "client", "list", "--vault", str(folder), "--user", "manager",
                  env={"CLINIC_PASSWORD": PASSWORD})
    assert result.returncode == 0, result.stderr


def test_password_file_after_the_command(tmp_path):
    folder = tmp_path / "vault"
    _create_vault(folder)
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD + "\n")
    env = {k: v for k, v in os.environ.items() if k != "CLINIC_PASSWORD"}
    result = subprocess.run([CLI, "client", "list", "--password-file", str(secret), "--vault", str(folder), "--user", "manager"],
                            capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("args", [["vault"], ["--vault", "/nowhere", "client"], ["vault", "--user", "x"]])
def test_a_command_group_without_its_action_is_a_usage_error_not_the_window(args):
    result = _run(*args, env={"QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr


def test_unknown_option_after_a_command_is_one_usage_line():
    result = _run("client", "list", "--no-such-option")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: unrecognized arguments")


def test_help_lists_the_commands_and_the_global_options():
    result = _run("--help")
    assert result.returncode == 0
    assert "vault" in result.stdout and "--password-file" in result.stdout
    sub = _run("vault", "recover", "--help")
    assert sub.returncode == 0 and "--vault" in sub.stdout and "--user" in sub.stdout


def test_no_command_opens_the_window_with_the_same_options(tmp_path):
    folder = tmp_path / "vault"
    _create_vault(folder)
    env = {"QT_QPA_PLATFORM": "offscreen", "CLINIC_EXIT_AFTER_FIRST_WINDOW": "1"}
    result = _run("--vault", str(folder), "--user", "manager", env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr.lower()


WINDOW_ARGV = [[], ["--vault", "/v"], ["--user", "ana", "--vault", "/v"], ["--password-file", "/pw", "--vault=/v"], ["--vault", "client"]]


@pytest.mark.parametrize("argv", WINDOW_ARGV)
def test_global_options_alone_are_read_as_the_full_parser_reads_them(argv):
    from clinic_app.cli import _window_options, build_parser

    fast = _window_options(argv)
    assert fast is not None and fast.handler is None
    assert vars(fast) == {**vars(build_parser().parse_args(argv)), "handler": None}


@pytest.mark.parametrize("argv", [["vault"], ["--help"], ["--version"], ["--vau", "/v"], ["--vault", "/v", "client", "list"], ["-x"]])
def test_anything_else_goes_to_the_full_parser(argv):
    from clinic_app.cli import _window_options

    assert _window_options(argv) is None


def test_opening_the_window_loads_no_command_module():
    probe = "import sys; from clinic_app.cli import parse; parse(['--vault', '/v']); print(sorted(m for m in sys.modules if m.startswith('clinic_app.cli.')))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_each_command_module_registers_the_group_named_after_it():
    import argparse

    from clinic_app.cli import COMMAND_MODULES, build_parser, command_group

    for module in COMMAND_MODULES:
        groups = next(a for a in build_parser(module)._actions if isinstance(a, argparse._SubParsersAction))
        assert list(groups.choices) == [command_group(module)], module


@pytest.mark.parametrize(
    "argv",
    [
        ["packet", "build", "--matter", "m1", "--out", "p.pdf", "--draft"],
        ["--vault", "/v", "--user", "ana", "packet", "check", "--matter", "m1", "--json"],
        ["--vau", "/v", "client", "list", "--vault", "/w"],
        ["--vault=/v", "backup", "verify", "b.bak"],
        ["--user", "packet", "vault", "check"],  # an option's value that names a group is not the command
        ["profile", "list"],
    ],
)
def test_a_command_is_read_by_its_own_group_as_by_the_full_parser(argv):
    from clinic_app.cli import _command_module, build_parser, parse

    assert _command_module(argv) is not None
    assert vars(parse(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["pakcet", "build"], ["-x", "packet"], ["--vault", "/v", "--user"]])
def test_no_group_named_first_goes_to_the_full_parser(argv):
    from clinic_app.cli import _command_module

    assert _command_module(argv) is None


def test_a_mistyped_action_is_worded_as_the_full_parser_words_it():
    full = _run("vault", "chek")
    assert full.returncode == 2
    assert full.stderr.startswith("error: argument ACTION: invalid choice: 'chek'") and "clinic-app vault --help" in full.stderr
