"""What every benchmark shares: timing over several runs and one way to report a row.

A bench script measures its floor (the bare thing it is compared with) in the same run, then
calls `report(...)` once per metric. `report` prints a readable line and a `BENCH {json}` line
that `bench/run_all.py` (`make bench`) gathers into one table. Every figure is the median of
several runs with the worst shown beside it; pass/fail is decided on the median, except where
a goal is about the worst case ("every run"), which the script says in its goal text.

    from common import measure, report
    floor = measure(lambda: bare_thing(), runs=7)
    ours = measure(lambda: our_thing(), runs=7)
    report("thing", floor, "<= 1.3x floor", ours, ratio(ours, floor), ours.median <= 1.3 * floor.median)
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # bench scripts run as files: make the app's packages importable
    sys.path.insert(0, str(ROOT))

MARK = "BENCH "


@dataclass(frozen=True)
class Figure:
    """A measured quantity over several runs: the median and the worst (largest, or smallest
    when more is better)."""

    median: float
    worst: float
    unit: str = "s"
    runs: int = 1

    def __str__(self) -> str:
        return f"{number(self.median)} {self.unit} (worst {number(self.worst)}, n={self.runs})"


def figure(samples: Iterable[float], unit: str = "s", higher_is_better: bool = False) -> Figure:
    values = list(samples)
    if not values:
        raise ValueError("no samples")
    worst = min(values) if higher_is_better else max(values)
    return Figure(statistics.median(values), worst, unit, len(values))


def measure(fn: Callable[[], object], runs: int = 5, warmup: int = 1, unit: str = "s") -> Figure:
    """Wall time of fn() over `runs` runs after `warmup` untimed ones (in seconds, or ms)."""
    for _ in range(warmup):
        fn()
    scale = 1000.0 if unit == "ms" else 1.0
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * scale)
    return figure(samples, unit)


def percentile(values: Iterable[float], p: float) -> float:
    """The p-th percentile by nearest rank (p95 of 20 samples is the 19th smallest)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no samples")
    rank = max(1, -(-len(ordered) * p // 100))  # ceil without floats
    return ordered[int(rank) - 1]


def ratio(measured: Figure, floor: Figure) -> Figure:
    """measured / floor for the medians, and for the worst cases."""
    return Figure(measured.median / floor.median, measured.worst / floor.worst, "x", min(measured.runs, floor.runs))


def report(metric: str, floor: Figure | str | None, goal: str, measured: Figure | str, ratio: Figure | float | None, passed: bool) -> dict:
    """Print one row (readable, and as `BENCH {json}` for run_all.py); returns the row."""
    row = {
        "metric": metric,
        "floor": "-" if floor is None else str(floor),
        "goal": goal,
        "measured": str(measured),
        "ratio": _ratio_text(ratio),
        "pass": bool(passed),
    }
    print(f"{metric}: {row['measured']}  floor {row['floor']}  ratio {row['ratio']}  goal {goal}  -> {'PASS' if passed else 'FAIL'}", flush=True)
    print(MARK + json.dumps(row, ensure_ascii=False), flush=True)
    return row


def rows_in(output: str) -> list[dict]:
    """The rows a bench script reported, from its standard output."""
    return [json.loads(line[len(MARK):]) for line in output.splitlines() if line.startswith(MARK)]


def _ratio_text(value: Figure | float | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, Figure):
        return f"{value.median:.2f}x (worst {value.worst:.2f}x)"
    return f"{value:.2f}x"


def number(value: float) -> str:
    if value == 0 or abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"
