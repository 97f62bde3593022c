"""Shared test set-up: offscreen Qt, cheap key derivation, throwaway vaults, the real CLI."""

from __future__ import annotations

import os

# Before anything imports Qt or the core: no display in CI, and cheap KDF parameters for
# test vaults only (the CLI subprocesses inherit these).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CLINIC_INSECURE_TEST_KDF"] = "1"
# Messages in English whatever the developer's locale; tests of other languages set their own.
os.environ["LANGUAGE"] = "en"

import subprocess  # noqa: E402
import sys  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from clinic_app.lifecycle import create_vault, open_session  # noqa: E402
from clinic_app.unlock_throttle import ThrottlePolicy  # noqa: E402
from clinic_app.vault import Vault  # noqa: E402

PASSWORD = "correct horse battery staple"
CLI = str(Path(sys.executable).with_name("clinic-app"))


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    """Config, cache and data folders point into a temp folder, never the real home."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache"), ("XDG_DATA_HOME", ".local/share")):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("CLINIC_VAULT", raising=False)
    monkeypatch.delenv("CLINIC_PASSWORD", raising=False)
    monkeypatch.delenv("CLINIC_USER", raising=False)
    return home


@pytest.fixture
def vault_dir(tmp_path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def make_vault(vault_dir):
    """A fresh vault with users manager, attorney, paralegal (all PASSWORD); returns the Vault.

    Manager and attorney have the names (and the attorney the bar number) a final packet needs."""

    def make(folder: Path = vault_dir, throttle: ThrottlePolicy | None = None) -> Vault:
        vault = Vault(folder, throttle=throttle)
        session, _ = create_vault(vault, "manager", PASSWORD, clinic_name="Test Clinic")
        session.users.set_signature("manager", full_name="Morgan Reyes", title="Clinic Director")
        session.users.add("attorney", "attorney", PASSWORD, full_name="Alex Kim", title="Staff Attorney", bar_number="287654")
        session.users.add("paralegal", "paralegal", PASSWORD)
        session.lock()
        return vault

    return make


@pytest.fixture(autouse=True)
def core_language_from_the_environment():
    """Core text in English (LANGUAGE=en above) unless a test asks; a UI test that switched the
    app to Spanish must not leave the core speaking Spanish to the next test."""
    from clinic_app import translation

    translation.set_language(None)
    yield
    translation.set_language(None)


@pytest.fixture
def in_california(monkeypatch):
    """This process's clock zone is California's for the test (stored moments stay UTC)."""
    import time

    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


# 01:30 UTC on 28 November: 5:30 pm on the 27th in California.
EVENING_IN_CALIFORNIA = "2026-11-28T01:30:00+00:00"


@pytest.fixture
def vault(make_vault) -> Vault:
    return make_vault()


@pytest.fixture
def session(vault):
    """A manager's open session; locked at the end."""
    s = open_session(vault, "manager", PASSWORD)
    yield s
    s.lock()


@pytest.fixture
def traced_statements(monkeypatch) -> list[str]:
    """Every SQL statement run, from now on, on vault databases opened in this process."""
    from clinic_app.storage import database

    statements: list[str] = []
    real_connect = database.connect_raw

    def traced_connect(path, key):
        conn = real_connect(path, key)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(database, "connect_raw", traced_connect)
    return statements


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(vault_dir):
    """Run the real `clinic-app` in a subprocess against the test vault."""

    def run(*args: str, user: str | None = "manager", password: str | None = PASSWORD, env: dict | None = None, vault: Path | None = None) -> CliResult:
        full_env = dict(os.environ)
        full_env.pop("CLINIC_PASSWORD", None)
        if password is not None:
            full_env["CLINIC_PASSWORD"] = password
        full_env.update(env or {})
        argv = [CLI, "--vault", str(vault or vault_dir)]
        if user:
            argv += ["--user", user]
        proc = subprocess.run(argv + list(args), capture_output=True, text=True, env=full_env, stdin=subprocess.DEVNULL, timeout=120)
        return CliResult(proc.returncode, proc.stdout, proc.stderr)

    return run
