"""Issue 15 "Must show", through the real CLI: a field vault seals, only the clinic opens, once."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from clinic_app.bundles import sealing
from clinic_app.lifecycle import create_vault, open_session
from tests.conftest import PASSWORD
from tests.core.bundle_helpers import CLINIC_DAY, CLINIC_DAY_NAMES


def one_error_line(result) -> str:
    assert result.code != 0
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.err
    assert "Traceback" not in result.err and "internal error" not in result.err
    return lines[0]


@pytest.fixture
def two_vaults(make_vault, tmp_path):
    clinic = tmp_path / "clinic"
    field = tmp_path / "field"
    make_vault(clinic)
    make_vault(field)
    return clinic, field


def test_clinic_day_from_field_laptop_to_clinic(cli, two_vaults, tmp_path):
    clinic, field = two_vaults
    key_file = tmp_path / "clinic.clinickey"
    made = cli("bundle", "key", "--out", str(key_file), user="attorney", vault=clinic)
    assert made.code == 0, made.err
    fp = re.search(r"Fingerprint: ([A-Z2-7]{4}(?:-[A-Z2-7]{4}){3})", made.out).group(1)

    # Only a manager of the field vault trusts a clinic key; a wrong fingerprint is refused.
    assert cli("bundle", "trust", str(key_file), user="paralegal", vault=field).code == 4
    wrong = cli("bundle", "trust", str(key_file), "--fingerprint", "AAAA-AAAA-AAAA-AAAA", vault=field)
    assert "AAAA" not in one_error_line(wrong) and fp in wrong.err
    trusted = cli("bundle", "trust", str(key_file), "--fingerprint", fp.lower(), vault=field)
    assert trusted.code == 0 and fp in trusted.out

    # The clinic's manager enrols the laptop from the key file it writes, comparing its fingerprint.
    laptop_file = tmp_path / "laptop-1.laptopkey"
    wrote = cli("bundle", "laptop-key", "--out", str(laptop_file), user="paralegal", vault=field)
    assert wrote.code == 0, wrote.err
    laptop_fp = re.search(r"Fingerprint: ([A-Z2-7]{4}(?:-[A-Z2-7]{4}){3})", wrote.out).group(1)
    assert cli("bundle", "enrol", str(laptop_file), user="attorney", vault=clinic).code == 4
    assert laptop_fp in one_error_line(cli("bundle", "enrol", str(laptop_file), "--fingerprint", fp, vault=clinic))
    enrolled = cli("bundle", "enrol", str(laptop_file), "--fingerprint", laptop_fp, vault=clinic)
    assert enrolled.code == 0 and laptop_fp in enrolled.out

    assert cli("intake", "import", str(CLINIC_DAY), user="paralegal", vault=field).code == 0
    drop = tmp_path / "usb-stick"
    drop.mkdir()
    sent = cli("bundle", "export", "--out", str(drop), user="paralegal", vault=field)
    assert sent.code == 0, sent.err
    (bundle,) = drop.iterdir()
    assert re.fullmatch(r"[0-9a-f]{20}\.clinicbundle", bundle.name)
    listed = cli("client", "list", vault=field)
    assert listed.code == 0 and listed.out.strip() == "", "sent clients are removed from the field vault"

    # The field laptop cannot open what it sealed, with or without a key of its own.
    assert "no clinic bundle key" in one_error_line(cli("bundle", "import", str(drop), vault=field))
    assert cli("bundle", "key", "--out", str(tmp_path / "own.clinickey"), vault=field).code == 0
    assert "another clinic" in one_error_line(cli("bundle", "import", str(drop), vault=field))

    assert cli("bundle", "import", str(drop), user="paralegal", vault=clinic).code == 4
    first = cli("bundle", "import", str(drop), "--json", user="attorney", vault=clinic)
    assert first.code == 0, first.err
    report = json.loads(first.out)
    assert len(report["imported"]) == 3 and report["skipped"] == [] and report["review"] == []
    assert report["bundles"][0]["sender_user"] == "paralegal"
    listing = cli("client", "list", vault=clinic).out
    for given, family in CLINIC_DAY_NAMES:
        assert f"{family}, {given}" in listing

    again = cli("bundle", "import", str(bundle), "--json", user="attorney", vault=clinic)
    assert again.code == 0
    assert json.loads(again.out)["imported"] == [] and sorted(json.loads(again.out)["skipped"]) == sorted(report["imported"])
    plain = cli("bundle", "import", str(bundle), user="attorney", vault=clinic)
    assert "Nothing changed" in plain.out
    assert cli("client", "list", vault=clinic).out == listing


def test_refused_bundles_change_nothing_and_say_one_line(cli, two_vaults, tmp_path):
    clinic, field = two_vaults
    other_clinic = tmp_path / "other"
    from clinic_app.vault import Vault

    create_vault(Vault(other_clinic), "manager", PASSWORD)[0].lock()
    cli("bundle", "key", "--out", str(tmp_path / "other.clinickey"), vault=other_clinic)
    cli("bundle", "key", "--out", str(tmp_path / "clinic.clinickey"), vault=clinic)
    cli("intake", "import", str(CLINIC_DAY), vault=field)

    def sealed_to(key_name: str) -> bytes:
        out = tmp_path / f"out-{key_name}"
        out.mkdir()
        assert cli("bundle", "trust", str(tmp_path / f"{key_name}.clinickey"), vault=field).code == 0
        assert cli("bundle", "export", "--out", str(out), "--keep", vault=field).code == 0
        return next(out.iterdir()).read_bytes()

    good = sealed_to("clinic")
    elsewhere = sealed_to("other")
    bad = tmp_path / "bad"
    bad.mkdir()
    cases = {
        "flipped-header": bytearray(good),
        "flipped-middle": bytearray(good),
        "flipped-last": bytearray(good),
        "truncated": good[: len(good) // 2],
        "truncated-header": good[:30],
        "elsewhere": elsewhere,
        "empty": b"",
    }
    cases["flipped-header"][40] ^= 0x01
    cases["flipped-middle"][len(good) // 2] ^= 0x01
    cases["flipped-last"][-1] ^= 0x80
    for name, data in cases.items():
        target = bad / f"{name}.clinicbundle"
        target.write_bytes(bytes(data))
        refused = cli("bundle", "import", str(target), user="attorney", vault=clinic)
        line = one_error_line(refused)
        assert refused.code == 1, (name, line)
    assert cli("client", "list", vault=clinic).out.strip() == ""
    # One bad bundle in a folder stops the whole folder: all or nothing.
    shutil.copy(bad / "truncated.clinicbundle", bad / "zz.clinicbundle")
    (bad / "aa.clinicbundle").write_bytes(good)
    for name in cases:
        if name != "truncated":
            (bad / f"{name}.clinicbundle").unlink()
    one_error_line(cli("bundle", "import", str(bad), user="attorney", vault=clinic))
    assert cli("client", "list", vault=clinic).out.strip() == ""
    assert sealing.MAGIC in good[:8]


SPANISH = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "es_ES.UTF-8"}


def test_a_stolen_laptop_is_revoked_and_its_bundles_refused_through_the_cli(cli, make_vault, tmp_path):
    from tests.core.bundle_helpers import export_from_field, make_pair

    pair = make_pair(make_vault, tmp_path)
    clinic, field = tmp_path / "clinic", tmp_path / "field"
    first = export_from_field(pair, keep=False)
    assert cli("bundle", "import", str(first), user="attorney", vault=clinic).code == 0
    first.unlink()
    listed = cli("bundle", "senders", "--json", user="attorney", vault=clinic)
    assert listed.code == 0, listed.err
    (laptop,) = json.loads(listed.out)
    fingerprint = laptop["fingerprint"]
    assert laptop["laptop"] == "Test Clinic" and laptop["last_user"] == "paralegal" and laptop["revoked"] is None

    # Only a manager revokes; bad fingerprints get one error line and change nothing.
    assert cli("bundle", "revoke", fingerprint, user="attorney", vault=clinic).code == 4
    assert "ZZZZ" in one_error_line(cli("bundle", "revoke", "ZZZZ", vault=clinic))
    assert "unrevoke" in cli("bundle", "--help", vault=clinic).out
    assert "no está revocada" in one_error_line(cli("bundle", "unrevoke", fingerprint, vault=clinic, env=SPANISH))
    revoked = cli("bundle", "revoke", fingerprint[:9].lower(), "--reason", "stolen", "--note", "car", vault=clinic)
    assert revoked.code == 0, revoked.err
    assert fingerprint in revoked.out and "refused from now on" in revoked.out
    plain = cli("bundle", "senders", user="attorney", vault=clinic, env=SPANISH).out
    assert fingerprint in plain and "REVOCADA" in plain and "(robada): car" in plain

    # Times in the clinic's own time and the person's language, not raw UTC; --json keeps what is stored.
    evening = "2026-11-28T01:30:00+00:00"  # 5:30 pm on the 27th in California
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.bundles.ctx.db.execute("UPDATE bundle_senders SET last_seen = ?", (evening,))
        s.bundles.ctx.db.execute("UPDATE bundle_revocations SET revoked_at = ?", (evening,))
    california = {"TZ": "America/Los_Angeles"}
    english = cli("bundle", "senders", user="attorney", vault=clinic, env=california).out.replace("\u202f", " ")
    assert "last import 11/27/26, 5:30 PM by paralegal" in english and "REVOKED 11/27/26, 5:30 PM by manager" in english
    spanish = cli("bundle", "senders", user="attorney", vault=clinic, env={**SPANISH, **california}).out
    assert "27/11/26, 17:30" in spanish and "28/11" not in spanish and "UTC" not in spanish
    (stored,) = json.loads(cli("bundle", "senders", "--json", user="attorney", vault=clinic, env=california).out)
    assert stored["last_import"] == stored["revoked"]["at"] == evening

    # The thief seals new intakes on the laptop: refused in one line (in Spanish too), nothing stored, file kept.
    assert cli("intake", "import", str(CLINIC_DAY), user="paralegal", vault=field).code == 0
    stolen = export_from_field(pair, keep=True)
    before = cli("client", "list", vault=clinic).out
    line = one_error_line(cli("bundle", "import", str(pair.drop), user="attorney", vault=clinic))
    assert fingerprint in line and "revoked" in line
    spanish_line = one_error_line(cli("bundle", "import", str(pair.drop), user="attorney", vault=clinic, env=SPANISH))
    assert "revocada" in spanish_line and fingerprint in spanish_line
    assert cli("client", "list", vault=clinic).out == before and stolen.exists()

    assert cli("bundle", "unrevoke", fingerprint, vault=clinic).code == 0
    again = cli("bundle", "import", str(pair.drop), "--json", user="attorney", vault=clinic)
    assert again.code == 0 and len(json.loads(again.out)["imported"]) == 3
