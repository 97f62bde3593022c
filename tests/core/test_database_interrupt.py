"""Quitting takes the database from background work without waiting for it
(`Database.interrupt_and_roll_back`): the worker's running statement is interrupted, its
transaction rolls back whole, and the connection is free for the next thread (the exit backup's)
as soon as the call returns.

A real SQLCipher file and a real worker thread inside a transaction, running a statement that
would take minutes; a watchdog ends it after WATCHDOG seconds so that a call that waits fails
on the time taken instead of hanging."""

from __future__ import annotations

import os
import threading
import time

from clinic_app.cancellation import Cancelled
from clinic_app.storage.database import Database

WATCHDOG = 8.0
ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c"


def test_interrupt_and_roll_back_stops_the_worker_and_lets_go(tmp_path):
    db = Database(tmp_path / "vault.db", os.urandom(32))
    db.execute("CREATE TABLE written (n INTEGER)")
    reached, outcome = threading.Event(), []

    def worker():
        watchdog = threading.Timer(WATCHDOG, db.interrupt)
        watchdog.start()
        try:
            with db.transaction() as conn:
                conn.execute("INSERT INTO written VALUES (1)")
                reached.set()
                conn.execute(ENDLESS).fetchone()
            outcome.append("finished")
        except Cancelled:
            outcome.append("cancelled")
        finally:
            watchdog.cancel()

    thread = threading.Thread(target=worker)
    thread.start()
    assert reached.wait(10)
    time.sleep(0.05)  # well inside the long statement
    started = time.perf_counter()
    db.interrupt_and_roll_back()
    took = time.perf_counter() - started
    # Not a speed goal: waiting for the statement would take WATCHDOG seconds.
    assert took < WATCHDOG / 4, f"waited {took:.2f} s for the worker's statement"

    free = []
    other = threading.Thread(target=lambda: free.append(db.lock.acquire(blocking=False) and (db.lock.release() or True)))
    other.start()
    other.join()
    assert free == [True], "the connection is let go on return"
    thread.join(WATCHDOG * 2)
    assert outcome == ["cancelled"]
    assert not db.conn.in_transaction
    assert db.query_one("SELECT count(*) FROM written")[0] == 0, "nothing of the interrupted transaction stays"
    db.close()
