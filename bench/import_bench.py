"""`clinic-app intake import` of a large clinic-intake document: clients per second and peak memory.

Each run is a whole `clinic-app intake import FILE` process on a fresh vault (the test KDF,
so key derivation is not what is measured); its peak RSS comes from the kernel (wait4).
The floor, measured in the same run, is a process that only reads the same file and parses
it with the standard library's json module.

The kernel's peak RSS of a child starts at its parent's peak: exec hands the high-water
mark of the memory it replaces (the parent's, after fork or vfork) to the new program. So
this script never holds the document itself: a helper process writes it and another makes
each vault, and the children measured are started from a process that stays small. (Built
in here, the 100k document lifted this script to 638 MiB and every child's peak with it.)

    .venv/bin/python bench/import_bench.py [--clients 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, figure, ratio, report

os.environ["CLINIC_INSECURE_TEST_KDF"] = "1"
PASSWORD = "correct horse battery staple 42"
CLI = [str(Path(sys.executable).with_name("clinic-app"))]

GIVEN = ["José", "María", "Thị Hồng", "Wei", "Łukasz", "Aisha", "Darnell", "Sokha", "Guadalupe", "Reza"]
FAMILY = ["Hernández", "Nguyễn", "Zhang", "Kowalski", "Rahman", "Washington", "Chea", "García", "Okafor", "Tehrani"]
COUNTIES = ["Los Angeles", "Orange", "Riverside", "San Diego", "Alameda"]


def intake_document(n: int) -> dict:
    """n clients, each with a pardon matter, one or two convictions and a support letter."""
    clients = []
    for i in range(n):
        born = 1950 + i % 45
        convictions = [
            {
                "county": COUNTIES[(i + j) % len(COUNTIES)],
                "case_number": f"BA{100000 + i}-{j}",
                "offense": "Burglary, second degree",
                "code_section": "PC 459",
                "level": "felony",
                "offense_date": f"{born + 20 + 3 * j}-0{1 + i % 9}-1{i % 9}",
                "conviction_date": f"{born + 20 + 3 * j}-1{i % 3}-2{i % 9}",
                "sentence": "3 years probation",
                "supervision_end": f"{born + 23 + 3 * j}-1{i % 3}-2{i % 9}",
            }
            for j in range(1 + i % 2)
        ]
        clients.append(
            {
                "given_name": GIVEN[i % len(GIVEN)],
                "family_name": FAMILY[(i // len(GIVEN)) % len(FAMILY)],
                "name_order": "family_first" if FAMILY[(i // len(GIVEN)) % len(FAMILY)] == "Nguyễn" else "given_first",
                "aliases": [f"Alias{i}"] if i % 4 == 0 else [],
                "date_of_birth": f"{born}-0{1 + i % 9}-1{i % 9}",
                "phone": f"(213) 555-{i % 10000:04d}",
                "mailing_address": {"street": f"{100 + i} Main Street", "city": "Los Angeles", "state": "CA", "postal_code": "90012"},
                "notes": "Met at the clinic night." if i % 3 == 0 else "",
                "matters": [
                    {
                        "kind": "pardon",
                        "state": "CA",
                        "route": "direct",
                        "reasons": "A pardon would let me keep working and stay with my children.",
                        "rehabilitation": "Completed a program; steady work since.",
                        "convictions": convictions,
                        "references": [{"name": "Rev. Ana Torres", "relationship": "Pastor", "years_known": 12, "letter_received": True, "letter_date": "2025-09-01"}],
                    }
                ],
            }
        )
    return {"format": "clinic-intake", "version": 1, "clients": clients}


def run_measured(argv: list[str], env: dict) -> tuple[float, float, int, str]:
    """(seconds, peak RSS in MiB, exit code, stderr) of one child process."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=ROOT)
    err = proc.stderr.read().decode("utf-8", "replace")
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, proc.returncode, err


def write_document(path: Path, clients: int) -> None:
    path.write_text(json.dumps(intake_document(clients), ensure_ascii=False), encoding="utf-8")


def new_vault(folder: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from clinic_app.lifecycle import create_vault
    from clinic_app.vault import Vault

    session, _recovery = create_vault(Vault(folder), "manager", PASSWORD)
    session.lock()


def in_helper(*argv: str) -> None:
    """Run one of this script's helpers in its own process (see the module docstring)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, __file__, *argv], env=env, check=True, cwd=ROOT)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write-document", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--new-vault", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_document:
        write_document(Path(args.write_document), args.clients)
        return 0
    if args.new_vault:
        new_vault(Path(args.new_vault))
        return 0
    env = dict(os.environ, CLINIC_PASSWORD=PASSWORD, CLINIC_INSECURE_TEST_KDF="1", PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory(prefix="import-bench-") as tmp:
        folder = Path(tmp)
        document = folder / "intake.json"
        in_helper("--write-document", str(document), "--clients", str(args.clients))
        size_mib = document.stat().st_size / 2**20
        print(f"document: {args.clients:,} clients, {size_mib:.1f} MiB", flush=True)
        floor_runs, floor_memory, rates, memory = [], [], [], []
        for run in range(args.runs):
            seconds, _rss, code, err = run_measured(
                [sys.executable, "-c", f"import json; json.loads(open({str(document)!r}, 'rb').read())"], env
            )
            floor_runs.append(seconds)
            floor_memory.append(_rss)
            vault = folder / f"vault-{run}"
            in_helper("--new-vault", str(vault))
            seconds, rss, code, err = run_measured([*CLI, "--vault", str(vault), "--user", "manager", "intake", "import", str(document)], env)
            if code != 0:
                print(f"import failed (exit {code}): {err.strip()}", file=sys.stderr)
                return 1
            rates.append(args.clients / seconds)
            memory.append(rss)
            print(f"run {run + 1}: {seconds:.1f} s, {args.clients / seconds:,.0f} clients/s, peak RSS {rss:.0f} MiB", flush=True)
    floor = figure([args.clients / s for s in floor_runs], "clients/s", higher_is_better=True)
    measured = figure(rates, "clients/s", higher_is_better=True)
    report(
        f"intake import, {args.clients:,} clients (whole process)",
        floor,
        ">= 5000 clients/s",
        measured,
        ratio(measured, floor),
        measured.median >= 5000,
    )
    peak = figure(memory, "MiB")
    floor_peak = figure(floor_memory, "MiB")
    report(f"intake import, {args.clients:,} clients: peak RSS", floor_peak, "<= 250 MiB", peak, ratio(peak, floor_peak), peak.median <= 250)
    return 0


if __name__ == "__main__":
    sys.exit(main())
