"""Cost of the restricted-data retention check that runs at every unlock, of the privacy
report, and of a purge, with 5,000 matters holding restricted values.

Baseline, same run and same database: reading every purpose row once (id, matter,
expiry), the least any retention check must do. Goals: the unlock-time retention check under 50 ms; report under 1 s.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

from common import figure, ratio, report  # noqa: E402  (also puts the app on sys.path)
os.environ["CLINIC_INSECURE_TEST_KDF"] = "1"  # key derivation is not what is measured here

from clinic_app.lifecycle import create_vault  # noqa: E402
from clinic_app.vault import Vault  # noqa: E402

MATTERS = 5_000
VALUES_PER_MATTER = 2
RUNS = 5


def fill(session) -> None:
    now, who = "2026-01-01T00:00:00Z", "bench"
    expires = (date.today() + timedelta(days=365)).isoformat()
    with session.db.transaction() as conn:
        for n in range(MATTERS):
            client_id, matter_id, purpose_id = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
            conn.execute(
                "INSERT INTO clients (id, given_name, family_name, middle_name, aliases, phone, email, mailing_address, "
                "preferred_language, notes, created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (client_id, "Bench", f"Client{n}", "", "[]", "", "", "{}", "en", "", now, who, now, who),
            )
            conn.execute(
                "INSERT INTO matters (id, client_id, kind, state, route, status, urgent_need, urgent_need_details, reasons, "
                "offense_circumstances, rehabilitation, family_community, compensation, employment, education, "
                "community_service, created_at, created_by, updated_at, updated_by) "
                "VALUES (?,?,'pardon','CA','direct','intake',0,'','','','','','[]','[]','[]','[]',?,?,?,?)",
                (matter_id, client_id, now, who, now, who),
            )
            conn.execute(
                "INSERT INTO restricted_purposes (id, matter_id, kind, categories, enabled_by, client_consent, consent_on, "
                "expires_on, created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,1,?,?,?,?,?,?)",
                (purpose_id, matter_id, "attorney_work_product", json.dumps(["immigration_analysis"]), who, "2026-01-01",
                 expires, now, who, now, who),
            )
            for _ in range(VALUES_PER_MATTER):
                conn.execute(
                    "INSERT INTO restricted_values (id, purpose_id, matter_id, category, field, value, created_at, created_by, "
                    "updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (str(uuid.uuid4()), purpose_id, matter_id, "immigration_analysis", "immigration_analysis",
                     "x" * 200, now, who, now, who),
                )


def timed(fn) -> list[float]:
    out = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="clinic-privacy-bench-"))
    vault = Vault(work / "vault")
    session, _ = create_vault(vault, "bench", "bench-password-1")
    fill(session)
    baseline = timed(lambda: session.db.query("SELECT id, matter_id, expires_on FROM restricted_purposes"))
    check = timed(lambda: session.as_system().restricted.purge_due())  # nothing due: the unlock-time cost
    report_s = timed(session.restricted.report)
    session.db.execute("UPDATE matters SET closed_on = ?", ((date.today() - timedelta(days=60)).isoformat(),))
    start = time.perf_counter()
    purged = session.restricted.purge_due()
    purge = time.perf_counter() - start
    session.lock()
    shutil.rmtree(work, ignore_errors=True)
    values = MATTERS * VALUES_PER_MATTER
    floor = figure((x * 1000 for x in baseline), "ms")
    print(f"{MATTERS} matters, {values} restricted values; {RUNS} runs each; purge of {purged.values} values once: {purge * 1000:.0f} ms")
    for metric, samples, goal_ms in (("retention check at unlock (nothing due)", check, 50), ("privacy report", report_s, 1000)):
        fig = figure((x * 1000 for x in samples), "ms")
        report(f"{metric}, {MATTERS} matters", floor, f"< {goal_ms} ms", fig, ratio(fig, floor), fig.median < goal_ms)
    return 0

if __name__ == "__main__":
    sys.exit(main())
