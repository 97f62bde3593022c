"""The packet, da and profile commands through the real CLI in a subprocess."""

from __future__ import annotations

import hashlib
import io
import json

from pypdf import PdfReader

from clinic_app.domain.models import Level
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.packet_helpers import prepare



def test_check_and_build_la_and_orange(vault, cli, tmp_path):
    matter_id = prepare(vault, levels=(Level.FELONY, Level.FELONY))
    checked = cli("packet", "check", "--matter", matter_id, user="paralegal")
    assert checked.code == 0, checked.err
    assert "WARNINGS" in checked.out and "Felony convictions in 2 separate cases" in checked.out
    as_json = json.loads(cli("packet", "check", "--matter", matter_id, "--json").out)
    assert as_json["ready"] is True and "supreme_court_recommendation" in [w["code"] for w in as_json["warnings"]]

    out, manifest = tmp_path / "packet.pdf", tmp_path / "packet.json"
    clock = {"SOURCE_DATE_EPOCH": "1767225600"}
    built = cli("packet", "build", "--matter", matter_id, "--out", str(out), "--manifest", str(manifest), user="attorney", env=clock)
    assert built.code == 0, built.err
    again = tmp_path / "again.pdf"
    assert cli("packet", "build", "--matter", matter_id, "--out", str(again), user="attorney", env=clock).code == 0
    assert again.read_bytes() == out.read_bytes()  # same input and clock, another process: same bytes
    texts = [p.extract_text() for p in PdfReader(out).pages]
    notices = [t for t in texts if "PLEASE TAKE NOTICE" in t]
    proofs = [t for t in texts if "Declaration of Service of Notice of Intent" in t and "I declare" in t]
    assert len(notices) == 2 and len(proofs) == 2
    assert "Los Angeles County District Attorney's Office" in notices[0] and "Orange County District Attorney's Office" in notices[1]
    assert "Felony convictions in 2 separate cases" not in " ".join(texts)  # the warning is the clinic's, not the Governor's
    assert json.loads(manifest.read_text())["pages"] == len(texts)
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".clinic-tmp-")]


def test_build_writes_outgoing_packet_file_copy_and_manifest(vault, cli, tmp_path):
    matter_id = prepare(vault, levels=(Level.FELONY, Level.FELONY))
    out, copy, manifest = tmp_path / "packet.pdf", tmp_path / "file-copy.pdf", tmp_path / "packet.json"
    built = cli("packet", "build", "--matter", matter_id, "--out", str(out), "--file-copy", str(copy), "--manifest", str(manifest), user="attorney")
    assert built.code == 0, built.err
    assert "wrote file copy" in built.out
    outgoing = " ".join(p.extract_text() for p in PdfReader(out).pages)
    for internal in ("SHA-256", "manifest", "readiness", "Readiness", "Notes for the reviewer", "files nothing with the court"):
        assert internal not in outgoing, internal
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    file_copy = "".join(" ".join(p.extract_text() for p in PdfReader(copy).pages).split())
    assert digest in file_copy and "SupremeCourt" in file_copy and "Readinessatbuild" in file_copy
    assert json.loads(manifest.read_text())["packet_sha256"] == digest
    assert oct(copy.stat().st_mode & 0o777) == "0o600"


def test_not_ready_exit_1_with_blocking_list_and_draft(vault, cli, tmp_path):
    matter_id = prepare(vault, served={"Los Angeles": 30})
    checked = cli("packet", "check", "--matter", matter_id)
    assert checked.code == 1 and "not yet served on the Orange County district attorney" in checked.out
    out = tmp_path / "packet.pdf"
    refused = cli("packet", "build", "--matter", matter_id, "--out", str(out))
    assert refused.code == 1 and not out.exists()
    assert "BLOCKING (1)" in refused.err and refused.err.strip().splitlines()[-1].startswith("error: the packet is not ready")
    assert "Traceback" not in refused.err
    draft = cli("packet", "build", "--matter", matter_id, "--out", str(out), "--draft")
    assert draft.code == 0 and "draft packet" in draft.out
    assert all("DRAFT" in p.extract_text() for p in PdfReader(out).pages)


def test_paralegal_build_is_exit_4(vault, cli, tmp_path):
    matter_id = prepare(vault)
    denied = cli("packet", "build", "--matter", matter_id, "--out", str(tmp_path / "p.pdf"), user="paralegal")
    assert denied.code == 4 and denied.err.startswith("error: a paralegal may not do this")
    assert not (tmp_path / "p.pdf").exists()


