"""Start-up of the frozen app (dist/clinic-intake/) vs the same code run from the venv.

Baseline, same run: `.venv/bin/clinic-app` (source install). Measured: `--version` (CLI
path, no Qt) and time to first window offscreen (unlock screen of an existing vault, in
Spanish, CLINIC_EXIT_AFTER_FIRST_WINDOW=1 quits once the window is shown). Also prints the
bundle size. Goal: first window under 1.5 s; frozen no slower than 1.5x the venv.
Builds the bundle first when the sources changed (packaging/build.py).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import build  # noqa: E402  (packaging/build.py)

RUNS = 7


def timed(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, capture_output=True, stdin=subprocess.DEVNULL, timeout=120)
    return time.perf_counter() - start


def median_ms(argv: list[str], env: dict) -> float:
    timed(argv, env)  # warm the page cache once; laptops start the app warm after the first time
    return statistics.median(timed(argv, env) for _ in range(RUNS)) * 1000


def main() -> None:
    frozen = build.build()
    source = Path(sys.executable).with_name("clinic-app")
    work = Path(tempfile.mkdtemp(prefix="clinic-startup-bench-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLINIC_INSECURE_TEST_KDF": "1",
           "CLINIC_PASSWORD": "bench-password-1", "XDG_CONFIG_HOME": str(work / "config")}
    subprocess.run([str(frozen), "--vault", str(work / "vault"), "vault", "create", "--admin", "bench"],
                   env=env, check=True, capture_output=True)
    window_env = {**env, "CLINIC_VAULT": str(work / "vault"), "CLINIC_LANGUAGE": "es", "CLINIC_EXIT_AFTER_FIRST_WINDOW": "1"}
    rows = [
        ("--version", [["--version"], env]),
        ("first window (offscreen, es)", [[], window_env]),
    ]
    size = build.folder_size(build.BUNDLE) / 2**20
    print(f"bundle {build.BUNDLE.relative_to(ROOT)}: {size:.0f} MiB on disk; median of {RUNS} warm runs each")
    for name, (args, run_env) in rows:
        f = median_ms([str(frozen), *args], run_env)
        s = median_ms([str(source), *args], run_env)
        print(f"{name:30s} frozen {f:7.0f} ms   venv {s:7.0f} ms   ratio {f / s:.2f}x")


if __name__ == "__main__":
    main()
