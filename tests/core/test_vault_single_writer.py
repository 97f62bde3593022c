"""One writer per vault, held on the database file itself: deleting `vault.lock` admits nobody."""

from __future__ import annotations

import copy
import fcntl
import json
import os
import subprocess
import time

from clinic_app.lifecycle import open_session
from clinic_app.storage.process_lock import LOCK_NAME
from tests.conftest import CLI, PASSWORD
from tests.core.test_intake import SAMPLE


def _big_intake(path, clients: int) -> None:
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    template = document["clients"][0]
    document["clients"] = []
    for i in range(clients):
        client = copy.deepcopy(template)
        client["given_name"] = f"Persona{i}"
        document["clients"].append(client)
    path.write_text(json.dumps(document), encoding="utf-8")


def _lock_is_held(path) -> bool:
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def test_deleting_the_lock_file_under_a_running_import_admits_no_second_writer(vault, vault_dir, cli, tmp_path):
    intake = tmp_path / "many.json"
    _big_intake(intake, 4000)
    env = dict(os.environ, CLINIC_PASSWORD=PASSWORD)
    importer = subprocess.Popen(
        [CLI, "--vault", str(vault_dir), "--user", "paralegal", "intake", "import", str(intake)],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not (vault_dir / LOCK_NAME).exists() or not _lock_is_held(vault_dir / LOCK_NAME):
            assert importer.poll() is None, importer.stderr.read()
            assert time.monotonic() < deadline, "the import never took the lock"
            time.sleep(0.01)
        (vault_dir / LOCK_NAME).unlink()

        second = cli("user", "remove", "attorney")
        still_running = importer.poll() is None
        assert second.code == 1, second.err
        assert "open in another Clinic Intake window or command" in second.err
        assert "internal error" not in second.err
        assert still_running, "the import ended before the second command ran; make the intake bigger"
    finally:
        out, err = importer.communicate(timeout=300)
    assert importer.returncode == 0, err
    listing = cli("user", "list")
    assert listing.code == 0 and "attorney" in listing.out  # the refused removal changed nothing
    assert cli("client", "list", "--json", "--limit", "10000").out.count("Persona") == 4000


def test_the_database_lock_is_held_while_a_session_is_open(vault, vault_dir, cli):
    session = open_session(vault, "manager", PASSWORD)
    try:
        (vault_dir / LOCK_NAME).unlink()
        assert _lock_is_held(vault_dir / "vault.db")
        refused = cli("client", "list")
        assert refused.code == 1 and "open in another" in refused.err
    finally:
        session.lock()
    assert not _lock_is_held(vault_dir / "vault.db")
    assert cli("client", "list").code == 0
