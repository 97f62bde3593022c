"""Start-up of the frozen app (the PyInstaller one-folder bundle) against a bare PySide6 window.

Floor, same run: a bare PySide6 window (import QtWidgets, QApplication, a QMainWindow shown,
quit) run by the venv's Python with bytecode cached. Measured: the bundle's time to its first
window (the unlock screen of an existing vault, offscreen, in Spanish;
CLINIC_EXIT_AFTER_FIRST_WINDOW=1 quits once it is shown), and `--version` beside the venv's.
Goal: first window <= 1.3x the bare window. Uses dist/clinic-intake/ when it is up to date with
the sources and never rebuilds it: otherwise the bundle is built in a temp folder, removed after.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, Figure, figure, ratio, report
from startup_bench import BARE_WINDOW, cpu_line, pair

sys.path.insert(0, str(ROOT / "packaging"))
import build  # noqa: E402  (packaging/build.py)


def bundle(work: Path) -> Path:
    """The frozen app's executable: the repository's build if current, else a fresh one in `work`."""
    if build.is_up_to_date(build.build_hash()):
        print(f"using {build.BUNDLE.relative_to(ROOT)} (up to date with the sources)")
        return build.executable()
    build.DIST, build.WORK = work / "dist", work / "pyinstaller"
    build.BUNDLE, build.STAMP = build.DIST / build.APP_ID, build.DIST / f"{build.APP_ID}.build-hash"
    print("dist/ is not up to date: building a bundle in a temp folder (dist/ is left alone)")
    return build.build()


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="clinic-frozen-bench-"))
    try:
        frozen = str(bundle(work))
        source = str(Path(sys.executable).with_name("clinic-app"))
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env |= {"QT_QPA_PLATFORM": "offscreen", "CLINIC_INSECURE_TEST_KDF": "1", "CLINIC_PASSWORD": "bench-password-1",
                "PYTHONPYCACHEPREFIX": str(work / "pycache"), "HOME": str(work), "XDG_CONFIG_HOME": str(work / "config"),
                "XDG_DATA_HOME": str(work / "data")}
        vault = str(work / "vault")
        subprocess.run([frozen, "--vault", vault, "vault", "create", "--admin", "bench"], env=env, check=True, capture_output=True)
        size = build.folder_size(Path(frozen).parent) / 2**20
        print(f"bundle: {size:.0f} MiB on disk")
        ours, venv = pair([frozen, "--version"], [source, "--version"], env)
        print(f"--version: frozen {ours}, venv {venv}")
        window_env = env | {"CLINIC_VAULT": vault, "CLINIC_LANGUAGE": "es", "CLINIC_EXIT_AFTER_FIRST_WINDOW": "1"}
        cpu: dict[str, Figure] = {}
        ours, floor = pair([frozen], [sys.executable, "-c", BARE_WINDOW], window_env, cpu)
        print(cpu_line("frozen app: start to the unlock window", cpu))
        r = ratio(ours, floor)
        report("frozen app: start to the unlock window", floor, "<= 1.3x bare PySide6 window", ours, r, r.median <= 1.3)
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
