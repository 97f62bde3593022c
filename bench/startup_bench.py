"""Start-up, process against process: the app's unlock window and a CLI command.

1. Start to the unlock window of an existing vault (offscreen; CLINIC_EXIT_AFTER_FIRST_WINDOW=1
   quits once it is shown) against a bare PySide6 window (import QtWidgets, QApplication, a
   QMainWindow shown, quit) in the same run. Goal: <= 1.3x the bare window.
2. `clinic-app client list` (test KDF, so the KDF is not in it) against `python -c pass`.
   Goal: <= 0.3 s more than the bare interpreter.
Both with bytecode cached (PYTHONPYCACHEPREFIX in a temp folder, warmed once: this machine sets
PYTHONDONTWRITEBYTECODE, an installed app has its .pyc), warm page cache, RUNS runs each,
alternating ours and the floor so that load on the machine hits both alike. CPU time of both
sides is printed beside the window row: on a loaded machine wall time stretches, CPU time much less.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import Figure, figure, ratio, report

RUNS = 15  # median and worst of 15: a start is ~0.15 s, and more runs steady the median on a shared machine
BARE_WINDOW = (
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "window = QMainWindow()\n"
    "window.show()\n"
    "QTimer.singleShot(0, app.quit)\n"
    "app.exec()\n"
)


def timed(argv: list[str], env: dict, cpu: list[float] | None = None) -> float:
    """Wall time of one process, start to exit; its CPU time (user + system) goes to `cpu` when
    given. A blocking wait, not subprocess.run(timeout=...): with a timeout Python polls the
    child with sleeps that grow to 50 ms, which rounds every time up to the next poll (0.115,
    0.165, 0.215 s); a timer kills a hung child instead."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    watchdog = threading.Timer(120, child.kill)
    watchdog.start()
    try:
        _pid, status, usage = os.wait4(child.pid, 0)
    finally:
        watchdog.cancel()
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, argv)
    if cpu is not None:
        cpu.append(usage.ru_utime + usage.ru_stime)
    return elapsed


def pair(ours: list[str], floor: list[str], env: dict, cpu: dict[str, Figure] | None = None):
    """(ours, floor) wall times over RUNS runs each, alternated; with `cpu`, their CPU times go
    there too (a loaded machine stretches wall time, much less CPU time)."""
    for argv in (ours, floor, ours, floor):  # warm-up: page cache and bytecode
        timed(argv, env)
    ours_s, floor_s, ours_cpu, floor_cpu = [], [], [], []
    for _ in range(RUNS):
        ours_s.append(timed(ours, env, ours_cpu))
        floor_s.append(timed(floor, env, floor_cpu))
    if cpu is not None:
        cpu["ours"], cpu["floor"] = figure(ours_cpu), figure(floor_cpu)
    return figure(ours_s), figure(floor_s)


def cpu_line(what: str, cpu: dict[str, Figure]) -> str:
    return (f"{what}, CPU time (user + system): {cpu['ours']}, floor {cpu['floor']}, "
            f"ratio {cpu['ours'].median / cpu['floor'].median:.2f}x (load {os.getloadavg()[0]:.1f})")


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="clinic-startup-bench-"))
    try:
        python = sys.executable
        app = str(Path(python).with_name("clinic-app"))
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env |= {"QT_QPA_PLATFORM": "offscreen", "CLINIC_INSECURE_TEST_KDF": "1", "CLINIC_PASSWORD": "bench-password-1",
                "PYTHONPYCACHEPREFIX": str(work / "pycache"), "HOME": str(work), "XDG_CONFIG_HOME": str(work / "config"),
                "XDG_DATA_HOME": str(work / "data"), "XDG_CACHE_HOME": str(work / "cache")}
        vault = str(work / "vault")
        subprocess.run([app, "--vault", vault, "vault", "create", "--admin", "bench"], env=env, check=True, capture_output=True)
        subprocess.run([app, "--vault", vault, "--user", "bench", "demo", "--clients", "60"], env=env, capture_output=True)

        window_env = env | {"CLINIC_EXIT_AFTER_FIRST_WINDOW": "1"}
        cpu: dict[str, Figure] = {}
        ours, floor = pair([app, "--vault", vault], [python, "-c", BARE_WINDOW], window_env, cpu)
        print(cpu_line("start to the unlock window", cpu))
        r = ratio(ours, floor)
        report("start to the unlock window (bytecode cached)", floor, "<= 1.3x bare PySide6 window", ours, r, r.median <= 1.3)

        ours, floor = pair([app, "--vault", vault, "--user", "bench", "client", "list"], [python, "-c", "pass"], env)
        beyond = figure([ours.median - floor.median], "s")
        report("CLI `client list` (test KDF), 60 clients", floor, "<= 0.3 s more than python -c pass", ours, ratio(ours, floor),
               beyond.median <= 0.3)
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
