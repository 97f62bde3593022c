"""The frozen app (PyInstaller one-folder bundle) starts, runs its self-test and opens a window.

The bundle is built by packaging/build.py, which reuses dist/clinic-intake/ when nothing that
goes into it changed (about 45 s on the 2-core CI machine when it does). Everything runs
offscreen against throwaway vaults in temp folders with the cheap test KDF.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from clinic_app import __version__

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "frozen-app correct horse battery"


@pytest.fixture(scope="module")
def frozen_app() -> Path:
    build = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py")], capture_output=True, text=True, timeout=1800
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    binary = ROOT / "dist" / "clinic-intake" / ("clinic-app.exe" if os.name == "nt" else "clinic-app")
    assert binary.exists()
    return binary


def run(binary: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    full_env.pop("PYTHONPATH", None)  # the bundle must not lean on the source tree
    return subprocess.run([str(binary), *args], capture_output=True, text=True, env=full_env,
                          stdin=subprocess.DEVNULL, timeout=120, cwd=binary.parent.parent)


def test_version(frozen_app):
    result = run(frozen_app, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"clinic-app {__version__}"


def test_selftest_builds_a_packet_and_verifies_a_backup(frozen_app):
    result = run(frozen_app, "selftest")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("selftest ok")
    for step in ("sample imported", "recovery sheet, es", "packet built", "client instructions, es", "backup verified"):
        assert any(line.startswith(f"ok   {step}") for line in lines), f"missing step {step!r}:\n{result.stdout}"
    assert not any(line.startswith("skip") for line in lines), result.stdout


def test_the_window_opens_in_spanish(frozen_app, tmp_path):
    vault = tmp_path / "vault"
    created = run(frozen_app, "--vault", str(vault), "vault", "create", "--admin", "manager", CLINIC_PASSWORD=PASSWORD)
    assert created.returncode == 0, created.stderr
    opened = run(frozen_app, "--vault", str(vault), CLINIC_LANGUAGE="es", CLINIC_EXIT_AFTER_FIRST_WINDOW="1")
    assert opened.returncode == 0, opened.stderr
    assert "Traceback" not in opened.stderr and "could not" not in opened.stderr.lower(), opened.stderr
    assert "translation" not in opened.stderr, opened.stderr  # ours and Qt's qtbase_es.qm both loaded


def test_bundle_ships_translations_and_leaves_out_network_and_test_code(frozen_app):
    internal = frozen_app.parent / "_internal"
    files = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    assert "resources/translations/clinic_app_es.qm" in files
    assert "PySide6/Qt/translations/qtbase_es.qm" in files
    assert "resources/samples/selftest-intake.json" in files
    assert {"resources/icons/clinic-intake.png", "resources/icons/clinic-intake-16.png"} <= files
    assert not [f for f in files if f.startswith("PySide6/Qt/translations/") and not f.endswith("qtbase_es.qm")]
    unwanted = ("PySide6/QtNetwork", "PySide6/Qt/plugins/tls/", "PySide6/Qt/plugins/networkinformation/",
                "PySide6/Qt/plugins/generic/", "PySide6/QtWebEngine", "PySide6/QtQml", "pytest", "_pytest")
    assert not [f for f in files if f.startswith(unwanted)]
