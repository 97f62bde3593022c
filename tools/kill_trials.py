"""Random `kill -9` during `user remove`: does a removed user ever keep a working key while
the app reports them removed, or does the next unlock lose anything?

    python tools/kill_trials.py [--trials 120] [--seed 1]

Each trial copies a prepared vault (manager, attorney, paralegal, clients with attachments,
so the rekey takes a while), keeps the paralegal's slot file as they might, starts the real
CLI `user remove paralegal`, kills it with SIGKILL after a random delay across the command's
whole run, looks at what is on disk, then unlocks as the attorney (which finishes any
interrupted rotation) and checks everything (tests/core/rotation_support.py). The test suite
runs a reduced count (tests/core/test_kill_trials.py).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ["CLINIC_INSECURE_TEST_KDF"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clinic_app.crypto.keyslots import COPY_NAMES, KeySlotFile  # noqa: E402
from clinic_app.faults import CRASH_AT_ENV  # noqa: E402
from clinic_app.lifecycle import create_vault  # noqa: E402
from clinic_app.vault import Vault  # noqa: E402
from tests.core.backup_support import populate  # noqa: E402
from tests.core.rotation_support import PENDING, inspect, problems_after_next_unlock  # noqa: E402

PASSWORD = "correct horse battery staple"
CLI = str(Path(sys.executable).with_name("clinic-app"))
CLIENTS = 8
ATTACHMENT_BYTES = 2_500_000  # 20 MB of pages, so the rekey and checkpoint take a while


def make_template(folder: Path) -> None:
    session, _ = create_vault(Vault(folder), "manager", PASSWORD)
    session.users.add("attorney", "attorney", PASSWORD)
    session.users.add("paralegal", "paralegal", PASSWORD)
    populate(session, clients=CLIENTS, attachment_bytes=ATTACHMENT_BYTES)
    session.lock()


def remove_command(folder: Path) -> list[str]:
    return [CLI, "--vault", str(folder), "--user", "manager", "user", "remove", "paralegal"]


def env() -> dict:
    return dict(os.environ, CLINIC_PASSWORD=PASSWORD)


def seconds_until(template: Path, work: Path, crash_at: str | None) -> float:
    """How long the command runs, to its end or to a crash point (fault-injection hook)."""
    folder = work / "timing"
    shutil.copytree(template, folder)
    extra = {CRASH_AT_ENV: crash_at} if crash_at else {}
    started = time.monotonic()
    subprocess.run(remove_command(folder), env={**env(), **extra}, capture_output=True, stdin=subprocess.DEVNULL)
    elapsed = time.monotonic() - started
    shutil.rmtree(folder)
    return elapsed


def trial(template: Path, work: Path, delay: float, number: int) -> tuple[str, list[str]]:
    folder = work / f"t{number}"
    shutil.copytree(template, folder)
    stolen = KeySlotFile.load(folder / COPY_NAMES[0])
    proc = subprocess.Popen(
        remove_command(folder), env=env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if proc.returncode == 0:
        stage = "finished before the kill"
    else:
        state = inspect(folder, stolen, "paralegal", "manager", PASSWORD)
        if (folder / PENDING).exists():
            stage = "killed mid-rotation, user still listed" if state["listed"] else "killed mid-rotation, user removed"
        else:
            stage = "killed before the rotation began" if state["listed"] else "killed after the rotation"
        if not state["listed"] and (state["stolen_opens_database"] or state["stolen_opens_main_file"]):
            shutil.rmtree(folder)
            return stage, [f"on disk after the kill: removed user keeps a key {state}"]
    problems = problems_after_next_unlock(folder, stolen, "paralegal", PASSWORD, CLIENTS)
    shutil.rmtree(folder)
    return stage, problems


def run(trials: int, seed: int) -> int:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        template = work / "template"
        make_template(template)
        # Kills land across the rotation (from just before the pending file to just after the
        # end), not in the second of start-up that precedes it.
        start = seconds_until(template, work, "rotation.pending_written")
        end = seconds_until(template, work, None)
        low, high = max(0.0, start - 0.15), end + 0.05
        stages: Counter[str] = Counter()
        failures = []
        for number in range(trials):
            delay = rng.uniform(low, high)
            stage, problems = trial(template, work, delay, number)
            stages[stage] += 1
            if problems:
                failures.append((number, round(delay, 3), stage, problems))
    print(f"kill trials: {trials} (seed {seed}); kills uniform in {low:.2f}-{high:.2f} s after start")
    print(f"(an uncrashed `user remove` takes {end:.2f} s; its rotation starts at about {start:.2f} s)")
    for stage, count in sorted(stages.items()):
        print(f"  {count:4d}  {stage}")
    print(f"failures: {len(failures)}")
    for failure in failures:
        print(f"  trial {failure[0]} at {failure[1]} s ({failure[2]}): {failure[3]}")
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=120)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    return run(args.trials, args.seed)


if __name__ == "__main__":
    sys.exit(main())
