"""Build the one-folder app bundle: compile translations, then PyInstaller.

    .venv/bin/python packaging/build.py            # dist/clinic-intake/ (skipped when up to date)
    .venv/bin/python packaging/build.py --force    # rebuild even when nothing changed
    .venv/bin/python packaging/build.py --archive  # also dist/clinic-intake-<version>-<os>-<arch>.tar.gz

The rebuild is skipped when a hash of everything that goes into the bundle (sources,
resources, translations, spec, this script, and the Python/PyInstaller/PySide6 versions)
matches the hash stored next to the last good build. The tests use the same entry point.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import platform
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

import core_catalogue  # noqa: E402  (tools/core_catalogue.py: the core's gettext .po -> .mo)
import translations  # noqa: E402  (tools/translations.py: lupdate/lrelease helpers)

from clinic_app import APP_ID, __version__  # noqa: E402
from clinic_app.fileio import atomic_write  # noqa: E402

SPEC = ROOT / "packaging" / "clinic_app.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / APP_ID
STAMP = DIST / f"{APP_ID}.build-hash"
TRANSLATIONS = ROOT / "resources" / "translations"
# What goes into the bundle. Compiled .qm files are derived from the .ts, so they are not hashed.
INPUTS = ("clinic_app", "ui", "resources", "packaging", "pyproject.toml")
IGNORED_SUFFIXES = {".pyc", ".qm", ".mo"}


def executable() -> Path:
    name = "clinic-app.exe" if os.name == "nt" else "clinic-app"
    return BUNDLE / name


def compile_translations() -> list[Path]:
    """lrelease every resources/translations/*.ts into a .qm beside it (only when stale), and
    compile the core's gettext catalogues (.po -> .mo)."""
    compiled = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            translations.run_lrelease(ts, qm)
        compiled.append(qm)
    for language in core_catalogue.LANGUAGES:
        compiled.append(core_catalogue.compile_mo(language))
    return compiled


def source_files() -> list[Path]:
    found = []
    for name in INPUTS:
        path = ROOT / name
        if path.is_file():
            found.append(path)
            continue
        for file in path.rglob("*"):
            if file.is_file() and "__pycache__" not in file.parts and file.suffix not in IGNORED_SUFFIXES:
                found.append(file)
    return sorted(found)


def build_hash() -> str:
    import PyInstaller
    import PySide6

    digest = hashlib.sha256()
    digest.update(f"{sys.version}|{platform.machine()}|{PyInstaller.__version__}|{PySide6.__version__}".encode())
    for file in source_files():
        digest.update(str(file.relative_to(ROOT)).encode() + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def is_up_to_date(wanted: str) -> bool:
    return executable().exists() and STAMP.exists() and STAMP.read_text().strip() == wanted


def run_pyinstaller(clean: bool) -> None:
    STAMP.unlink(missing_ok=True)  # a half-finished build is never mistaken for a good one
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    subprocess.run(command, check=True, cwd=ROOT)


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def make_archive() -> Path:
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    target = DIST / f"{APP_ID}-{__version__}-{system}-{platform.machine().lower()}.tar.gz"
    with tarfile.open(target, "w:gz") as archive:
        archive.add(BUNDLE, arcname=APP_ID)
        if system == "linux":  # menu entry and a per-user installer next to the binary
            for extra in ("install.sh", f"{APP_ID}.desktop"):
                archive.add(ROOT / "packaging" / "linux" / extra, arcname=f"{APP_ID}/{extra}")
    return target


@contextlib.contextmanager
def build_lock():
    """One build at a time in this checkout (a test run and `make package` may overlap)."""
    WORK.mkdir(parents=True, exist_ok=True)
    with open(WORK.parent / "clinic-build.lock", "a+b") as handle:
        if os.name == "nt":
            yield
            return
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build(force: bool = False, clean: bool = False) -> Path:
    """Make sure dist/clinic-intake/ matches the sources; return the executable's path."""
    with build_lock():
        return _build(force, clean)


def _build(force: bool, clean: bool) -> Path:
    compile_translations()
    wanted = build_hash()
    if not force and is_up_to_date(wanted):
        print(f"up to date: {BUNDLE.relative_to(ROOT)} (sources unchanged)")
        return executable()
    started = time.monotonic()
    run_pyinstaller(clean)
    if not executable().exists():
        raise SystemExit(f"error: PyInstaller finished but {executable()} is missing")
    atomic_write(STAMP, (wanted + "\n").encode())
    size = folder_size(BUNDLE) / 2**20
    shown = BUNDLE.relative_to(ROOT) if BUNDLE.is_relative_to(ROOT) else BUNDLE  # bench builds go to a temp folder
    print(f"built {shown} in {time.monotonic() - started:.0f} s ({size:.0f} MiB)")
    return executable()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when the sources are unchanged")
    parser.add_argument("--clean", action="store_true", help="also drop PyInstaller's analysis cache")
    parser.add_argument("--archive", action="store_true", help="also pack the bundle as a .tar.gz")
    args = parser.parse_args(argv)
    try:
        build(force=args.force or args.clean, clean=args.clean)
    except subprocess.CalledProcessError as exc:
        print(f"error: {Path(exc.cmd[0]).name} failed (exit {exc.returncode})", file=sys.stderr)
        return 1
    if args.archive:
        print(f"archive: {make_archive().relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
