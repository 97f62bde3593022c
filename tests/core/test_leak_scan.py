"""The promise, proved: a whole working session leaves no client text on disk and opens no socket.

One session, shared by the tests below: create a vault, add staff, import clients whose notes
and restricted fields carry unique canaries (the real CLI, in subprocesses), search, edit
through the core and the widgets, build a packet, back up, report, lock, quit. Then every file
under the vault folder, the temp folder, HOME (config, cache, data) and the working directory
is scanned for every canary in UTF-8, UTF-16-LE and UTF-16-BE. Only the packet may hold the
canaries that belong in a packet (the client's name). Every CLI run (and the in-process part)
is watched by an audit hook that records any socket use.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import CLI, PASSWORD

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "selftest-intake.json"
BACKUP_PASSWORD = "leak-scan backup passphrase staple"

CANARIES = {
    "name": "Zqxvleakname",  # the client's family name: belongs in that client's packet
    "note": "CANARYNOTEq7w1",
    "status": "CANARYSTATUSk2p9",  # CA restricted key: dropped at import
    "birth": "CANARYBIRTHm4x8",  # IL restricted key the (clinic's) IL profile needs: stored
    "anumber": "CANARYANUMz6c3",  # IL restricted key no profile needs: dropped
    "analysis": "CANARYANALYSISr5t0",  # attorney work product entered through the core
    "edit": "CANARYEDITj8n2",  # a note added after import
    "ui": "CANARYUIPANELh3v6",  # typed into the restricted-data panel
    "unicode": "CANARYÑandúü9ß",  # non-ASCII, so UTF-8 and UTF-16 differ from ASCII
}
IN_PACKET = {"name"}
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")

# Installed in every CLI subprocess through PYTHONPATH: records any socket use and refuses it.
SITECUSTOMIZE = '''
import os, sys
_log = os.environ.get("CLINIC_SOCKET_LOG")
if _log:
    def _no_network(event, args):
        if event.startswith("socket."):
            fd = os.open(_log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            os.write(fd, (event + " " + " ".join(sys.argv[1:4]) + "\\n").encode())
            os.close(fd)
            raise RuntimeError("Clinic Intake must not use the network: " + event)
    sys.addaudithook(_no_network)
'''

_in_process_socket_events: list[str] = []
_watch_in_process = False


def _in_process_hook(event: str, args) -> None:
    if _watch_in_process and event.startswith("socket."):
        _in_process_socket_events.append(event)


sys.addaudithook(_in_process_hook)  # audit hooks cannot be removed; it records only while watching


@dataclass
class LeakSession:
    root: Path
    scanned: dict[str, Path]
    packet: Path | None
    socket_log: Path
    env: dict
    outputs: list[tuple[str, str, str]] = field(default_factory=list)  # (command, stdout, stderr)
    notes: list[str] = field(default_factory=list)  # what this run exercised


def _intake_document() -> dict:
    """Two fictional clients from the self-test sample, carrying the canaries."""
    sample = json.loads(SAMPLE.read_text("utf-8"))
    first = sample["clients"][0]
    first["family_name"] = CANARIES["name"]
    first["notes"] = f"Prefers evening calls. {CANARIES['note']}"
    first["matters"][0]["restricted"] = {"immigration_status": CANARIES["status"], "consent_on": "2026-01-05"}
    second = json.loads(json.dumps(sample["clients"][0]))
    second["given_name"], second["family_name"] = "Iris", "Quintero"
    second["aliases"] = []
    second["notes"] = f"Speaks Spanish and Catalan. {CANARIES['unicode']}"
    matter = second["matters"][0]
    matter["state"] = "IL"
    for conviction in matter["convictions"]:
        conviction["state"] = "IL"
    matter["restricted"] = {"place_of_birth": CANARIES["birth"], "a_number": CANARIES["anumber"], "consent_on": "2026-01-05"}
    sample["clients"] = [first, second]
    return sample


def _write_clinic_il_profile(vault_dir: Path) -> None:
    """The clinic's own IL profile (a copy of CA's) that needs place_of_birth."""
    shipped = Path(__file__).resolve().parents[2] / "clinic_app" / "profiles" / "CA.toml"
    text = shipped.read_text("utf-8")
    text = text.replace('state = "CA"', 'state = "IL"', 1).replace(
        "restricted_fields_needed = []", 'restricted_fields_needed = ["place_of_birth"]', 1
    )
    (vault_dir / "profiles").mkdir(parents=True, exist_ok=True)
    (vault_dir / "profiles" / "IL.toml").write_text(text, "utf-8")


def _edit_in_process(s: LeakSession, vault_dir: Path, client_id: str, matter_id: str) -> None:
    """Core edits and the widgets, in this process, with HOME/TMPDIR/cwd pointing at the scan."""
    global _watch_in_process
    from clinic_app.domain.models import Note
    from clinic_app.lifecycle import open_session
    from clinic_app.vault import Vault

    with pytest.MonkeyPatch.context() as mp:
        for key in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "TMPDIR"):
            mp.setenv(key, s.env[key])
        mp.setattr(tempfile, "tempdir", None)
        mp.chdir(s.scanned["cwd"])
        _watch_in_process = True
        try:
            session = open_session(Vault(vault_dir), "attorney", PASSWORD)
            try:
                session.notes.save(Note(client_id=client_id, body=f"Called back. {CANARIES['edit']}"))
                client = session.clients.get(client_id)
                client.phone = "(323) 555-0101"
                session.clients.update(client, ["phone"])
                assert [c.id for c in session.clients.list(CANARIES["edit"])] == [client_id]
                session.restricted.open_purpose(matter_id, "attorney_work_product", ["immigration_analysis"], client_consent=True)
                session.restricted.put(matter_id, "immigration_analysis", f"Analysis: {CANARIES['analysis']}")
                _edit_in_widgets(s, session, vault_dir, client_id, matter_id, mp)
            finally:
                session.lock()
        finally:
            _watch_in_process = False
            tempfile.tempdir = None


def _edit_in_widgets(s: LeakSession, session, vault_dir: Path, client_id: str, matter_id: str, mp) -> None:
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    from clinic_app.restricted_categories import Category
    from ui import tasks
    from ui.widgets.restricted_panel import RestrictedDataPanel

    app = QApplication.instance() or QApplication([])
    # No modal box may wait for a click that never comes (offscreen): answer them.
    for kind in ("warning", "information", "critical"):
        mp.setattr(QMessageBox, kind, staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))
    mp.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    mp.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    tasks.set_synchronous(True)
    try:
        panel = RestrictedDataPanel()
        panel.load(session, matter_id)
        panel.category_checks[Category.IMMIGRATION_COURT].setChecked(True)
        panel.consent.setChecked(True)
        panel.record_purpose()
        panel.field.setCurrentIndex(panel.field.findData("immigration_hearing_date"))
        panel.value_edit.setPlainText(CANARIES["ui"])
        panel.store_value()
        assert panel.error.text() == "", panel.error.text()
        panel.toggle_values()
        assert any(CANARIES["ui"] in panel.table.item(r, 2).text() for r in range(panel.table.rowCount()))
        panel.clear()
        panel.deleteLater()
        s.notes.append("restricted panel")
        _main_window_round(s, session, vault_dir, client_id)
        app.processEvents()
    finally:
        tasks.set_synchronous(False)


def _main_window_round(s: LeakSession, session, vault_dir: Path, client_id: str) -> None:
    """The main window: open the client, then close."""
    from clinic_app.vault import Vault
    from ui.main_window import MainWindow

    window = MainWindow(Vault(vault_dir))
    try:
        window.start_session(session)
        window.open_client(client_id)
        for name in IN_PACKET | {"note", "edit"}:
            assert CANARIES[name] not in window.windowTitle()
        s.notes.append("main window")
    finally:
        window.hide()
        window.deleteLater()


@pytest.fixture(scope="module")
def leak_session(tmp_path_factory) -> LeakSession:
    root = tmp_path_factory.mktemp("leak")
    scanned = {name: root / name for name in ("vault", "tmp", "home", "cwd")}
    for folder in scanned.values():
        folder.mkdir(parents=True, exist_ok=True)
    inputs, hook = root / "inputs", root / "hook"  # the user's own input file is not the app's
    inputs.mkdir()
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE, "utf-8")
    home = scanned["home"]
    env = dict(os.environ)
    env.update(
        HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local/share"), TMPDIR=str(scanned["tmp"]), TMP=str(scanned["tmp"]),
        TEMP=str(scanned["tmp"]), CLINIC_SOCKET_LOG=str(root / "sockets.log"),
        PYTHONPATH=os.pathsep.join(p for p in (str(hook), os.environ.get("PYTHONPATH", "")) if p),
    )
    for key in ("CLINIC_VAULT", "CLINIC_USER", "CLINIC_PASSWORD"):
        env.pop(key, None)
    s = LeakSession(root, scanned, None, root / "sockets.log", env)
    vault_dir = scanned["vault"]

    def run(*args: str, user: str | None = "manager", extra: dict | None = None) -> subprocess.CompletedProcess:
        full = dict(env, CLINIC_PASSWORD=PASSWORD, **(extra or {}))
        argv = [CLI, "--vault", str(vault_dir)] + (["--user", user] if user else []) + list(args)
        proc = subprocess.run(argv, capture_output=True, text=True, env=full, cwd=scanned["cwd"], stdin=subprocess.DEVNULL, timeout=120)
        s.outputs.append((" ".join(args[:2]), proc.stdout, proc.stderr))
        assert proc.returncode == 0, f"{args[:2]} failed: {proc.stderr}"
        return proc

    run("vault", "create", "--admin", "manager", "--clinic", "Leak Scan Clinic", user=None)
    run("user", "add", "attorney", "--role", "attorney", extra={"CLINIC_NEW_PASSWORD": PASSWORD})
    run("user", "add", "paralegal", "--role", "paralegal", extra={"CLINIC_NEW_PASSWORD": PASSWORD})
    _write_clinic_il_profile(vault_dir)
    intake = inputs / "intake.json"
    intake.write_text(json.dumps(_intake_document(), ensure_ascii=False), "utf-8")
    imported = json.loads(run("intake", "import", str(intake), "--json", user="attorney").stdout)
    dropped = "\n".join(imported["dropped"])
    assert "immigration_status" in dropped and "a_number" in dropped
    assert "place_of_birth" not in dropped  # the clinic's IL profile needs it: stored
    first_client, second_client = (c["id"] for c in imported["clients"])
    first_matter = imported["clients"][0]["matters"][0]

    found = json.loads(run("client", "list", "--search", CANARIES["note"], "--json", user="paralegal").stdout)
    assert [c["id"] for c in found["clients"]] == [first_client]
    for name in ("status", "birth", "anumber"):
        assert json.loads(run("client", "list", "--search", CANARIES[name], "--json", user="paralegal").stdout)["clients"] == []

    _edit_in_process(s, vault_dir, first_client, first_matter)

    packet = scanned["cwd"] / "out" / "packet.pdf"
    run("packet", "build", "--matter", first_matter, "--draft", "--out", str(packet), user="attorney")
    assert packet.read_bytes().startswith(b"%PDF")
    s.packet = packet
    (scanned["cwd"] / "backups").mkdir()
    run("backup", "create", "--out", str(scanned["cwd"] / "backups" / "leak.backup"), extra={"CLINIC_BACKUP_PASSWORD": BACKUP_PASSWORD})
    # A sealed bundle on a "stick" in the scanned folder (this vault trusts its own clinic key).
    run("bundle", "key", "--out", str(scanned["cwd"] / "clinic.clinickey"), user="attorney")
    run("bundle", "trust", str(scanned["cwd"] / "clinic.clinickey"))
    run("bundle", "laptop-key", "--out", str(scanned["cwd"] / "laptop.laptopkey"), user="paralegal")
    run("bundle", "enrol", str(scanned["cwd"] / "laptop.laptopkey"))
    (scanned["cwd"] / "stick").mkdir()
    run("bundle", "export", "--out", str(scanned["cwd"] / "stick"), "--keep", user="paralegal")
    assert "already here" in run("bundle", "import", str(scanned["cwd"] / "stick"), user="attorney").stdout
    report = json.loads(run("privacy", "report", "--json", user="manager").stdout)
    assert report["total_values"] == 3  # IL birthplace, the analysis, the value typed in the panel
    run("vault", "check", user="manager")
    return s


def _files(folder: Path) -> list[Path]:
    return [Path(d) / f for d, _, files in os.walk(folder) for f in files if (Path(d) / f).is_file()]


def find_canaries(files: list[Path], canaries: dict[str, str], allowed: dict[Path, set[str]]) -> list[str]:
    """'canary in file (encoding)' for every hit, file names included."""
    hits = []
    for path in files:
        data = path.read_bytes()
        for name, text in canaries.items():
            if name in allowed.get(path, set()):
                continue
            if text in str(path):
                hits.append(f"{name} in the file name {path}")
            for encoding in ENCODINGS:
                if text.encode(encoding) in data:
                    hits.append(f"{name} in {path} ({encoding})")
    return hits


def test_scanner_finds_a_canary_in_every_encoding(tmp_path):
    for encoding in ENCODINGS:
        (tmp_path / f"probe-{encoding}").write_bytes(b"x" + CANARIES["unicode"].encode(encoding) + b"y")
    hits = find_canaries(_files(tmp_path), {"unicode": CANARIES["unicode"]}, {})
    assert len(hits) == 3


def test_no_canary_in_any_file_the_session_touched(leak_session):
    s = leak_session
    files = {name: _files(folder) for name, folder in s.scanned.items()}
    assert any(p.name == "vault.db" for p in files["vault"])  # the scan really covers the vault
    names = {p.name for p in files["cwd"]}
    assert {n for n in names if not n.endswith(".clinicbundle")} == {"packet.pdf", "leak.backup", "clinic.clinickey", "laptop.laptopkey"}
    assert len(names) == 5, "one sealed bundle, scanned like every other file"
    allowed = {s.packet: IN_PACKET}
    hits = find_canaries([p for group in files.values() for p in group], CANARIES, allowed)
    assert hits == []


def test_no_restricted_or_note_canary_in_any_command_output(leak_session):
    never_printed = {k: v for k, v in CANARIES.items() if k not in IN_PACKET}
    for command, out, err in leak_session.outputs:
        for name, text in never_printed.items():
            assert text not in out + err, f"{name} printed by {command}"


def test_no_socket_during_the_whole_session(leak_session):
    assert not leak_session.socket_log.exists(), leak_session.socket_log.read_text()
    assert _in_process_socket_events == []


def test_the_socket_watch_catches_a_socket(leak_session, tmp_path):
    log = tmp_path / "probe.log"
    env = dict(leak_session.env, CLINIC_SOCKET_LOG=str(log))
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.socket()"], env=env, capture_output=True, timeout=60)
    assert probe.returncode != 0 and "socket.__new__" in log.read_text()


def test_packet_text_holds_the_name_but_no_other_canary(leak_session):
    """The packet's streams are compressed, so read its text too, not just its bytes."""
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() or "" for page in PdfReader(leak_session.packet).pages)
    assert CANARIES["name"] in text  # the extraction sees what the packet says
    assert [name for name, canary in CANARIES.items() if name not in IN_PACKET and canary in text] == []
