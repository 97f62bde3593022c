"""A paralegal's long day in one process: the reference counts of None, True and False hold.

Run by tests/ui/test_soak.py as `python -m tests.ui.soak_session` (offscreen, test KDF, a
throwaway vault), with real threads: opens clients one after another from the list, types
search keystrokes (each one runs a background search), runs plain background tasks and builds
packets. After each phase it prints one JSON line with the reference counts; it exits 1 when a
count left its band. A Qt binding that drops a reference per call or per emit (PySide6 6.12 on
Python 3.11) either leaves the band or aborts the interpreter ("bool_dealloc"), so the exit code
is not 0 either way.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CLINIC_INSECURE_TEST_KDF"] = "1"

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from clinic_app.lifecycle import create_vault  # noqa: E402

# A binding that drops one reference per call or emit loses thousands over each phase; live
# objects holding None/True/False move the counts by a few hundred at most.
LOSS_BAND = 400
# PySide 6.11 takes a spare reference to None (sometimes True/False) on some paths, e.g. per
# destroyed QObject or per bool returned from a Python override (docs/runtime.md). That keeps
# them alive (harmless), so gains are only capped: a few per operation, not without bound.
# Measured on 6.11.3: about 10.2 per client opened (the workspace's short-lived QObjects), under
# 0.1 per keystroke or background task since finished tasks are freed (ui/tasks.py `_Job.run`).
GAIN_PER_OPERATION = 12
SEARCH_WORDS = ("garcia", "nguyen", "maria", "lopez", "smith", "kim", "jose", "ana", "tran", "xyz")


def counts() -> dict[str, int]:
    return {"None": sys.getrefcount(None), "True": sys.getrefcount(True), "False": sys.getrefcount(False)}


def run_script(steps, timeout_s: float) -> None:
    """Run the event loop while a generator of steps plays; each step may yield a predicate to
    wait for. One loop and one timer for the whole day, so the harness itself makes no Qt
    objects per step (a paralegal's clicks arrive the same way, between event-loop turns)."""
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(1)
    waiting = [None]
    failure: list[BaseException] = []

    def tick() -> None:
        if time.monotonic() > deadline:
            failure.append(TimeoutError("the soak did not finish in time"))
            loop.quit()
            return
        if waiting[0] is not None and not waiting[0]():
            return
        try:
            waiting[0] = next(steps)
        except StopIteration:
            loop.quit()
        except BaseException as exc:  # reported after the loop, with its traceback
            failure.append(exc)
            loop.quit()

    timer.timeout.connect(tick)
    timer.start()
    loop.exec()
    timer.stop()
    if failure:
        raise failure[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=300, help="clients in the vault")
    parser.add_argument("--opens", type=int, default=2000)
    parser.add_argument("--keystrokes", type=int, default=5000)
    parser.add_argument("--tasks", type=int, default=3000)
    parser.add_argument("--packets", type=int, default=20)
    args = parser.parse_args(argv)

    from clinic_app.demo import populate
    from clinic_app.vault import Vault
    from ui import tasks
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    password = "correct horse battery staple"
    failures: list[str] = []
    # The soak counts references, not disk syncs: each client opened commits an audit entry
    # with a full sync, so the throwaway vault lives in a RAM folder where there is one.
    ram = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="clinic-soak-", dir=ram) as folder:
        vault = Vault(Path(folder) / "vault")
        session, _ = create_vault(vault, "manager", password, clinic_name="Soak Clinic")
        populate(session, clients=args.clients)
        session.lock()
        window = MainWindow(vault)
        window.show()
        start = time.monotonic()
        baseline: dict[str, int] = {}
        operations = [0]

        def checkpoint(phase: str) -> None:
            gc.collect()
            now = counts()
            baseline.update({} if baseline else now)
            drift = {name: now[name] - baseline[name] for name in now}
            print(json.dumps({"phase": phase, "seconds": round(time.monotonic() - start, 1), "counts": now, "drift": drift}), flush=True)
            for name, moved in drift.items():
                if moved < -LOSS_BAND:
                    failures.append(f"{phase}: {moved} references to {name} lost")
                if moved > LOSS_BAND + GAIN_PER_OPERATION * operations[0]:
                    failures.append(f"{phase}: {moved} references to {name} gained")

        def day():
            window.unlock_page.username.setText("manager")
            window.unlock_page.password.setText(password)
            window.unlock_page.try_unlock()
            yield lambda: window.session is not None and not window.list_pane.model.busy
            session = window.session
            client_ids = [summary.id for summary in session.clients.list("", 0, args.clients)]
            matter_ids = [m.id for cid in client_ids for m in session.matters.for_client(cid)][: args.packets]
            # Warm-up: every page and cache built once, so the baseline holds their references.
            for client_id in client_ids[:5]:
                window.list_pane.client_activated.emit(client_id)
                yield None
            checkpoint("warm-up")

            for i in range(args.opens):
                window.list_pane.client_activated.emit(client_ids[i % len(client_ids)])
                operations[0] += 1
                yield None
            checkpoint(f"opened {args.opens} clients")

            pane = window.list_pane
            pane.debounce.setInterval(0)  # every keystroke runs its own background search
            pane.search.setFocus()
            typed = word = 0
            while typed < args.keystrokes:
                pane.search.clear()
                for letter in SEARCH_WORDS[word % len(SEARCH_WORDS)][: args.keystrokes - typed]:
                    QTest.keyClick(pane.search, letter)
                    typed += 1
                    operations[0] += 1
                    yield lambda: not pane.debounce.isActive() and not pane.model.busy
                word += 1
            checkpoint(f"typed {typed} keystrokes")

            finished = [0]
            for i in range(args.tasks):
                tasks.run_in_background(lambda i=i: i % 2 == 0, lambda _even: finished.__setitem__(0, finished[0] + 1))
                operations[0] += 1
                if i % 100 == 99:
                    yield lambda i=i: finished[0] == i + 1
            yield lambda: finished[0] == args.tasks
            checkpoint(f"ran {args.tasks} background tasks")

            matters = window.workspace.matters
            built = 0
            for matter_id in matter_ids:
                page = matters.packet_page
                page.show_matter(session, matter_id)
                page.draft.setChecked(True)  # builds even when a demo matter is not ready
                page.build()
                operations[0] += 1
                yield lambda: page._task is not None and page._task.finished
                built += page.packet is not None
            checkpoint(f"built {built} packets")
            if built != len(matter_ids):
                failures.append(f"only {built} of {len(matter_ids)} packets built")
            window.drop_data()

        run_script(day(), timeout_s=600)
        window.close()
    for failure in failures:
        print("FAIL", failure, flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