def test_encrypted_build_takes_password_from_environment(vault, cli, tmp_path):
    matter_id = prepare(vault)
    out = tmp_path / "packet.pdf"
    missing = cli("packet", "build", "--matter", matter_id, "--out", str(out), "--encrypt")
    assert missing.code == 1 and "CLINIC_PDF_PASSWORD" in missing.err
    built = cli("packet", "build", "--matter", matter_id, "--out", str(out), "--encrypt", env={"CLINIC_PDF_PASSWORD": "long enough pw"})
    assert built.code == 0 and "AES-256" in built.out
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.is_encrypted and reader.decrypt("long enough pw") != 0


def test_da_commands(vault, cli):
    listed = cli("da", "list", "--json")
    offices = json.loads(listed.out)["offices"]
    assert len(offices) == 58 and offices[0]["county"] == "Alameda"
    assert cli("da", "set", "Kern", "--address", "1215 Truxtun Avenue\\nBakersfield, CA 93301", user="paralegal").code == 4
    changed = cli("da", "set", "kern county", "--address", "1215 Truxtun Avenue\\nBakersfield, CA 93301", "--verified", "2026-01-05", user="attorney")
    assert changed.code == 0, changed.err
    kern = next(o for o in json.loads(cli("da", "list", "--json").out)["offices"] if o["county"] == "Kern")
    assert kern["address"] == ["1215 Truxtun Avenue", "Bakersfield, CA 93301"] and kern["verified_on"] == "2026-01-05"
    assert cli("da", "set", "Atlantis", "--address", "x").err.startswith("error: no county named 'Atlantis'")


def test_profile_commands_need_no_password(vault, cli, tmp_path):
    bad = tmp_path / "CA.toml"
    bad.write_text('state = "CA"\n', encoding="utf-8")
    result = cli("profile", "check", str(bad), user=None, password=None)
    assert result.code == 1 and result.err.strip() == "error: CA.toml: restricted_fields_needed: required"
    assert "CA  " in cli("profile", "list", user=None, password=None).out


def test_instructions_command(vault, cli, tmp_path):
    matter_id = prepare(vault, language="es")
    out = tmp_path / "instrucciones.pdf"
    result = cli("packet", "instructions", "--matter", matter_id, "--out", str(out))
    assert result.code == 0, result.err
    assert "Lo que usted firma" in PdfReader(out).pages[0].extract_text()


def test_cover_letter_is_signed_by_the_building_attorney(vault, cli, tmp_path):
    matter_id = prepare(vault)
    out = tmp_path / "packet.pdf"
    built = cli("packet", "build", "--matter", matter_id, "--out", str(out), user="attorney")
    assert built.code == 0, built.err
    cover = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages[:2]).split())
    assert "Alex Kim Staff Attorney State Bar No. 287654 Test Clinic" in cover


def test_final_build_needs_the_attorneys_bar_number(vault, cli, tmp_path):
    matter_id = prepare(vault)
    session = open_session(vault, "manager", PASSWORD)
    try:
        session.users.add("newlawyer", "attorney", PASSWORD, full_name="Sam Ortiz")
    finally:
        session.lock()
    out = tmp_path / "packet.pdf"
    refused = cli("packet", "build", "--matter", matter_id, "--out", str(out), user="newlawyer")
    assert refused.code == 1 and not out.exists()
    assert "clinic-app user set newlawyer --bar-number N" in refused.err
    assert cli("packet", "build", "--matter", matter_id, "--out", str(out), "--draft", user="newlawyer").code == 0  # a draft is fine
    # anyone sets their own; a paralegal may not set someone else's
    assert cli("user", "set", "newlawyer", "--bar-number", "301122", user="paralegal").code == 4
    assert cli("user", "set", "newlawyer", "--bar-number", "12 34", user="newlawyer").err.startswith("error: bar number:")
    own = cli("user", "set", "newlawyer", "--bar-number", "301122", "--title", "Staff Attorney", user="newlawyer")
    assert own.code == 0, own.err
    built = cli("packet", "build", "--matter", matter_id, "--out", str(out), user="newlawyer")
    assert built.code == 0, built.err
    assert "State Bar No. 301122" in " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages[:2]).split())
    listed = json.loads(cli("user", "list", "--json").out)
    assert {"name": "newlawyer", "full_name": "Sam Ortiz", "title": "Staff Attorney", "bar_number": "301122"}.items() <= next(u for u in listed if u["name"] == "newlawyer").items()


