"""`make bench`: run every benchmark in this folder, one after another, and print one table.

Each `*_bench.py` measures its own floor in the same run and reports rows through
`common.report`; this script gathers them: metric, floor, goal, measured, ratio, pass. A script
that fails is a failed row of its own; one that reports no row gets a row saying so. Exit status 1 if any row failed.
Usage: python bench/run_all.py [name ...]   (names filter the scripts, e.g. `search unlock`)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import rows_in  # noqa: E402

COLUMNS = ("metric", "floor", "goal", "measured", "ratio", "pass")


def scripts(names: list[str]) -> list[Path]:
    found = sorted(HERE.glob("*_bench.py"))
    return [s for s in found if not names or any(n in s.stem for n in names)]


def table(rows: list[dict]) -> str:
    cells = [[str(row[c]) if c != "pass" else ("PASS" if row[c] else "FAIL") for c in COLUMNS] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(COLUMNS)]
    line = lambda values: "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths)) + " |"  # noqa: E731
    return "\n".join([line(COLUMNS), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, cells)])


def main(argv: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    rows: list[dict] = []
    for script in scripts(argv):
        print(f"== {script.name}", flush=True)
        start = time.monotonic()
        run = subprocess.run([sys.executable, str(script)], env=env, stdout=subprocess.PIPE, text=True)
        sys.stdout.write("".join(f"   {line}\n" for line in run.stdout.splitlines() if not line.startswith("BENCH ")))
        found = rows_in(run.stdout)
        if run.returncode != 0:
            found.append({"metric": script.stem, "floor": "-", "goal": "runs to the end", "measured": f"exit {run.returncode}",
                          "ratio": "-", "pass": False})
        elif not found:  # a script that states no goal: its figures are printed above
            found.append({"metric": f"{script.stem} (figures above; the script states no goal)", "floor": "-",
                          "goal": "runs to the end", "measured": "exit 0", "ratio": "-", "pass": True})
        rows += found
        print(f"   ({time.monotonic() - start:.0f} s)", flush=True)
    print()
    print(table(rows))
    return 0 if rows and all(r["pass"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
