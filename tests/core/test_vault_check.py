"""`vault check` runs its declared steps in order, counts them for progress, and a step that
cannot read what it checks is a problem of its own while the rest still run."""

from __future__ import annotations

from clinic_app import vault_check
from clinic_app.errors import CorruptVault
from clinic_app.translation import status_line


def test_progress_counts_the_declared_steps(session, monkeypatch):
    seen: list[tuple[int, int]] = []
    report = vault_check.check(session, lambda done, total: seen.append((done, total)))
    assert report["ok"], report["problems"]
    assert seen == [(done, len(vault_check.STEPS)) for done in range(len(vault_check.STEPS))]

    def one_more(r) -> None:
        r.lines.append(status_line("ok", "one more step"))

    monkeypatch.setattr(vault_check, "STEPS", vault_check.STEPS + (("database", one_more),))
    seen.clear()
    report = vault_check.check(session, lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(vault_check.STEPS) - 1, len(vault_check.STEPS)) and len(seen) == len(vault_check.STEPS)
    assert report["lines"][-1].endswith("one more step")


def test_a_step_that_cannot_read_is_one_problem_and_the_others_still_run(session, monkeypatch):
    def unreadable(r) -> None:
        raise CorruptVault("keyslots.both_copies_damaged")

    steps = tuple((what, unreadable if run is vault_check._key_slot_strength else run) for what, run in vault_check.STEPS)
    monkeypatch.setattr(vault_check, "STEPS", steps)
    report = vault_check.check(session)
    assert not report["ok"]
    assert [p for p in report["problems"] if p.startswith("key slots: cannot be read")] == report["problems"]
    assert any("audit chain intact" in line for line in report["lines"])  # the steps before it ran
    last = session.db.query_one("SELECT action, detail FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert tuple(last) == ("vault.check", "problems: 1")  # and the one after it
