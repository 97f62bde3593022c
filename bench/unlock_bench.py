"""Unlock time with the shipped Argon2id parameters vs SQLCipher's own passphrase open.

Baseline, same run: a SQLCipher database opened with a passphrase (PBKDF2-HMAC-SHA512,
256,000 iterations, SQLCipher 4's default). Goal: unlock about 0.5 s on this machine.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.pop("CLINIC_INSECURE_TEST_KDF", None)  # measure the real parameters

import sqlcipher3.dbapi2 as sqlcipher  # noqa: E402

from clinic_app.crypto.kdf import DEFAULT_PARAMS  # noqa: E402
from clinic_app.vault import Vault  # noqa: E402

RUNS = 5


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="clinic-unlock-bench-"))
    vault = Vault(work / "vault")
    session, _ = vault.create("bench", "bench-password-1")
    session.lock()
    unlock = []
    for _ in range(RUNS):
        start = time.perf_counter()
        vault.unlock("bench", "bench-password-1").lock()
        unlock.append(time.perf_counter() - start)
    plain_path = work / "pbkdf2.db"
    conn = sqlcipher.connect(str(plain_path))
    conn.execute("PRAGMA key = 'bench-password-1'")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    baseline = []
    for _ in range(RUNS):
        start = time.perf_counter()
        conn = sqlcipher.connect(str(plain_path))
        conn.execute("PRAGMA key = 'bench-password-1'")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()
        baseline.append(time.perf_counter() - start)
    p = DEFAULT_PARAMS
    print(f"Argon2id t={p.time_cost} m={p.memory_kib // 1024} MiB p={p.parallelism}; {RUNS} runs each")
    print(f"vault unlock (key slot + open + audit)   median {statistics.median(unlock) * 1000:7.1f} ms   max {max(unlock) * 1000:7.1f} ms")
    print(f"SQLCipher passphrase open (PBKDF2 256k)  median {statistics.median(baseline) * 1000:7.1f} ms   max {max(baseline) * 1000:7.1f} ms")
    print(f"ratio {statistics.median(unlock) / statistics.median(baseline):.1f}x   (goal: unlock about 500 ms; Argon2id adds memory hardness)")


if __name__ == "__main__":
    main()