def test_user_add_with_signature_and_manager_sets_anyone(vault, cli):
    added = cli("user", "add", "lee", "--role", "attorney", "--full-name", "Lee Park", "--bar-number", "199001", "--title", "Supervising Attorney", env={"CLINIC_NEW_PASSWORD": "another long password"})
    assert added.code == 0, added.err
    assert cli("user", "set", "lee", "--full-name", "Lee J. Park").code == 0
    lee = next(u for u in json.loads(cli("user", "list", "--json").out) if u["name"] == "lee")
    assert (lee["full_name"], lee["title"], lee["bar_number"]) == ("Lee J. Park", "Supervising Attorney", "199001")
    assert cli("user", "set", "lee").err.startswith("error: nothing to change")
    assert cli("user", "set", "nobody", "--title", "x").err.startswith("error: no user named")


# What `packet build` must not load: the other command groups, code for other jobs (backup,
# bundles, intake, the client's instruction sheet, filling a clinic's official form, image
# attachments, cryptography's key-file formats), and Qt. Each was loaded, or could creep back, at a cost to every build.
PACKET_BUILD_PROBE = r"""
import atexit, sys
NOT_NEEDED = ("clinic_app.cli.", "clinic_app.backup", "clinic_app.bundles", "clinic_app.services.intake", "clinic_app.intake_format",
              "clinic_app.packets.instructions", "clinic_app.packets.fillable", "PIL.ImageOps", "PIL.ImageSequence", "PySide6",
              "cryptography.hazmat.primitives.serialization")
NEEDED = ("clinic_app.cli.common", "clinic_app.cli.packet_commands")
atexit.register(lambda: print(sorted(m for m in sys.modules if m.startswith(NOT_NEEDED) and m not in NEEDED)))
from ui.launcher import main
sys.exit(main())
"""


def test_packet_build_loads_no_other_command_group_nor_code_it_does_not_use(vault, vault_dir, tmp_path):
    import os
    import subprocess
    import sys

    from tests.core.packet_helpers import pdf_pages

    matter_id = prepare(vault, attachments=(("record.pdf", pdf_pages(2, "Record"), "court_record"),))
    out = tmp_path / "packet.pdf"
    argv = ["--vault", str(vault_dir), "--user", "attorney", "packet", "build", "--matter", matter_id, "--out", str(out)]
    env = {**os.environ, "CLINIC_PASSWORD": PASSWORD}
    built = subprocess.run([sys.executable, "-c", PACKET_BUILD_PROBE, *argv], capture_output=True, text=True, env=env, timeout=120)
    assert built.returncode == 0, built.stderr
    assert "wrote packet" in built.stdout and len(PdfReader(out).pages) > 2
    assert built.stdout.strip().splitlines()[-1] == "[]"


# The DejaVu faces ReportLab parsed in a `packet` process: each costs 4-10 ms to read.
FACES_PROBE = r"""
import atexit, sys
from reportlab.pdfbase import pdfmetrics
atexit.register(lambda: print(sorted(name for name in pdfmetrics.getRegisteredFontNames() if name.startswith("DejaVu"))))
from ui.launcher import main
sys.exit(main())
"""


def test_a_build_reads_only_the_font_faces_its_pages_use(vault, vault_dir, tmp_path):
    import os
    import subprocess
    import sys

    matter_id = prepare(vault)
    env = {**os.environ, "CLINIC_PASSWORD": PASSWORD}

    def faces(*command: str) -> list[str]:
        argv = ["--vault", str(vault_dir), "--user", "attorney", "packet", *command, "--matter", matter_id]
        done = subprocess.run([sys.executable, "-c", FACES_PROBE, *argv], capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.strip().splitlines()[-1].replace("'", '"'))

    assert faces("notices", "--out", str(tmp_path / "notices.pdf")) == ["DejaVuSans", "DejaVuSans-Bold"]
    # the worksheet's note is italic; the file copy's hashes alone are in mono
    assert faces("build", "--out", str(tmp_path / "p.pdf")) == ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"]
    assert "DejaVuSansMono" in faces("build", "--out", str(tmp_path / "p.pdf"), "--file-copy", str(tmp_path / "copy.pdf"))
