"""bench/common.py: figures over several runs, and rows that run_all.py gathers into one table."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import common  # noqa: E402
import run_all  # noqa: E402


def test_percentile_is_nearest_rank_and_figures_keep_the_worst():
    assert common.percentile(range(1, 21), 95) == 19
    assert common.percentile([5.0], 95) == 5.0
    fig = common.figure([3.0, 1.0, 2.0, 10.0, 2.5], unit="ms")
    assert (fig.median, fig.worst, fig.runs) == (2.5, 10.0, 5)
    assert str(fig) == "2.5 ms (worst 10.0, n=5)"
    assert common.figure([100, 80, 120], unit="pages/s", higher_is_better=True).worst == 80


def test_reported_rows_come_back_as_one_table(capsys):
    floor = common.figure([0.2, 0.18, 0.25])
    ours = common.figure([0.24, 0.22, 0.30])
    common.report("start to unlock window", floor, "<= 1.3x floor", ours, common.ratio(ours, floor), True)
    common.report("search p95", None, "<= 15 ms", "16 ms", None, False)
    rows = common.rows_in(capsys.readouterr().out)
    assert [r["metric"] for r in rows] == ["start to unlock window", "search p95"]
    assert rows[0]["ratio"] == "1.20x (worst 1.20x)" and rows[1]["floor"] == "-"
    text = run_all.table(rows)
    assert text.splitlines()[0].split("|")[1].strip() == "metric"
    assert "PASS" in text.splitlines()[2] and "FAIL" in text.splitlines()[3]
