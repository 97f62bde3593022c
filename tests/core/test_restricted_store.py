"""The restricted store's rules: purpose first, attorneys only, views audited, never indexed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from clinic_app import clock
from clinic_app.errors import PermissionDenied, ValidationError
from clinic_app.lifecycle import open_session
from clinic_app.restricted_categories import Category, PurposeKind
from clinic_app.services import restricted_store as restricted_module
from clinic_app.services import search_index
from clinic_app.state_profiles import categories_needed_by_state
from tests.conftest import PASSWORD
from tests.core.restricted_helpers import add_matter, all_tables_except, contains, store_work_product

CANARY = "CANARY-RESTRICTED-7f3a91"


def test_california_profile_needs_no_restricted_category():
    assert categories_needed_by_state("CA") == set()
    assert categories_needed_by_state("ZZ") == set()  # no profile: nothing is needed


def test_a_value_needs_a_recorded_purpose(vault):
    with open_session(vault, "attorney", PASSWORD) as s:
        matter_id = add_matter(s)
        with pytest.raises(ValidationError, match="no recorded purpose"):
            s.restricted.put(matter_id, "a_number", CANARY)
        assert s.db.query_one("SELECT count(*) FROM restricted_values")[0] == 0


def test_profile_purpose_only_for_categories_the_profile_needs(vault):
    with open_session(vault, "attorney", PASSWORD) as s:
        matter_id = add_matter(s, state="CA")
        with pytest.raises(ValidationError, match="CA profile does not need place_of_birth"):
            s.restricted.open_purpose(matter_id, PurposeKind.PROFILE_REQUIRES, ["place_of_birth"], client_consent=True)


def test_purpose_needs_consent_and_a_future_expiry(vault):
    with open_session(vault, "attorney", PASSWORD) as s:
        matter_id = add_matter(s)
        with pytest.raises(ValidationError, match="consent"):
            s.restricted.open_purpose(matter_id, PurposeKind.ATTORNEY_WORK_PRODUCT, ["immigration_analysis"], client_consent=False)
        with pytest.raises(ValidationError, match="expires_on"):
            s.restricted.open_purpose(
                matter_id, PurposeKind.ATTORNEY_WORK_PRODUCT, ["immigration_analysis"], client_consent=True,
                expires_on=clock.today(),
            )
        purpose = s.restricted.open_purpose(matter_id, PurposeKind.ATTORNEY_WORK_PRODUCT, ["immigration_analysis"], client_consent=True)
        assert purpose.enabled_by == "attorney" and purpose.client_consent and purpose.consent_on == clock.today()
        assert purpose.expires_on > clock.today()


def test_a_purpose_covers_only_its_categories(vault):
    matter_id, _, _ = store_work_product(vault, CANARY)
    with open_session(vault, "attorney", PASSWORD) as s:
        with pytest.raises(ValidationError, match="no recorded purpose allows ssn"):
            s.restricted.put(matter_id, "ssn", "000-00-0000")


@pytest.mark.parametrize("role", ["paralegal", "manager"])
def test_only_attorneys_enter_or_see_values(vault, role):
    matter_id, purpose_id, value_id = store_work_product(vault, CANARY)
    with open_session(vault, role, PASSWORD) as s:
        for attempt in (
            lambda: s.restricted.values(matter_id),
            lambda: s.restricted.put(matter_id, "immigration_analysis", "x"),
            lambda: s.restricted.update(value_id, "x"),
            lambda: s.restricted.delete_value(value_id),
            lambda: s.restricted.open_purpose(matter_id, "attorney_work_product", ["citizenship"], client_consent=True),
            lambda: s.restricted.for_packet(matter_id),
            lambda: s.restricted.export_for_client("any"),
        ):
            with pytest.raises(PermissionDenied):
                attempt()
        summary = s.restricted.summary(matter_id)  # existence, never content
        assert summary.count == 1 and summary.categories == [Category.IMMIGRATION_ANALYSIS]
        assert CANARY not in repr(summary)


def test_attorney_view_is_audited_without_the_value(vault):
    matter_id, _, value_id = store_work_product(vault, CANARY)
    with open_session(vault, "attorney", PASSWORD) as s:
        values = s.restricted.values(matter_id)
        assert [v.value for v in values] == [CANARY]
        s.restricted.update(value_id, CANARY + "-edited")
        entries = s.audit.entries(matter_id)
        actions = [e.action for e in entries]
        assert "restricted.view" in actions and "restricted.enter" in actions and "restricted.update" in actions
        view = next(e for e in entries if e.action == "restricted.view")
        assert view.actor == "attorney" and "immigration_analysis" in view.detail
        assert not [e for e in s.audit.entries(limit=10_000) if CANARY in e.detail + e.object_id]
        assert s.audit.verify() == []


def test_restricted_value_is_never_in_the_search_index_or_any_other_table(vault):
    matter_id, _, _ = store_work_product(vault, CANARY)
    with open_session(vault, "attorney", PASSWORD) as s:
        search_index.reindex(s.db, s.matters.get(matter_id).client_id)
        assert s.clients.list(CANARY) == [] and s.clients.count(CANARY) == 0
        assert s.db.query("SELECT * FROM client_search WHERE client_search MATCH ?", ('"CANARY"',)) == []
        everything_else = all_tables_except(s, {"restricted_values"})
        assert any(t.startswith("client_search") for t in everything_else)  # the FTS shadow tables are scanned
        assert contains(everything_else, CANARY) == []
        # Not even its own table holds the text: it is ciphertext under the attorneys' key.
        assert contains({"restricted_values": s.db.query("SELECT * FROM restricted_values")}, CANARY) == []
        assert [v.value for v in s.restricted.values(matter_id)] == [CANARY]


def test_ordinary_export_never_carries_restricted_values_but_the_attorney_export_does(vault):
    matter_id, _, _ = store_work_product(vault, CANARY)
    with open_session(vault, "attorney", PASSWORD) as s:
        client_id = s.matters.get(matter_id).client_id
        assert CANARY not in repr(s.intake.export_document())
        explicit = s.restricted.export_for_client(client_id)
        assert explicit["matters"][0]["values"][0]["value"] == CANARY
        assert s.audit.entries(client_id)[0].action == "restricted.export"


def test_packet_gets_only_profile_required_values_never_work_product(vault, monkeypatch):
    monkeypatch.setattr(restricted_module, "categories_needed_by_state", lambda state, vault_folder=None: {Category.PLACE_OF_BIRTH} if state == "IL" else set())
    with open_session(vault, "attorney", PASSWORD) as s:
        matter_id = add_matter(s, state="IL")
        s.restricted.open_purpose(matter_id, PurposeKind.PROFILE_REQUIRES, ["place_of_birth"], client_consent=True)
        s.restricted.open_purpose(matter_id, PurposeKind.ATTORNEY_WORK_PRODUCT, ["immigration_analysis"], client_consent=True)
        s.restricted.put(matter_id, "country_of_birth", "Fictionland")
        s.restricted.put(matter_id, "immigration_analysis", CANARY)
        assert s.restricted.for_packet(matter_id) == {"country_of_birth": "Fictionland"}
        ca_matter = add_matter(s, given="Bea", state="CA")
        assert s.restricted.for_packet(ca_matter) == {}


def test_deleting_the_matter_deletes_its_restricted_data(vault):
    matter_id, _, _ = store_work_product(vault, CANARY)
    with open_session(vault, "manager", PASSWORD) as s:
        s.matters.delete(matter_id)
        assert s.db.query_one("SELECT count(*) FROM restricted_values")[0] == 0
        assert s.db.query_one("SELECT count(*) FROM restricted_purposes")[0] == 0


def test_expired_purpose_accepts_no_new_values(vault):
    matter_id, _, _ = store_work_product(vault, CANARY, expires_in=1)
    with open_session(vault, "attorney", PASSWORD) as s:
        s.db.execute("UPDATE restricted_purposes SET expires_on = ?", ((clock.today() - timedelta(days=1)).isoformat(),))
        with pytest.raises(ValidationError):
            s.restricted.put(matter_id, "immigration_analysis", "more")
