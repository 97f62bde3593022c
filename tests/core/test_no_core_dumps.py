"""A crash writes no memory to disk: a core dump holds the typed password, the database key
and client data in the clear, readable by whoever takes the laptop.

Each test crashes a real process with SIGSEGV on a machine where core files are on (the
test raises the child's limit first, as a distribution or a developer's shell may). Where
the kernel writes `core` files into the working folder the file itself is looked for; the
process's own state (its core limit, its dumpable flag) is asserted everywhere."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import CLI, PASSWORD

CORE_FILES_IN_CWD = Path("/proc/sys/kernel/core_pattern").read_text().strip().startswith("core")


def _cores_on() -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


def _core_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith("core")]


def _wait_for(condition, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def _core_limit(pid: int) -> str:
    line = next(x for x in Path(f"/proc/{pid}/limits").read_text().splitlines() if x.startswith("Max core file size"))
    return line.split()[4]  # the soft limit


def test_a_crash_while_the_password_is_read_writes_no_core_file(vault, vault_dir, tmp_path):
    password_pipe = tmp_path / "password"
    os.mkfifo(password_pipe)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "CLINIC_PASSWORD"}
    proc = subprocess.Popen(
        [CLI, "--vault", str(vault_dir), "--user", "manager", "--password-file", str(password_pipe), "client", "list"],
        cwd=cwd, env=env, preexec_fn=_cores_on, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        # Blocked opening the pipe: the password is about to be read.
        _wait_for(lambda: Path(f"/proc/{proc.pid}/wchan").read_text() in ("wait_for_partner", "fifo_open"), "the password read")
        assert _core_limit(proc.pid) == "0"
        proc.send_signal(signal.SIGSEGV)
        assert proc.wait(timeout=30) == -signal.SIGSEGV
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if CORE_FILES_IN_CWD:
        assert _core_files(cwd) == []


CRASH_AFTER_UNLOCK = f"""
import ctypes, os, resource, signal, sys
from clinic_app.lifecycle import open_session
from clinic_app.vault import Vault
session = open_session(Vault(sys.argv[1]), "manager", {PASSWORD!r})
session.clients.list()
print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0), flush=True)  # PR_GET_DUMPABLE
resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))  # the limit alone is not trusted
os.kill(os.getpid(), signal.SIGSEGV)
"""


def test_an_unlocked_process_is_not_dumpable_even_with_core_files_allowed(vault, vault_dir, tmp_path):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, "-c", CRASH_AFTER_UNLOCK, str(vault_dir)], cwd=cwd, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert proc.returncode == -signal.SIGSEGV, proc.stderr
    assert proc.stdout.strip() == "0"  # not dumpable: no core file, no other process reads the keys
    if CORE_FILES_IN_CWD:
        assert _core_files(cwd) == []
