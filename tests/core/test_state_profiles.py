"""State profiles: the shipped files load, bad files fail with the file and key named, clinics override."""

from __future__ import annotations

from pathlib import Path

import pytest

from clinic_app.state_profiles import BUILTIN_FOLDER, ProfileError, ProfileRegistry, get_profile, load_profile_file

CA_TEXT = (BUILTIN_FOLDER / "CA.toml").read_text(encoding="utf-8")


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_california_is_complete_and_needs_no_restricted_fields():
    ca = get_profile("CA")
    assert ca.restricted_fields_needed == ()
    assert [d.kind for d in ca.documents] == [
        "cover_letter", "application", "compensation_statement", "notice_of_intent",
        "proof_of_service", "personal_statement", "exhibit_index", "attachments",
    ]
    notice = ca.notices[0]
    assert (notice.recipient, notice.per, notice.min_days_before_decision) == ("district_attorney", "county_of_conviction", 10)
    assert ca.special_approvals[0].threshold == 2 and ca.special_approvals[0].severity == "warning"
    assert ca.expedite and "4812(c)" in ca.expedite.statute
    assert all(not g.gate for g in ca.guidance)
    assert ca.route("cor").cor.period_years == 7
    assert ca.last_verified is None and not ca.submission.verified  # nothing is claimed as checked
    assert all(s.url.startswith("http") for s in ca.sources)
    assert [s.title for s in ca.document("personal_statement").statement_sections][0].startswith("1. Impact")


def test_new_york_is_not_california_shaped():
    ny = get_profile("NY")
    assert ny.notices == () and ny.special_approvals == () and ny.expedite is None
    assert ny.document("notice_of_intent") is None and ny.document("compensation_statement") is None
    assert ny.route("cor") is None
    assert "Executive Clemency Bureau" in ny.advisory_body


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("min_days_before_decision = 10", 'min_days_before_decision = "ten"'), "CA.toml: notices[0].min_days_before_decision: must be a whole number"),
        (('key = "client.date_of_birth"', 'key = "client.ssn"'), "CA.toml: documents[1].sections[0].fields[2].key: unknown field 'client.ssn'"),
        (('kind = "exhibit_index"', 'kind = "exhibit_list"'), "CA.toml: documents[6].kind: must be one of"),
        (("gate = false", "gate = true"), "CA.toml: guidance[0].gate: guidance is never a gate"),
        (('state = "CA"', 'state = "NV"'), "CA.toml: state: is 'NV' but the file is named 'CA.toml'"),
        (("restricted_fields_needed = []", 'restricted_fields_needed = ["shoe_size"]'), "CA.toml: restricted_fields_needed[0]: unknown restricted field 'shoe_size'"),
        (('profile_version = "2026.11-1"', ""), "CA.toml: profile_version: missing"),
        (('last_verified = ""', 'last_verified = "last spring"'), "CA.toml: last_verified: must be a date"),
        (('channel = "mail"\nverified = false', 'channel = "mail"\nverified = 3'), "CA.toml: submission.verified: must be true or false"),
    ],
)
def test_bad_profile_names_file_and_key(tmp_path, change, message):
    old, new = change
    assert old in CA_TEXT
    path = write(tmp_path, "CA.toml", CA_TEXT.replace(old, new, 1))
    with pytest.raises(ProfileError) as caught:
        load_profile_file(path)
    assert message in str(caught.value)


def test_invalid_toml_is_one_clear_error(tmp_path):
    path = write(tmp_path, "CA.toml", CA_TEXT + "\nthis is = = not toml\n")
    with pytest.raises(ProfileError, match=r"^CA.toml: not valid TOML"):
        load_profile_file(path)


def test_restricted_field_needs_declaring(tmp_path):
    text = CA_TEXT.replace('{ key = "client.phone"', '{ key = "restricted.place_of_birth", label = "Place of birth" },\n  { key = "client.phone"', 1)
    with pytest.raises(ProfileError, match="not listed in restricted_fields_needed"):
        load_profile_file(write(tmp_path, "CA.toml", text))
    declared = text.replace("restricted_fields_needed = []", 'restricted_fields_needed = ["place_of_birth"]')
    assert load_profile_file(write(tmp_path, "CA.toml", declared)).restricted_fields_needed == ("place_of_birth",)


def test_clinic_folder_overrides_and_adds_states(tmp_path):
    clinic = tmp_path / "profiles"
    write(clinic, "CA.toml", CA_TEXT.replace('profile_version = "2026.11-1"', 'profile_version = "clinic-7"').replace('last_verified = ""', "last_verified = 2026-10-01"))
    write(clinic, "OR.toml", CA_TEXT.replace('state = "CA"', 'state = "OR"'))
    registry = ProfileRegistry(clinic)
    assert registry.states() == ["CA", "NY", "OR"]
    ca = registry.get("ca")
    assert ca.profile_version == "clinic-7" and ca.last_verified.isoformat() == "2026-10-01"
    assert registry.is_clinic_override("CA") and not registry.is_clinic_override("NY")
    assert get_profile("CA", tmp_path).profile_version == "clinic-7"
    assert registry.problems() == []
    write(clinic, "NY.toml", "state = 'NY'\n")
    assert registry.problems() == ["NY.toml: restricted_fields_needed: missing"]


def test_unknown_state_is_not_found():
    from clinic_app.errors import NotFound

    with pytest.raises(NotFound, match="no state profile for 'ZZ'"):
        get_profile("ZZ")
