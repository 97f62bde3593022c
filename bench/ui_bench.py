"""UI-thread stalls while 10,000 clients are imported and searched, against a bare window.

A QTimer heartbeat every 5 ms on the GUI thread records the longest gap between beats.
Phase A (baseline): a bare PySide6 QMainWindow, idle, for as long as phase B took.
Phase B: the real main window, unlocked, imports a 10,000-client clinic-intake document
through File > Import (ui.tasks, background) and then runs searches as a user types them
(debounced, background) and scrolls the list (fetchMore on the GUI thread).
Phase C: a 100,000-client vault: unlock, typed searches, scrolling; plus the GUI-thread cost
of one page near the top and at the very end of the list.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui_bench.py [--clients 10000]

Figures only; not a timed test. The issue's goal: no stall over 100 ms.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CLINIC_INSECURE_TEST_KDF"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QMessageBox  # noqa: E402

from clinic_app.lifecycle import create_vault  # noqa: E402
from clinic_app.vault import Vault  # noqa: E402

PASSWORD = "bench-password-1"
GIVEN = ["José", "María", "Nguyễn", "Wei", "Ana", "Samuel", "Fatima", "Olusegun", "Kateryna", "Reza"]
FAMILY = ["Hernández", "García", "Chen", "Okafor", "Kowalski", "Haddad", "Adeyemi", "Pham", "Ruiz", "Díaz"]
SEARCHES = ["h", "he", "her", "hern", "hernandez", "hernandez jo", "garc", "BA10", "BA1000", "okafor", "pham w", ""]


class Heartbeat:
    def __init__(self, interval_ms: int = 5):
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.beat)
        self.gaps: list[float] = []
        self.interval = interval_ms

    def start(self) -> None:
        self.clock.start()
        self.last = self.clock.nsecsElapsed()
        self.timer.start()

    def beat(self) -> None:
        now = self.clock.nsecsElapsed()
        self.gaps.append((now - self.last) / 1e6)
        self.last = now

    def stop(self) -> dict:
        self.timer.stop()
        gaps = sorted(self.gaps) or [0.0]
        return {
            "beats": len(self.gaps),
            "max_ms": gaps[-1],
            "p99_ms": gaps[int(len(gaps) * 0.99) - 1] if len(gaps) > 1 else gaps[-1],
            "over_100ms": sum(1 for g in gaps if g > 100),
        }


def intake_document(n: int) -> dict:
    clients = []
    for i in range(n):
        clients.append(
            {
                "given_name": GIVEN[i % len(GIVEN)],
                "family_name": FAMILY[(i // len(GIVEN)) % len(FAMILY)],
                "aliases": [f"Alias{i}"] if i % 4 == 0 else [],
                "date_of_birth": f"19{50 + i % 45}-0{1 + i % 9}-1{i % 9}",
                "phone": f"(213) 555-{i % 10000:04d}",
                "matters": [
                    {
                        "kind": "pardon",
                        "state": "CA",
                        "route": "direct",
                        "convictions": [{"county": "Los Angeles", "case_number": f"BA{100000 + i}", "level": "felony"}],
                    }
                ],
            }
        )
    return {"format": "clinic-intake", "version": 1, "clients": clients}


def run_until(app: QApplication, done, timeout_s: float = 600) -> None:
    """Run the event loop until done() is true. Not a processEvents() loop: with PySide6 6.12
    on Python 3.11 every processEvents() call drops a reference to None, and a long loop of
    them aborts the interpreter ("deallocating None")."""
    if done():
        return
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(2)

    def check() -> None:
        if done() or time.monotonic() > deadline:
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    if not done():
        raise SystemExit("timed out")


GC_PAUSES: list[tuple[int, float]] = []


def _gc_timer(phase: str, info: dict, _started=[0.0]) -> None:
    if phase == "start":
        _started[0] = time.perf_counter()
    else:
        GC_PAUSES.append((info["generation"], (time.perf_counter() - _started[0]) * 1000))


def window_at_unlock(vault: Vault):
    """The real main window at its unlock screen with the manager's credentials typed in."""
    from ui.main_window import MainWindow

    window = MainWindow(vault)
    window.resize(1180, 740)
    window.show()
    window.show_unlock()
    window.unlock_page.username.setText("manager")
    window.unlock_page.password.setText(PASSWORD)
    return window


