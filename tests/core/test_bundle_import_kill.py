"""`bundle import` killed (SIGKILL) while its transaction writes pages stores nothing, keeps
the bundle file, and the next import brings everything in once; the vault checks clean."""

from __future__ import annotations

import os
import subprocess

from clinic_app.lifecycle import open_session
from tests.conftest import CLI, PASSWORD
from tests.core.bundle_helpers import export_from_field, make_pair
from tests.core.kill_helpers import kill_when

CLIENTS = 1500


def _clients_at(vault) -> int:
    with open_session(vault, "attorney", PASSWORD) as s:
        return s.db.query_one("SELECT count(*) FROM clients")[0]


def test_a_bundle_import_killed_while_it_writes_stores_nothing_and_loses_nothing(make_vault, tmp_path, cli):
    pair = make_pair(make_vault, tmp_path)
    with open_session(pair.field, "paralegal", PASSWORD) as s:
        s.intake.import_document({"format": "clinic-intake", "version": 1, "clients": [
            {"given_name": f"Kill{n}", "family_name": "Trial"} for n in range(CLIENTS)]})
    bundle = export_from_field(pair)
    wal = pair.clinic.folder / "vault.db-wal"
    written_before = wal.stat().st_size if wal.exists() else 0
    proc = subprocess.Popen([CLI, "--vault", str(pair.clinic.folder), "--user", "attorney", "bundle", "import", str(bundle)],
                            env=dict(os.environ, CLINIC_PASSWORD=PASSWORD), stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    kill_when(proc, lambda: wal.exists() and wal.stat().st_size > written_before + 256 * 1024,  # its transaction writes
              "the import's writing")
    assert _clients_at(pair.clinic) == 0  # one transaction: rolled back
    assert bundle.exists()
    final = cli("bundle", "import", str(bundle), user="attorney", vault=pair.clinic.folder)
    assert final.code == 0, final.err
    assert _clients_at(pair.clinic) == 3 + CLIENTS  # the clinic-day intakes too, each once
    check = cli("vault", "check", vault=pair.clinic.folder)
    assert check.code == 0, check.out
