"""Readiness: blocking problems and warnings per the issue, each with a field to fix."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from clinic_app.domain.models import Conviction, Level
from clinic_app.errors import PermissionDenied
from clinic_app.lifecycle import open_session
from clinic_app.packets.cor import earliest_cor_filing
from clinic_app.state_profiles import get_profile
from tests.conftest import PASSWORD
from tests.core.packet_helpers import make_matter


def by_code(readiness, code):
    return [i for i in readiness.items if i.code == code]


def test_complete_matter_has_nothing_blocking(session):
    matter_id = make_matter(session)
    readiness = session.packets.check(matter_id)
    assert readiness.ready, readiness.blocking
    assert not by_code(readiness, "supreme_court_recommendation")
    assert not by_code(readiness, "no_support_letters")
    (unattached,) = by_code(readiness, "support_letter_not_attached")  # received, but not in the packet
    assert unattached.severity == "warning" and unattached.field_ref.startswith("reference:")


def test_missing_fields_block_and_point_at_the_field(session):
    matter_id = make_matter(session, signed=False)
    bundle = session.matters.bundle(matter_id)
    first = bundle.convictions[0]
    first.case_number, first.county, first.conviction_date = "", "", None
    session.matters.save_convictions(matter_id, bundle.convictions)
    readiness = session.packets.check(matter_id)
    refs = {i.field_ref for i in readiness.blocking}
    assert f"conviction:{first.id}.case_number" in refs
    assert f"conviction:{first.id}.county" in refs
    assert f"conviction:{first.id}.conviction_date" in refs
    assert "matter.applicant_signed_on" in refs
    assert not readiness.ready


def test_unserved_county_and_unknown_da_address_block(session):
    matter_id = make_matter(session, counties=("Los Angeles", "Orange", "Kern"), served={"Los Angeles": 30})
    readiness = session.packets.check(matter_id)
    unserved = {i.field_ref for i in by_code(readiness, "notice_not_served")}
    assert unserved == {"notice:Orange.served_on", "notice:Kern.served_on"}
    assert [i.field_ref for i in by_code(readiness, "da_address_unknown")] == ["da_office:Kern.address"]
    session.da_offices.set("Kern", address="1215 Truxtun Avenue\nBakersfield, CA 93301")
    readiness = session.packets.check(matter_id)
    assert not by_code(readiness, "da_address_unknown")
    assert [i.field_ref for i in by_code(readiness, "da_address_unverified")] == ["da_office:Kern.verified_on"]


def test_notices_only_for_counties_of_convictions_the_pardon_is_for(session):
    matter_id = make_matter(session, counties=("Los Angeles", "Orange", "Kern"), served={"Los Angeles": 30, "Orange": 30})
    bundle = session.matters.bundle(matter_id)
    bundle.convictions[2].pardon_requested = False  # Kern: listed as history only
    session.matters.save_convictions(matter_id, bundle.convictions)
    readiness = session.packets.check(matter_id)
    assert readiness.ready, readiness.blocking
    packet = session.packets.build(matter_id)
    assert [p.title for p in packet.parts if p.kind == "notice_of_intent"] == [
        "Notice of Intent to Apply for Clemency: Los Angeles County",
        "Notice of Intent to Apply for Clemency: Orange County",
    ]


def test_misspelled_county_blocks_without_crashing(session):
    matter_id = make_matter(session, counties=("Los Angeles", "Orang"), served={"Los Angeles": 30, "Orang": 30})
    readiness = session.packets.check(matter_id)
    (item,) = by_code(readiness, "unknown_county")  # once, though Orang also has a notice
    assert item.message == "conviction 2 (Orang): not a CA county; choose one from the list." and item.severity == "blocking"


def test_two_felonies_in_separate_cases_warn_but_do_not_block(session):
    matter_id = make_matter(session, levels=(Level.FELONY, Level.FELONY))
    readiness = session.packets.check(matter_id)
    (warning,) = by_code(readiness, "supreme_court_recommendation")
    assert warning.severity == "warning" and "2 separate cases" in warning.message
    assert readiness.ready


def test_two_felonies_in_one_case_do_not_warn(session):
    matter_id = make_matter(session, counties=("Los Angeles", "Los Angeles"), levels=(Level.FELONY, Level.FELONY), case_numbers=("BA1", "BA1"))
    assert not by_code(session.packets.check(matter_id), "supreme_court_recommendation")


def test_reduced_felony_still_counts_with_a_note(session):
    matter_id = make_matter(session, levels=(Level.FELONY, Level.FELONY))
    bundle = session.matters.bundle(matter_id)
    bundle.convictions[1].current_level = Level.MISDEMEANOR
    session.matters.save_convictions(matter_id, bundle.convictions)
    (warning,) = by_code(session.packets.check(matter_id), "supreme_court_recommendation")
    assert "1 of these felonies were later reduced" in warning.message


def test_recent_notice_recent_supervision_and_no_letters_warn(session):
    matter_id = make_matter(session, served={"Los Angeles": 4, "Orange": 30}, supervision_years_ago=3, letters=False)
    readiness = session.packets.check(matter_id)
    (recent,) = by_code(readiness, "notice_recent")
    assert recent.field_ref == "notice:Los Angeles.served_on" and "4 days ago" in recent.message
    assert len(by_code(readiness, "ten_year_rule")) == 2
    assert all(i.severity == "warning" for i in by_code(readiness, "ten_year_rule"))
    assert by_code(readiness, "no_support_letters")[0].field_ref == "references"
    assert readiness.ready  # all of these are warnings, never gates


def test_cor_route_earliest_date_follows_the_rehabilitation_period():
    rules = get_profile("CA").route("cor").cor
    c = Conviction("m", county="Orange", level=Level.FELONY, code_section="PC 459", conviction_date=date(2020, 2, 29), supervision_end=date(2023, 1, 1))
    assert earliest_cor_filing([c], rules).earliest == date(2027, 2, 28)  # 7 years; 29 February rolls back
    c.code_section = "PC 187(a)"
    assert earliest_cor_filing([c], rules).earliest == date(2029, 2, 28)  # 9 years for the listed offenses
    c.code_section, c.supervision_end = "PC 459", date(2030, 6, 1)
    assert earliest_cor_filing([c], rules).earliest == date(2030, 6, 1)  # never before supervision ends
    c.level = Level.MISDEMEANOR
    assert earliest_cor_filing([c], rules) is None  # plain misdemeanors are not eligible


def test_cor_warning_shows_the_date(session):
    matter_id = make_matter(session, levels=(Level.FELONY, Level.MISDEMEANOR))
    bundle = session.matters.bundle(matter_id)
    bundle.convictions[0].conviction_date = date.today() - timedelta(days=365 * 3)
    bundle.convictions[0].offense_date = bundle.convictions[0].conviction_date - timedelta(days=30)
    bundle.convictions[0].supervision_end = bundle.convictions[0].conviction_date + timedelta(days=365)
    session.matters.save_convictions(matter_id, bundle.convictions)
    (item,) = by_code(session.packets.check(matter_id), "cor_route_available")
    assert item.severity == "warning" and "may be available from " in item.message and item.field_ref == "matter.route"


def test_new_york_matter_has_no_notice_rules(session):
    matter_id = make_matter(session, state="NY", counties=("Kings",), served={})
    readiness = session.packets.check(matter_id)
    assert not [i for i in readiness.items if i.code.startswith("notice") or i.code.startswith("da_")]
    assert readiness.ready, readiness.blocking
    assert readiness.state == "NY"


def test_paralegal_may_check_but_not_edit_da_offices(vault, session):
    matter_id = make_matter(session)
    session.lock()  # one unlocked session per vault at a time
    paralegal = open_session(vault, "paralegal", PASSWORD)
    try:
        assert paralegal.packets.check(matter_id).ready
        assert len(paralegal.da_offices.list()) == 58
        with pytest.raises(PermissionDenied):
            paralegal.da_offices.set("Kern", address="somewhere")
        with pytest.raises(PermissionDenied):
            paralegal.packets.build(matter_id)
    finally:
        paralegal.lock()


def test_da_office_edits_are_audited_without_values(session):
    session.da_offices.set("Kern", address="1215 Truxtun Avenue\nBakersfield, CA 93301", source="county website")
    rows = session.db.query("SELECT action, object_id, detail FROM audit_log WHERE action = 'da_office.update'")
    assert rows == [("da_office.update", "CA/Kern", "fields: street,city,zip,source")]
