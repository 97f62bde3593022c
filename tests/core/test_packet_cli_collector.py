"""What Python's cyclic collector walks in a `clinic-app packet build` process. Its passes over
the modules a build imports (ReportLab, pypdf, the vault's) took ~40 ms of the process's ~0.5 s
of CPU (bench/packet_bench.py's whole-process row); the command freezes them before the vault
opens. Counted, not timed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSWORD
from tests.core.packet_helpers import prepare

# The real CLI in this process, counting what each of the collector's passes walks (the objects
# in the generations it collects) and what was frozen when the vault was opened.
BUILD_PROBE = r"""
import atexit, gc, json, sys
from clinic_app import lifecycle

seen = {"walked": 0, "passes": 0}

def count(phase, info):
    if phase == "start":
        seen["passes"] += 1
        seen["walked"] += sum(len(gc.get_objects(generation=g)) for g in range(info["generation"] + 1))

def opening(*args, open_session=lifecycle.open_session, **kwargs):
    seen["frozen_at_unlock"] = gc.get_freeze_count()
    return open_session(*args, **kwargs)

gc.callbacks.append(count)
lifecycle.open_session = opening
atexit.register(lambda: print(json.dumps(seen | {"frozen_at_exit": gc.get_freeze_count()})))
from ui.launcher import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_packet_build_freezes_its_modules_before_the_unlock_and_walks_little(vault, tmp_path):
    """Before, 49 passes walked ~107,000 objects here (the same modules again and again); now a
    few passes walk what the unlock and the layout made (~54,000), and nothing is frozen after
    the vault opened, so no client data is kept from the collector."""
    matter_id = prepare(vault)
    out = tmp_path / "packet.pdf"
    argv = ["--vault", str(vault.folder), "--user", "manager", "packet", "build", "--matter", matter_id, "--out", str(out), "--draft"]
    env = {**os.environ, "CLINIC_PASSWORD": PASSWORD}
    ran = subprocess.run([sys.executable, "-c", BUILD_PROBE, *argv], capture_output=True, text=True, env=env, timeout=120,
                         cwd=Path(__file__).parents[2], stdin=subprocess.DEVNULL)
    assert ran.returncode == 0, ran.stderr
    assert out.read_bytes().startswith(b"%PDF")
    seen = json.loads(ran.stdout.strip().splitlines()[-1])
    assert seen["frozen_at_unlock"] > 20_000, seen  # the modules' objects
    assert seen["frozen_at_exit"] <= seen["frozen_at_unlock"], seen  # frozen ones may be freed; none added
    assert seen["passes"] <= 10 and seen["walked"] < 80_000, seen
