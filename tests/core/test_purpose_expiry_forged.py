"""A restricted purpose's expiry is an attorney's (open_purpose: RESTRICTED_ACCESS), kept in a
row every key holder can write. A paralegal moves it with raw SQL: later, so immigration
facts outlive their purpose, or sooner, so the next opening destroys them. The expiry counts
as the newest entry signed by an attorney names it (`restricted.purpose.open`); a stored one
that differs is told (`restricted.expiry_unsigned`) and the signed one holds."""

from __future__ import annotations

from datetime import timedelta

from clinic_app import clock
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.restricted_helpers import store_work_product


def _set_expiry_as_paralegal(vault, purpose_id: str, days_from_today: int) -> None:
    with open_session(vault, "paralegal", PASSWORD) as s:  # as with raw sqlcipher3 and their own key
        s.db.execute("UPDATE restricted_purposes SET expires_on = ? WHERE id = ?",
                     ((clock.today() + timedelta(days=days_from_today)).isoformat(), purpose_id))


def _count(vault, matter_id: str) -> int:
    with open_session(vault, "attorney", PASSWORD) as s:
        return s.restricted.summary(matter_id).count


def test_an_expiry_extended_with_raw_sql_does_not_keep_the_facts(vault):
    matter_id, purpose_id, _ = store_work_product(vault, "immigration fact", expires_in=3)
    _set_expiry_as_paralegal(vault, purpose_id, 3650)
    with open_session(vault, "manager", PASSWORD) as s:
        result = s.restricted.purge_due(clock.today() + timedelta(days=3))  # the signed expiry has come
        assert result.values == 1


def test_an_expiry_shortened_with_raw_sql_destroys_nothing_and_is_told(vault, cli):
    matter_id, purpose_id, _ = store_work_product(vault, "immigration fact", expires_in=90)
    _set_expiry_as_paralegal(vault, purpose_id, -1)
    assert _count(vault, matter_id) == 1  # the opening's purge kept it
    with open_session(vault, "manager", PASSWORD) as s:
        assert "restricted.expiry_unsigned" in [p.code for p in s.grants.problems]
    result = cli("vault", "check", user="manager")
    assert "whose expiry was changed outside the app" in result.out
    assert "warning: restricted purposes whose expiry was changed outside the app" in result.err


def test_an_unsigned_entry_naming_the_forged_expiry_does_not_back_it(vault):
    matter_id, purpose_id, _ = store_work_product(vault, "immigration fact", expires_in=3)
    later = clock.today() + timedelta(days=3650)
    _set_expiry_as_paralegal(vault, purpose_id, 3650)
    with open_session(vault, "paralegal", PASSWORD) as s:  # appended in the attorney's name, unsigned
        s.audit.append("attorney", "restricted.purpose.open", "matter", matter_id,
                       f"purpose {purpose_id}: attorney_work_product; categories immigration_analysis; expires {later}")
    with open_session(vault, "manager", PASSWORD) as s:
        assert s.restricted.purge_due(clock.today() + timedelta(days=3)).values == 1


def test_an_attorneys_expiry_stands(vault):
    matter_id, purpose_id, _ = store_work_product(vault, "immigration fact", expires_in=3)
    with open_session(vault, "manager", PASSWORD) as s:
        assert s.restricted.purge_due(clock.today() + timedelta(days=2)).values == 0
        assert s.grants.problems == []
        assert s.restricted.purge_due(clock.today() + timedelta(days=3)).values == 1


def test_the_privacy_report_gives_the_signed_expiry(vault):
    matter_id, purpose_id, _ = store_work_product(vault, "immigration fact", expires_in=3)
    _set_expiry_as_paralegal(vault, purpose_id, 3650)
    with open_session(vault, "attorney", PASSWORD) as s:
        rows = [m for c in s.restricted.report()["categories"] for m in c["matters"]]
        assert [r["expires_on"] for r in rows] == [(clock.today() + timedelta(days=3)).isoformat()]
