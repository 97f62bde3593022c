"""`clinic-app selftest` runs end to end in a temp folder and leaves nothing behind."""

from __future__ import annotations

import tempfile
from pathlib import Path


def test_selftest_passes_and_cleans_up(cli, vault_dir):
    before = set(Path(tempfile.gettempdir()).glob("clinic-selftest-*"))
    result = cli("selftest", user=None, password=None)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[-1].startswith("selftest ok")
    assert "ok   sample imported (1 client, 1 matter)" in lines
    assert not any(line.startswith("FAIL") for line in lines)
    assert set(Path(tempfile.gettempdir()).glob("clinic-selftest-*")) == before
    assert not vault_dir.exists(), "the self-test must never touch the configured vault"