def big_list_phase(app: QApplication, folder: Path, n: int) -> dict:
    """A vault of n clients (rows written straight into the tables, as bench/search_bench.py
    does): unlock, type searches, scroll; a heartbeat measures the GUI thread meanwhile."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from search_bench import fill

    vault = Vault(folder)
    session, _ = create_vault(vault, "manager", PASSWORD, clinic_name="Bench")
    with session.db.lock:
        fill(session.db.conn, n)
    session.lock()
    window = window_at_unlock(vault)
    beat = Heartbeat()
    beat.start()
    started = time.perf_counter()
    window.unlock_page.try_unlock()
    run_until(app, lambda: window.session is not None and window.list_pane.model.total == n)
    first_page_ms = (time.perf_counter() - started) * 1000
    for text in SEARCHES:
        window.list_pane.search.setText(text)
        pause = time.monotonic() + 0.06
        run_until(app, lambda: time.monotonic() > pause)
    run_until(app, lambda: window.list_pane.model.search == "" and not window.list_pane.model.busy)
    for _ in range(20):
        window.list_pane.view.scrollToBottom()
        pause = time.monotonic() + 0.02
        run_until(app, lambda: time.monotonic() > pause)
    figures = beat.stop()
    clients = window.session.clients
    t = time.perf_counter()
    clients.list("", 200, 200)
    figures["page_ms"] = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    clients.list("", n - 200, 200)
    figures["deep_page_ms"] = (time.perf_counter() - t) * 1000
    figures["first_page_ms"] = first_page_ms
    window.drop_data()
    window.close()
    return figures


def main() -> int:
    import gc

    gc.callbacks.append(_gc_timer)
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=100_000, help="clients in the list/search phase (0 to skip)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    QMessageBox.information = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)  # no modal at the end

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp
        vault = Vault(Path(tmp) / "vault")
        session, _ = create_vault(vault, "manager", PASSWORD, clinic_name="Bench")
        session.lock()
        document_path = Path(tmp) / "intake.json"
        import json

        document_path.write_text(json.dumps(intake_document(args.clients), ensure_ascii=False))

        window = window_at_unlock(vault)
        window.unlock_page.try_unlock()
        run_until(app, lambda: window.session is not None)

        beat = Heartbeat()
        started = time.perf_counter()
        beat.start()
        handle = window.import_file(str(document_path))
        run_until(app, lambda: handle.finished)
        run_until(app, lambda: not window.list_pane.model.busy)
        assert window.list_pane.model.total == args.clients, "the import did not finish"
        import_seconds = time.perf_counter() - started
        search_started = time.perf_counter()
        search_box = window.list_pane.search
        for text in SEARCHES:
            search_box.setText(text)
            pause = time.monotonic() + 0.06  # a fast typist: under the 150 ms debounce
            run_until(app, lambda: time.monotonic() > pause)
        run_until(app, lambda: window.list_pane.model.search == "" and not window.list_pane.model.busy)
        for _ in range(10):  # scroll: ten pages of 200 rows
            window.list_pane.view.scrollToBottom()
            pause = time.monotonic() + 0.03
            run_until(app, lambda: time.monotonic() > pause)
        search_seconds = time.perf_counter() - search_started
        real = beat.stop()
        longest_gc = max((ms for _gen, ms in GC_PAUSES), default=0.0)
        rows_loaded = window.list_pane.model.rowCount()
        total_seconds = time.perf_counter() - started
        window.drop_data()
        window.close()

        big = big_list_phase(app, Path(tmp) / "big", args.big) if args.big else None

        bare = QMainWindow()
        bare.setCentralWidget(QLineEdit())
        bare.resize(1180, 740)
        bare.show()
        beat = Heartbeat()
        beat.start()
        end = time.monotonic() + total_seconds
        run_until(app, lambda: time.monotonic() > end)
        baseline = beat.stop()
        bare.close()

    print(f"clients imported: {args.clients} in {import_seconds:.1f} s (background, with progress)")
    print(f"searches typed: {len(SEARCHES)} in {search_seconds:.1f} s; rows loaded after scrolling: {rows_loaded}")
    print(f"{'':28}{'beats':>8}{'max gap ms':>12}{'p99 ms':>9}{'gaps >100 ms':>14}")
    for name, figures in (("bare PySide6 window (idle)", baseline), ("app: import + search", real)):
        print(
            f"{name:28}{figures['beats']:>8}{figures['max_ms']:>12.1f}{figures['p99_ms']:>9.1f}{figures['over_100ms']:>14}"
        )
    if big is not None:
        print(
            f"{'app: 100k list + search':28}{big['beats']:>8}{big['max_ms']:>12.1f}{big['p99_ms']:>9.1f}{big['over_100ms']:>14}"
        )
    worst = max(real["max_ms"], big["max_ms"] if big is not None else 0.0)
    ratio = worst / baseline["max_ms"] if baseline["max_ms"] else float("inf")
    print(f"longest cyclic-GC pause in the run: {longest_gc:.1f} ms (the import pauses the collector)")
    if big is not None:
        print(
            f"{args.big:,} clients: first page shown {big['first_page_ms']:.0f} ms after unlock (background); "
            f"one 200-row page on the GUI thread: {big['page_ms']:.1f} ms near the top, "
            f"{big['deep_page_ms']:.1f} ms at row {args.big - 200:,}"
        )
    print(f"longest UI-thread stall: {worst:.1f} ms ({ratio:.1f}x the bare window's longest gap); goal < 100 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
