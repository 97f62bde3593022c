"""The wheel carries what the app reads at run time: the PDF fonts (and icons, samples)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("clinic_app", "ui", "resources", "pyproject.toml", "setup.py")
FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf", "DroidSansFallbackFull.ttf")


def _build_wheel(tmp_path: Path) -> Path:
    """`pip wheel` of a copy of the sources, offline (no index, no build isolation)."""
    source = tmp_path / "src"
    source.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(path, source / name)
    out = tmp_path / "dist"
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(source)],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = out.glob("clinic_app-*.whl")
    return wheel


def test_the_wheel_ships_the_fonts_and_the_app_finds_them(tmp_path):
    wheel = _build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    for font in FONTS:
        assert f"clinic_app/resources/fonts/{font}" in names, f"{font} is not in {wheel.name}"
    assert "clinic_app/resources/icons/clinic-intake.png" in names
    assert "clinic_app/resources/samples/selftest-intake.json" in names
    assert "clinic_app/profiles/CA.toml" in names
    assert not [n for n in names if n.endswith((".ts", ".po"))], "catalogue sources belong in the sdist, not the wheel"

    # Installed from the wheel (unpacked; the dependencies come from this environment), the app
    # looks for its fonts inside the package, not in a source tree that is not there.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = "from clinic_app.paths import font_path; p = font_path('DejaVuSans.ttf'); print(p); assert p.is_file()"
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path,
                           env={**os.environ, "PYTHONPATH": str(site)}, timeout=120)
    assert found.returncode == 0, found.stderr
    assert Path(found.stdout.strip()).is_relative_to(site)
