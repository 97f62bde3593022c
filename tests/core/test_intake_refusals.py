"""`intake import` refuses every bad value by name (issue 13 item 8): through the real CLI, each
attack ends in exit 1 and one `error:` line naming the client index and the field, with the
vault unchanged; a hypothesis fuzz run finds no input that ends any other way."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clinic_app.errors import ValidationError
from clinic_app.intake_format import MAX_FILE_BYTES, parse_intake
from clinic_app.lifecycle import create_vault, open_session
from tests.conftest import PASSWORD

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "intake_unicode.json"


def one_client(**matter) -> dict:
    return {
        "given_name": "Ana",
        "family_name": "Reyes",
        "date_of_birth": "1980-05-17",
        "matters": [{"kind": "pardon", "state": "CA", **matter}],
    }


def document(*clients) -> str:
    return json.dumps({"format": "clinic-intake", "version": 1, "clients": [one_client(), *clients]}, ensure_ascii=False)


DEEP = "[" * 1000 + "]" * 1000
ATTACKS = {
    # name: (document text, the place the error must name, a word of what it says)
    "nesting 1,000 deep inside a client": (
        document(one_client(employment=[{"employer": "x"}])).replace('{"employer": "x"}', '{"employer": ' + DEEP + "}"),
        "clients[1].matters[0].employment[0]",
        "",
    ),
    "nesting 1,000 deep as a client": (document().replace('"clients": [', '"clients": [' + DEEP + ", "), "clients[0]", ""),
    "years_known 10**30": (document(one_client(references=[{"name": "Rev. Ana", "years_known": 10**30}])), "clients[1].matters[0].references[0].years_known", "allowed range"),
    "a 4,400-digit integer": (
        document(one_client(references=[{"name": "Rev. Ana", "years_known": 7}])).replace('"years_known": 7', '"years_known": ' + "9" * 4400),
        "clients[1].matters[0].references[0].years_known",
        "allowed range",
    ),
    "amount NaN": (document(one_client(compensation=[{"name": "Notary", "amount": 1}])).replace('"amount": 1', '"amount": NaN'), "clients[1].matters[0].compensation[0].amount", "finite"),
    "amount Infinity": (document(one_client(compensation=[{"name": "Notary", "amount": 1}])).replace('"amount": 1', '"amount": Infinity'), "clients[1].matters[0].compensation[0].amount", "finite"),
    "amount -Infinity": (document(one_client(compensation=[{"name": "Notary", "amount": 1}])).replace('"amount": 1', '"amount": -Infinity'), "clients[1].matters[0].compensation[0].amount", "finite"),
    "amount 1e400": (document(one_client(compensation=[{"name": "Notary", "amount": 1}])).replace('"amount": 1', '"amount": 1e400'), "clients[1].matters[0].compensation[0].amount", "allowed range"),
    "a lone high surrogate": (document(one_client()).replace('"Reyes"}', '"Reyes"}', 1).replace('"given_name": "Ana", "family_name": "Reyes", "date_of_birth": "1980-05-17", "matters": [{"kind": "pardon", "state": "CA"}]}]', '"given_name": "A\\ud800na", "family_name": "Reyes"}]'), "clients[1].given_name", "not valid text"),
    "a lone low surrogate": (document().replace('"family_name": "Reyes"', '"family_name": "Re\\udc00yes"'), "clients[0].family_name", "not valid text"),
    "no clients key": (json.dumps({"format": "clinic-intake", "version": 1}), "clients", "required"),
    "a name too long": (document({"given_name": "A" * 201, "family_name": "B"}), "clients[1].given_name", "longer than 200"),
    "a story too long": (document(one_client(reasons="x" * 50_001)), "clients[1].matters[0].reasons", "longer than 50000"),
    "too many aliases": (document({"given_name": "A", "family_name": "B", "aliases": ["x"] * 1001}), "clients[1].aliases", "more than 1000"),
    "a restricted fact outside restricted": (document({"given_name": "A", "family_name": "B", "ssn": "000"}), "clients[1].ssn", "restricted"),
    "a date that does not exist": (document({"given_name": "A", "family_name": "B", "date_of_birth": "1980-02-30"}), "clients[1].date_of_birth", "YYYY-MM-DD"),
    "an unknown key with a line break (found by the fuzz run)": (
        document(one_client(compensation=[{"\n": None}])), 'clients[1].matters[0].compensation[0]."\\n"', "unknown",
    ),
    "an offense before birth": (document(one_client(convictions=[{"offense_date": "1970-01-01"}])), "clients[1].matters[0].convictions[0].offense_date", "before date_of_birth"),
}


def vault_state(vault) -> tuple:
    s = open_session(vault, "manager", PASSWORD)
    try:
        clients = s.db.query_one("SELECT count(*) FROM clients")[0]
        audit = s.db.query_one("SELECT count(*) FROM audit_log WHERE action != 'login' AND action != 'lock'")[0]
    finally:
        s.lock()
    return clients, audit


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_cli_refuses_each_bad_value_by_name(name, cli, vault, tmp_path):
    text, place, word = ATTACKS[name]
    path = tmp_path / "intake.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    before = vault_state(vault)
    result = cli("intake", "import", str(path))
    lines = result.err.strip().splitlines()
    assert result.code == 1, result.err
    assert len(lines) == 1 and lines[0].startswith("error: "), result.err
    assert "internal error" not in result.err and "Traceback" not in result.err
    assert place in lines[0] and word in lines[0], lines[0]
    assert vault_state(vault) == before


def test_cli_refuses_a_file_larger_than_the_format_allows_without_reading_it(cli, vault, tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written
    before = vault_state(vault)
    result = cli("intake", "import", str(path))
    assert result.code == 1 and result.err.startswith("error: ") and "larger than 256 MiB" in result.err
    assert vault_state(vault) == before


# -- fuzz ---------------------------------------------------------------------------------------

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=3),
    st.sampled_from(["1980-02-30", "1980-05-17", "2999-01-01", "felony", "family_first", "", "x" * 300]),
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner, max_size=3), max_leaves=8)


def paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*prefix, index))


def replaced(value, path, new):
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = replaced(value[path[0]], path[1:], new)
    return copy


OUTCOMES: Counter = Counter()


def encode(value) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


@st.composite
def mutated_documents(draw) -> bytes:
    base = json.loads(SAMPLE.read_text(encoding="utf-8"))
    kind = draw(st.sampled_from(["value", "value", "key", "bytes", "deep"]))
    all_paths = list(paths(base))
    path = draw(st.sampled_from(all_paths[1:]))  # the root alone is one case, not a hundred
    if kind == "value":
        return encode(replaced(base, path, draw(VALUES)))
    if kind == "key":
        target = draw(st.sampled_from([p for p in all_paths if not p or isinstance(p[-1], str)] or [()]))
        holder = base
        for step in target[:-1] if target else ():
            holder = holder[step]
        if isinstance(holder, dict):
            holder[draw(st.sampled_from(["ssn", "unknown", "given_name", "restricted", "a_number"]))] = draw(VALUES)
        return encode(base)
    if kind == "deep":
        depth = draw(st.integers(min_value=10, max_value=3000))
        return encode(replaced(base, path, 0)).replace(b"0", b"[" * depth + b"]" * depth, 1)
    data = bytearray(encode(base))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=len(data) - 1))
        data[at:at + draw(st.integers(0, 3))] = draw(st.binary(max_size=4) | st.sampled_from([b"NaN", b"1e400", b"\\ud800", b"[" * 50, b'"', b"9" * 5000]))
    return bytes(data)


@settings(max_examples=int(os.environ.get("INTAKE_FUZZ_EXAMPLES", "400")), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_documents())
def test_fuzzed_documents_are_stored_or_refused_by_name(session_for_fuzz, data):
    try:
        items = parse_intake(data)
    except ValidationError as exc:
        message = str(exc)
        assert message and "\n" not in message and not message.startswith("invalid"), message
        OUTCOMES["refused"] += 1
        return
    session_for_fuzz.intake.import_document(data)  # what parses also stores
    OUTCOMES["accepted"] += 1
    assert len(items) == len(json.loads(SAMPLE.read_text(encoding="utf-8"))["clients"]) or items is not None


@pytest.fixture(scope="module")
def session_for_fuzz(tmp_path_factory):
    from clinic_app.vault import Vault

    folder = tmp_path_factory.mktemp("fuzz") / "vault"
    session, _ = create_vault(Vault(folder), "manager", PASSWORD)
    yield session
    session.lock()


def test_fuzz_counts(capsys):
    """Runs after the fuzz test (same module, in order): say what it found."""
    total = sum(OUTCOMES.values())
    with capsys.disabled():
        print(f"\nintake fuzz: {total} documents, {OUTCOMES['refused']} refused cleanly by name, {OUTCOMES['accepted']} accepted and stored")
    assert total == 0 or OUTCOMES["refused"] > total // 4
