"""Sealing and importing 10,000 clients as a bundle: time and peak memory, against floors
measured in the same run on the same vaults.

    .venv/bin/python bench/bundle_bench.py [--clients 10000] [--runs 3]

Floors: `intake export` of the same clients to a JSON file (what sealing must do at least:
read every client), and `intake import` of the same document into a fresh vault (what
importing must do at least: store every client). Each measurement runs in its own process
on its own copy of the vault, so peak memory (the process's peak RSS during the operation,
vault already open, reset just before it on Linux) is not inherited from the run before. Also: the raw cipher cost of sealing the
compressed payload with `cryptography` (what the bundle uses) and with age (`pyrage`, when
installed), the comparison issue 15 asks for.

Rows go through bench/common.py (`make bench` gathers them); goals are on the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ["CLINIC_INSECURE_TEST_KDF"] = "1"  # key derivation is not what is measured here

from common import figure, ratio, report  # noqa: E402  (also puts the app's packages on the path)

from clinic_app.lifecycle import create_vault, open_session  # noqa: E402
from clinic_app.vault import Vault  # noqa: E402

PASSWORD = "bench-password-1"
GIVEN = ["José", "Thị Hồng", "美玲", "Łukasz", "María José", "Ana", "Mohammed", "Siobhán"]
FAMILY = ["Hernández", "Nguyễn", "林", "Kowalski", "Álvarez Núñez", "Paz", "Haddad", "Ó Briain"]


def document(clients: int) -> dict:
    """Fictional clients, each with one matter and two convictions (like a clinic day's intakes)."""
    out = []
    for n in range(clients):
        out.append({
            "given_name": GIVEN[n % len(GIVEN)],
            "family_name": f"{FAMILY[n % len(FAMILY)]} {n}",
            "aliases": [f"Alias {n}"],
            "date_of_birth": f"{1940 + n % 40}-{1 + n % 12:02d}-{1 + n % 28:02d}",
            "phone": "(323) 555-0142",
            "preferred_language": "es",
            "notes": "Prefers evening calls; came with a relative.",
            "matters": [{
                "kind": "pardon", "state": "CA", "route": "direct",
                "reasons": "To keep my job and stay with my family.",
                "compensation": [],
                "convictions": [
                    {"county": "Los Angeles", "case_number": f"BA{n:06d}", "offense": "Burglary", "code_section": "PC 459",
                     "level": "felony", "conviction_date": "1999-09-15"},
                    {"county": "Orange", "case_number": f"02CF{n:05d}", "offense": "Grand theft", "code_section": "PC 487(a)",
                     "level": "misdemeanor", "conviction_date": "2002-05-05"},
                ],
            }],
        })
    return {"format": "clinic-intake", "version": 1, "clients": out}


# -- one measured operation, in a child process ----------------------------------------------


def reset_peak() -> bool:
    """Linux: writing 5 to clear_refs resets the peak RSS (VmHWM) to the current RSS."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def peak_kib() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(op: str, vault_dir: str, path: str) -> None:
    user = "attorney" if op in ("import-bundle", "import-intake", "import-again") else "paralegal"
    session = open_session(Vault(vault_dir), user, PASSWORD)
    exact = reset_peak()
    before = 0 if exact else peak_kib()  # without a reset: only growth above the peak so far
    start = time.perf_counter()
    if op == "export-intake":
        ids = [r[0] for r in session.db.query("SELECT id FROM clients ORDER BY rowid")]
        data = json.dumps(session.intake.document_for(ids), ensure_ascii=False).encode("utf-8")
        Path(path).write_bytes(data)
    elif op in ("seal-keep", "seal-remove"):
        session.bundles.export(path, keep=op == "seal-keep")
    elif op == "import-intake":
        session.intake.import_document(json.loads(Path(path).read_bytes()))
    elif op in ("import-bundle", "import-again"):
        summary = session.bundles.import_paths([path])
        assert (len(summary.imported) > 0) == (op == "import-bundle")
    else:
        raise SystemExit(f"unknown op {op}")
    seconds = time.perf_counter() - start
    growth = max(0, peak_kib() - before)
    session.lock()
    print(json.dumps({"seconds": seconds, "peak_mib": growth / 1024}))


def measure(op: str, template: Path, work: Path, path: Path) -> dict:
    vault_dir = work / f"vault-{op}"
    shutil.rmtree(vault_dir, ignore_errors=True)
    shutil.copytree(template, vault_dir)
    proc = subprocess.run(
        [sys.executable, __file__, "--child", op, str(vault_dir), str(path)], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"{op} failed:\n{proc.stderr}")
    shutil.rmtree(vault_dir, ignore_errors=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- cipher comparison ----------------------------------------------------------------------


def cipher_times(payload: bytes, runs: int) -> dict[str, float]:
    from clinic_app.bundles import sealing
    from clinic_app.crypto import envelope

    _private, public = envelope.new_keypair()
    compressed = zlib.compress(payload, 6)
    header, key = sealing.new_header(public)
    inner = sealing.pack_inner(b"{}", bytes(64), compressed)
    out = {}
    out["cryptography AES-256-GCM (bundle)"] = best_of(runs, lambda: sealing.encrypt(header, key, inner))
    try:
        import pyrage
    except ImportError:
        return out
    identity = pyrage.x25519.Identity.generate()
    recipient = identity.to_public()
    out["age via pyrage (X25519, ChaCha20-Poly1305)"] = best_of(runs, lambda: pyrage.encrypt(inner, [recipient]))
    sealed = pyrage.encrypt(inner, [recipient])
    out["age via pyrage, decrypt"] = best_of(runs, lambda: pyrage.decrypt(sealed, [identity]))
    opened_key = key
    ciphertext = sealing.encrypt(header, key, inner)
    prefix_len = len(ciphertext) - len(inner) - 16
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = sealing.unb64(json.loads(header)["nonce"])
    out["cryptography AES-256-GCM, decrypt"] = best_of(
        runs, lambda: AESGCM(opened_key).decrypt(nonce, ciphertext[prefix_len:], ciphertext[:prefix_len])
    )
    return out


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


# -- the run -----------------------------------------------------------------------------------


def make_vault(folder: Path, name: str) -> Vault:
    vault = Vault(folder)
    session, _ = create_vault(vault, "manager", PASSWORD, clinic_name=name)
    session.users.add("attorney", "attorney", PASSWORD)
    session.users.add("paralegal", "paralegal", PASSWORD)
    session.lock()
    return vault


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=3, metavar=("OP", "VAULT", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    work = Path(tempfile.mkdtemp(prefix="clinic-bundle-bench-"))
    try:
        doc = document(args.clients)
        doc_path = work / "clients.json"
        doc_path.write_bytes(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
        clinic, field = make_vault(work / "clinic", "Clinic"), make_vault(work / "field", "Field laptop")
        with open_session(clinic, "attorney", PASSWORD) as s:
            key, _ = s.bundles.clinic_key()
        with open_session(field, "manager", PASSWORD) as s:
            s.bundles.trust(key.to_bytes(), key.fingerprint)
            s.intake.import_document(doc)
            laptop_key = s.bundles.laptop_key().to_bytes()
        with open_session(clinic, "manager", PASSWORD) as s:  # enrolled before it goes out, as docs/field-laptops.md says
            s.bundles.enrol_sender(laptop_key)
        drop = work / "drop"
        drop.mkdir()
        with open_session(field, "paralegal", PASSWORD) as s:
            bundle = s.bundles.export(drop, keep=True).path
        imported = work / "clinic-imported"
        shutil.copytree(clinic.folder, imported)
        with open_session(Vault(imported), "attorney", PASSWORD) as s:
            s.bundles.import_paths([bundle])

        ops = [
            ("floor: intake export to JSON", "export-intake", field.folder, work / "export.json"),
            ("bundle export --keep (seal)", "seal-keep", field.folder, drop),
            ("bundle export (seal + remove)", "seal-remove", field.folder, drop),
            ("floor: intake import", "import-intake", clinic.folder, doc_path),
            ("bundle import", "import-bundle", clinic.folder, bundle),
            ("bundle import again (no-op)", "import-again", imported, bundle),
        ]
        results: dict[str, list[dict]] = {label: [] for label, *_ in ops}
        for _ in range(args.runs):
            for label, op, template, path in ops:
                results[label].append(measure(op, template, work, path))
        print(f"{args.clients} clients (1 matter, 2 convictions each); {args.runs} runs each, own process per run")
        print(f"JSON document {doc_path.stat().st_size / 2**20:.1f} MiB; bundle {bundle.stat().st_size / 2**20:.1f} MiB")

        def seconds(label: str):
            return figure([r["seconds"] for r in results[label]])

        def peak(label: str):
            return figure([r["peak_mib"] for r in results[label]], unit="MiB")

        n = f"{args.clients:,} clients"
        rows = [
            (f"bundle export --keep, {n}", "intake export", 2.0),
            (f"bundle export (seal + remove), {n}", "intake export", 2.5),
            # Import also checks every client for possible duplicates (a sort-key index lookup each,
            # aliases read once) and audits and signs an entry per client: more than the bare import does.
            (f"bundle import, {n}", "intake import", 2.5),
            (f"bundle import again (no-op), {n}", "intake import", 0.5),
        ]
        labels = dict(zip([r[0] for r in rows], [ops[1][0], ops[2][0], ops[4][0], ops[5][0]]))
        floors = {"intake export": ops[0][0], "intake import": ops[3][0]}
        for metric, floor_name, goal in rows:
            ours, floor = seconds(labels[metric]), seconds(floors[floor_name])
            times = ratio(ours, floor)
            report(metric, floor, f"<= {goal}x {floor_name}", ours, times, times.median <= goal)
            ours_peak, floor_peak = peak(labels[metric]), peak(floors[floor_name])
            peaks = ratio(ours_peak, floor_peak)
            report(f"{metric}: peak RSS", floor_peak, f"<= 1.5x {floor_name}", ours_peak, peaks, peaks.median <= 1.5)
        print("cipher alone on the padded payload (best of runs):")
        for label, seconds in cipher_times(doc_path.read_bytes(), max(args.runs, 3)).items():
            print(f"  {label:44} {seconds * 1000:9.2f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
