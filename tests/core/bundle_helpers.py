"""Two real vaults, a clinic and a field laptop, wired together the way a clinic day sets them up."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from clinic_app.lifecycle import open_session
from clinic_app.vault import Vault
from tests.conftest import PASSWORD

CLINIC_DAY = Path(__file__).resolve().parent.parent / "fixtures" / "intake_clinic_day.json"
CLINIC_DAY_NAMES = {("José", "Hernández"), ("Thị Hồng", "Nguyễn"), ("美玲", "林")}


def clinic_day() -> dict:
    return json.loads(CLINIC_DAY.read_text(encoding="utf-8"))


@dataclass
class Pair:
    clinic: Vault
    field: Vault
    drop: Path

    def names_at_clinic(self) -> set[tuple[str, str]]:
        with open_session(self.clinic, "attorney", PASSWORD) as s:
            return {(c.given_name, c.family_name) for c in s.clients.list()}

    def counts_at_clinic(self) -> dict[str, int]:
        with open_session(self.clinic, "attorney", PASSWORD) as s:
            tables = ("clients", "matters", "convictions", "tasks", "notes", "bundle_records", "bundle_senders")
            counts = {t: s.db.query_one(f"SELECT count(*) FROM {t}")[0] for t in tables}
            counts["imports audited"] = s.db.query_one("SELECT count(*) FROM audit_log WHERE action = 'bundle.import'")[0]
            return counts


def make_pair(make_vault, tmp_path: Path, enrol: bool = True) -> Pair:
    """Clinic key made by an attorney, trusted by the field vault's manager; clinic-day intakes in
    the field; the laptop enrolled at the clinic by its manager (unless `enrol` is False)."""
    clinic = make_vault(tmp_path / "clinic")
    field = make_vault(tmp_path / "field")
    with open_session(clinic, "attorney", PASSWORD) as s:
        key, _ = s.bundles.clinic_key()
    with open_session(field, "manager", PASSWORD) as s:
        s.bundles.trust(key.to_bytes(), key.fingerprint)
    with open_session(field, "paralegal", PASSWORD) as s:
        s.intake.import_document(clinic_day())
    if enrol:
        enrol_laptop(clinic, field)
    drop = tmp_path / "drop"
    drop.mkdir()
    return Pair(clinic, field, drop)


def laptop_key_file(field: Vault) -> bytes:
    with open_session(field, "paralegal", PASSWORD) as s:
        return s.bundles.laptop_key().to_bytes()


def laptop_fingerprint(pair: Pair) -> str:
    """The field laptop's signer fingerprint, as its Send to clinic dialog shows it."""
    with open_session(pair.field, "manager", PASSWORD) as s:
        return s.bundles.laptop_key().fingerprint


def enrol_laptop(clinic: Vault, field: Vault):
    """The office's manager enrols the laptop from the key file it wrote, before it goes out."""
    with open_session(clinic, "manager", PASSWORD) as s:
        return s.bundles.enrol_sender(laptop_key_file(field))


def export_from_field(pair: Pair, keep: bool = True, user: str = "paralegal") -> Path:
    with open_session(pair.field, user, PASSWORD) as s:
        return s.bundles.export(pair.drop, keep=keep).path
