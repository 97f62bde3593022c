"""State profiles: the shipped files load, bad files fail with the file and key named, clinics override."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clinic_app.state_profile_format import json_schema
from clinic_app.state_profiles import BUILTIN_FOLDER, ProfileError, ProfileRegistry, StateProfile, get_profile, load_profile_file, parse_profile

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
        (('profile_version = "2026.11-3"', ""), "CA.toml: profile_version: required"),
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
    write(clinic, "CA.toml", CA_TEXT.replace('profile_version = "2026.11-3"', 'profile_version = "clinic-7"').replace('last_verified = ""', "last_verified = 2026-10-01"))
    write(clinic, "OR.toml", CA_TEXT.replace('state = "CA"', 'state = "OR"'))
    registry = ProfileRegistry(clinic)
    assert registry.states() == ["CA", "NY", "OR"]
    ca = registry.get("ca")
    assert ca.profile_version == "clinic-7" and ca.last_verified.isoformat() == "2026-10-01"
    assert registry.is_clinic_override("CA") and not registry.is_clinic_override("NY")
    assert get_profile("CA", tmp_path).profile_version == "clinic-7"
    assert registry.problems() == []
    write(clinic, "NY.toml", "state = 'NY'\n")
    assert registry.problems() == ["NY.toml: restricted_fields_needed: required"]


def test_unknown_state_is_not_found():
    from clinic_app.errors import NotFound

    with pytest.raises(NotFound, match="no state profile for 'ZZ'"):
        get_profile("ZZ")


# -- each kind of bad profile, refused by name -----------------------------------------------
# (text in CA.toml, its replacement, problem code, field path, parameters)
BAD = [
    ("min_days_before_decision = 10", 'min_days_before_decision = "ten"', "wrong_type", "notices[0].min_days_before_decision", {"expected": "whole_number"}),
    ("channel = \"mail\"\nverified = false", "channel = \"mail\"\nverified = 3", "wrong_type", "submission.verified", {"expected": "true_false"}),
    ('[[routes.cor.longer_periods]]\nyears = 9', '[[routes.cor.longer_periods]]\nyears = 9.5', "wrong_type", "routes[1].cor.longer_periods[0].years", {"expected": "whole_number"}),
    ('need = "recommended"\nintro', 'need = true\nintro', "wrong_type", "documents[5].need", {"expected": "text"}),
    ('profile_version = "2026.11-3"', "", "missing", "profile_version", {}),
    ('recipient = "district_attorney"\n', "", "missing", "notices[0].recipient", {}),
    ('decider = "Governor of California"', 'decider = "  "', "required", "decider", {}),
    ('last_verified = ""', 'last_verified = "last spring"', "bad_date", "last_verified", {}),
    ('retrieved = ""', 'retrieved = "2026-02-30"', "bad_date", "sources[0].retrieved", {}),
    ('retrieved = ""', "retrieved = 20260101", "wrong_type", "sources[0].retrieved", {"expected": "date"}),
    ('other = "by {method}, addressed as follows:"', 'fax = "by fax"', "unknown_key", "documents[4].method_text.fax", {}),
    ('kind = "exhibit_index"', 'kind = "exhibit_list"', "not_a_choice", "documents[6].kind", None),
    ("threshold = 2", "threshold = 0", "out_of_range", "special_approvals[0].threshold", {"bound": ">= 1"}),
    ('key = "client.date_of_birth"', 'key = "client.ssn"', "unknown_field_key", "documents[1].sections[0].fields[2].key", {"key": "client.ssn"}),
    ("gate = false", "gate = true", "guidance_is_never_a_gate", "guidance[0].gate", {}),
    ('state = "CA"', 'state = "NV"', "profile_state_mismatch", "state", {"state": "NV", "file": "CA.toml"}),
    ('state = "CA"', 'state = "C1"', "bad_state_code", "state", {}),
    ('id = "attachments"', 'id = "cover_letter"', "duplicate_id", "documents", {"id": "cover_letter"}),
    ('kind = "application"', 'kind = "cover_letter"', "document_needed", "documents", {"kind": "application"}),
    ('repeat = "conviction"\n', "", "conviction_fields_need_repeat", "documents[1].sections[1].fields", {}),
]


@pytest.mark.parametrize(("old", "new", "code", "where", "params"), BAD, ids=[f"{b[2]}:{b[3]}" for b in BAD])
def test_each_kind_of_bad_profile_is_refused_by_its_field(tmp_path, old, new, code, where, params):
    assert old in CA_TEXT
    path = write(tmp_path, "CA.toml", CA_TEXT.replace(old, new, 1))
    with pytest.raises(ProfileError) as caught:
        load_profile_file(path)
    error = caught.value
    assert error.code == "profile.invalid" and error.params["file"] == "CA.toml" and error.params["where"] == where
    [problem] = error.problems
    assert (problem.code, problem.field) == (code, where)
    if params is not None:
        assert problem.params == params
    assert str(error).startswith(f"CA.toml: {where}: ") and "Expected" not in str(error)  # our words, not msgspec's


def test_a_choice_names_its_choices_and_a_notary_is_needed_when_notarizing(tmp_path):
    with pytest.raises(ProfileError) as caught:
        load_profile_file(write(tmp_path, "CA.toml", CA_TEXT.replace('per = "county_of_conviction"', 'per = "state"')))
    assert str(caught.value) == "CA.toml: notices[0].per: must be one of county_of_conviction"
    without_notary = CA_TEXT.replace("notarize = false", "notarize = true").split("[notary]")[0]
    with pytest.raises(ProfileError, match=r"^CA.toml: notary: a document with notarize = true needs"):
        load_profile_file(write(tmp_path, "CA.toml", without_notary))


def test_unknown_keys_are_ignored_as_before_except_under_method_text(tmp_path):
    path = write(tmp_path, "CA.toml", CA_TEXT.replace('decider = "Governor', 'reviewer_note = "clinic only"\ndecider = "Governor', 1))
    assert load_profile_file(path).decider == "Governor of California"


def test_dates_may_be_toml_dates_or_text_and_empty_means_not_yet(tmp_path):
    text = CA_TEXT.replace('last_verified = ""', "last_verified = 2026-10-01").replace('retrieved = ""', 'retrieved = "2026-09-30"', 1)
    ca = load_profile_file(write(tmp_path, "CA.toml", text))
    assert ca.last_verified == date(2026, 10, 1) and ca.sources[0].retrieved == date(2026, 9, 30) and ca.sources[1].retrieved is None


def test_shipped_profiles_read_exactly_as_the_hand_written_reader_read_them():
    """Pinned from the old reader's output (`profile show` JSON) for CA and NY: the same
    documents, fields, needs and defaults, unconfirmed items still plain data with sources."""
    for state, digest in SHIPPED_DIGESTS.items():
        shown = json.dumps(get_profile(state).as_data(), default=str, sort_keys=True)
        assert _digest(shown) == digest, state
    ca = get_profile("CA")
    assert ca.last_verified is None and all(s.retrieved is None for s in ca.sources)
    assert "UNCONFIRMED" in ca.submission.note and ca.document("application").form_verified is False


def _digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.replace(str(BUILTIN_FOLDER), "<builtin>").encode()).hexdigest()[:16]


SHIPPED_DIGESTS = {"CA": "9168a7dec5fa5780", "NY": "33191b64c5d25de3"}  # NY: 2026.11-3, the affirmation's guidance and CPLR 2106 source


def test_the_schema_in_docs_is_the_format():
    written = json.loads((BUILTIN_FOLDER.parents[1] / "docs" / "state-profile.schema.json").read_text(encoding="utf-8"))
    assert written == json_schema(), "regenerate: .venv/bin/python -m clinic_app.state_profile_format > docs/state-profile.schema.json"


# -- random damage never crashes the reader ------------------------------------------------

CA_DATA = tomllib.loads(CA_TEXT)
toml_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats() | st.text(max_size=20) | st.dates(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=6,
)


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


PATHS = list(_paths(CA_DATA))[1:]


def _mutated(data, path, action, value):
    data = json.loads(json.dumps(data, default=str))  # a deep copy (dates become text, which profiles accept)
    *parents, last = path
    holder = data
    for step in parents:
        holder = holder[step]
    if action == "delete":
        del holder[last]
    elif action == "replace":
        holder[last] = value
    elif isinstance(holder, dict):
        holder[f"extra_{last}"] = value
    elif isinstance(holder, list):
        holder.append(value)
    else:
        raise TypeError("an earlier mutation replaced this path with a scalar")
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), st.sampled_from(["delete", "replace", "add"]), toml_values), min_size=1, max_size=4))
def test_random_damage_is_a_profile_error_or_a_profile_never_a_crash(mutations):
    data = CA_DATA
    for path, action, value in mutations:
        try:
            data = _mutated(data, path, action, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced this path
    try:
        profile = parse_profile(data, "CA.toml", BUILTIN_FOLDER)
    except ProfileError as error:
        assert error.code == "profile.invalid" and len(error.problems) == 1
        assert str(error).startswith("CA.toml: ") and "Expected `" not in str(error)
    else:
        assert isinstance(profile, StateProfile) and profile.state == "CA"
