"""Search-as-you-type at 100,000 clients: the vault's real service call vs plain SQLite.

Both databases get the same rows and the same FTS5 table (schema from migration 1); the
baseline runs the identical SQL on the standard library's unencrypted sqlite3 in the same
run. Goal: p95 <= 15 ms and <= 2x plain. Usage: python bench/search_bench.py [N]
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["CLINIC_INSECURE_TEST_KDF"] = "1"  # the KDF is not what is measured here
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clinic_app.services.clients import ClientService, fts_query  # noqa: E402
from clinic_app.storage.migrations import m0001_initial  # noqa: E402
from clinic_app.vault import Vault  # noqa: E402

GIVEN = ["José", "María", "Thị Hồng", "Wei", "Łukasz", "Aisha", "Carlos", "Guadalupe", "Sokha", "Darnell", "John", "Mary"]
FAMILY = ["Hernández", "García", "Nguyễn", "Zhang", "Kowalski", "Rahman", "Mendoza", "Ramírez", "Smith", "Müller", "Johnson", "Lee"]
QUERIES = ["h", "he", "her", "hern", "hernan", "hernandez", "gar", "garc", "ngu", "nguyen", "jos", "jose her",
           "maria gar", "zh", "kow", "ba1", "ba12", "mü", "mu", "smi"]


def rows(n: int):
    rng = random.Random(7)
    for i in range(n):
        g, f = rng.choice(GIVEN), rng.choice(FAMILY)
        case = f"BA{rng.randrange(100000, 999999)}"
        yield (f"id{i:06d}", g, f, json.dumps([f"{g} {rng.choice(FAMILY)}"] if i % 5 == 0 else [], ensure_ascii=False),
               f"19{rng.randrange(40, 99)}-0{rng.randrange(1, 9)}-1{rng.randrange(0, 9)}", case,
               "Client prefers calls after 5 pm." if i % 7 == 0 else "")


def fill(conn, n: int) -> None:
    conn.execute("BEGIN")
    for cid, g, f, aliases, dob, case, notes in rows(n):
        conn.execute(
            "INSERT INTO clients (id, given_name, family_name, middle_name, aliases, date_of_birth, phone, email, "
            "mailing_address, preferred_language, notes, created_at, created_by, updated_at, updated_by) "
            "VALUES (?,?,?,'',?,?,'','','{}','en',?,'2026-01-01','bench','2026-01-01','bench')",
            (cid, g, f, aliases, dob, notes),
        )
        conn.execute(
            "INSERT INTO client_search (rowid, client_id, names, aliases, case_numbers, notes) "
            "VALUES ((SELECT rowid FROM clients WHERE id = ?),?,?,?,?,?)",
            (cid, cid, f"{g} {f}", " ".join(json.loads(aliases)), case, notes),
        )
    conn.execute("COMMIT")


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def time_calls(call, repeats: int = 5) -> list[float]:
    samples = []
    for _ in range(repeats):
        for q in QUERIES:
            start = time.perf_counter()
            call(q)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    work = Path(tempfile.mkdtemp(prefix="clinic-bench-"))
    session, _ = Vault(work / "vault").create("bench", "bench-password")
    start = time.perf_counter()
    fill(session.db.conn, n)
    vault_fill = time.perf_counter() - start

    plain = sqlite3.connect(work / "plain.db", isolation_level=None)
    for statement in m0001_initial.STATEMENTS:
        plain.execute(statement)
    start = time.perf_counter()
    fill(plain, n)
    plain_fill = time.perf_counter() - start

    service: ClientService = session.clients
    count_sql = "SELECT count(*) FROM client_search WHERE client_search MATCH ?"

    def plain_list(q: str) -> list:
        # The identical two statements the service runs: count the hits, then fetch the page.
        hits = plain.execute(count_sql, (fts_query(q),)).fetchone()[0]
        return plain.execute(service.search_sql(hits), (fts_query(q), 50, 0)).fetchall()

    for q in QUERIES:  # warm both caches the same way
        service.list(q, limit=50)
        plain_list(q)
    vault_ms = time_calls(lambda q: service.list(q, limit=50))
    vault_count_ms = time_calls(lambda q: service.count(q))
    plain_ms = time_calls(plain_list)
    session.lock()

    def line(name, samples):
        return f"{name:<44} p50 {statistics.median(samples):7.2f} ms   p95 {percentile(samples, 95):7.2f} ms"

    print(f"clients: {n:,}   queries: {len(QUERIES)} prefixes x 5   (first page of 50 hits in name order)")
    print(f"bulk load: vault {vault_fill:.2f} s, plain SQLite {plain_fill:.2f} s")
    print(line("vault: session.clients.list(q, limit=50)", vault_ms))
    print(line("vault: session.clients.count(q)", vault_count_ms))
    print(line("plain SQLite (stdlib, unencrypted), same SQL", plain_ms))
    p95_ratio = percentile(vault_ms, 95) / percentile(plain_ms, 95)
    p50_ratio = statistics.median(vault_ms) / statistics.median(plain_ms)
    print(f"ratio vault/plain: p50 {p50_ratio:.2f}x   p95 {p95_ratio:.2f}x   (goal: p95 <= 15 ms and <= 2x)")


if __name__ == "__main__":
    main()
