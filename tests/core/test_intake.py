"""clinic-intake v1: import is all-or-nothing, names round-trip exactly, restricted keys drop."""

import copy
import json
from pathlib import Path

import pytest

from clinic_app.errors import ValidationError
from clinic_app.lifecycle import open_session

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "intake_unicode.json"


def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def without_export_stamps(document: dict) -> dict:
    return {k: v for k, v in document.items() if k not in ("exported_at", "exported_by")}


def normalised(clients: list[dict]) -> list[dict]:
    return sorted(clients, key=lambda c: (c["family_name"], c["given_name"]))


def test_round_trip_keeps_unicode_names_exactly(session, make_vault, tmp_path, one_client_batches):
    progress = []
    result = session.intake.import_document(sample(), progress=lambda done, total: progress.append((done, total)))
    assert progress == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert len(result.clients) == 4
    first = session.intake.export_document()
    names = {(c["given_name"], c["family_name"]) for c in first["clients"]}
    assert {("José", "Hernández"), ("Thị Hồng", "Nguyễn"), ("Łukasz", "Kowalski"), ("伟", "张")} <= names
    other = make_vault(tmp_path / "second")
    from tests.conftest import PASSWORD

    with open_session(other, "manager", PASSWORD) as s2:
        s2.intake.import_document(first)
        second = s2.intake.export_document()
    assert normalised(without_export_stamps(second)["clients"]) == normalised(first["clients"])
    # import(export(x)) reproduces x: every field of the original sample survives.
    original = {c["family_name"]: c for c in sample()["clients"]}
    exported = {c["family_name"]: c for c in first["clients"]}
    for family, client in original.items():
        for key, value in client.items():
            if key != "matters":
                assert exported[family][key] == value, (family, key)
    jose = exported["Hernández"]["matters"][0]
    assert jose["convictions"][1]["case_number"] == "02CF1234"
    assert jose["urgent_need"] is True and jose["references"][0]["years_known"] == 12


@pytest.fixture
def one_client_batches(monkeypatch):
    """Batches of one client, so that the later clients are parsed after the first ones were stored."""
    from clinic_app.services.intake import IntakeService

    monkeypatch.setattr(IntakeService, "BATCH", 1)


def test_a_bad_client_anywhere_means_nothing_is_stored(session, one_client_batches):
    doc = sample()
    doc["clients"][3]["date_of_birth"] = "1972-13-40"
    doc["clients"][2]["matters"][0]["convictions"] = [{"level": "felonious"}]
    with pytest.raises(ValidationError) as caught:
        session.intake.import_document(doc)
    message = str(caught.value)
    assert message.startswith("clients[2].matters[0].convictions[0].level: must be one of felony")  # the first, in order
    assert "felonious" not in message  # places and rules, never the values
    assert session.clients.count() == 0


def test_failure_during_storage_rolls_back(session, monkeypatch, one_client_batches):
    from clinic_app.services import matters

    real = matters.MatterService.insert_imported

    def write_then_fail(self, *args, **kwargs):
        real(self, *args, **kwargs)  # rows are written, then the disk fills up
        raise OSError("disk full")

    doc = sample()
    monkeypatch.setattr(matters.MatterService, "insert_imported", write_then_fail)
    with pytest.raises(OSError):
        session.intake.import_document(doc)
    assert session.clients.count() == 0
    assert session.db.query_one("SELECT count(*) FROM convictions")[0] == 0


def test_restricted_keys_are_dropped_and_reported(session):
    doc = sample()
    doc["clients"][0]["matters"][0]["restricted"] = {"immigration_status": "CANARY-STATUS", "a_number": "A-CANARY"}
    result = session.intake.import_document(doc)
    assert result.dropped == [
        "clients[0].matters[0].restricted.immigration_status: dropped (no purpose recorded for this matter)",
        "clients[0].matters[0].restricted.a_number: dropped (no purpose recorded for this matter)",
    ]
    tables = [r[0] for r in session.db.query("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        for row in session.db.query(f"SELECT * FROM {table}"):
            assert "CANARY" not in repr(row), table


def test_restricted_categories_outside_restricted_and_unknown_keys_are_refused(session):
    doc = sample()
    doc["clients"][1]["ssn"] = "000-00-0000"
    doc["clients"][1]["favourite_colour"] = "blue"
    with pytest.raises(ValidationError) as caught:
        session.intake.import_document(doc)
    assert "clients[1].ssn: restricted category" in str(caught.value)
    del doc["clients"][1]["ssn"]
    with pytest.raises(ValidationError) as caught:
        session.intake.import_document(doc)
    assert "clients[1].favourite_colour: unknown key" in str(caught.value)
    assert session.clients.count() == 0


@pytest.mark.parametrize(
    "document, expected",
    [
        ([], "not a clinic-intake document"),
        ({"format": "other"}, "format: not a clinic-intake document"),
        ({"format": "clinic-intake", "version": 2, "clients": []}, "version 2"),
        ({"format": "clinic-intake", "version": 1, "clients": [{"family_name": "X"}]}, "clients[0].given_name: required"),
    ],
)
def test_documents_that_are_not_intake_files(session, document, expected):
    with pytest.raises(ValidationError) as caught:
        session.intake.import_document(document)
    assert expected in str(caught.value)


def test_cli_import_json_and_export(vault, vault_dir, cli, tmp_path):
    result = cli("intake", "import", str(SAMPLE), "--json", user="paralegal")
    assert result.code == 0, result.err
    ids = json.loads(result.out)
    assert len(ids["clients"]) == 4 and len(ids["clients"][0]["matters"]) == 1
    out = tmp_path / "export.json"
    assert cli("intake", "export", "--out", str(out), user="attorney").code == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["clients"]) == 4
    assert out.stat().st_mode & 0o077 == 0
    one = cli("intake", "export", "--client", ids["clients"][0]["id"], user="attorney")
    assert [c["family_name"] for c in json.loads(one.out)["clients"]] == ["Hernández"]
    refused = cli("intake", "export", user="paralegal")
    assert refused.code == 4


def test_cli_import_of_bad_json_changes_nothing(vault, vault_dir, cli, tmp_path):
    before = cli("intake", "export", user="attorney").out
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "clinic-intake", "version": 1, "clients": [')
    result = cli("intake", "import", str(broken))
    assert result.code == 1 and result.err.startswith("error: ") and "line 1" in result.err
    bad = copy.deepcopy(sample())
    bad["clients"][0]["matters"][0]["route"] = "sideways"
    broken.write_text(json.dumps(bad))
    result = cli("intake", "import", str(broken))
    assert result.code == 1 and "clients[0].matters[0].route" in result.err
    assert len(result.err.strip().splitlines()) == 1
    after = cli("intake", "export", user="attorney").out
    assert json.loads(after)["clients"] == json.loads(before)["clients"] == []


def test_the_bulk_import_writes_what_the_services_would(session):
    """The import writes rows a batch at a time; saving each client again through the services
    (which rebuild the sort key and the search row) changes none of them."""
    session.intake.import_document(sample())
    columns = "id, given_name, family_name, middle_name, name_order, aliases, date_of_birth, sort_key"
    before = session.db.query(f"SELECT {columns} FROM clients ORDER BY id")
    search_before = session.db.query("SELECT rowid, client_id, names, aliases, case_numbers, notes FROM client_search ORDER BY rowid")
    for (client_id,) in session.db.query("SELECT id FROM clients"):
        session.clients.update(session.clients.get(client_id))
    assert session.db.query(f"SELECT {columns} FROM clients ORDER BY id") == before
    assert session.db.query("SELECT rowid, client_id, names, aliases, case_numbers, notes FROM client_search ORDER BY rowid") == search_before
    jose = session.intake.export_document()["clients"]
    assert [c["case_number"] for c in next(c for c in jose if c["family_name"] == "Hernández")["matters"][0]["convictions"]] == ["BA412345", "02CF1234"]


def test_bulk_rows_are_the_rows_each_record_would_be_saved_as():
    """The import's row builder (declared types passed through) gives every column the value
    the one-record path gives it, for every kind of record in the Unicode sample."""
    from clinic_app.intake_format import parse_intake
    from clinic_app.storage import rows

    records = []
    for item in parse_intake(sample()):
        records.append(item.client)
        for mi in item.matters:
            records += [mi.matter, *mi.convictions, *mi.references, *mi.notices]
    assert {type(r).__name__ for r in records} >= {"Client", "Matter", "Conviction", "Reference", "Notice"}
    for record in records:
        row = rows.to_row(record)
        assert rows.bulk_columns(type(record)) == list(row)
        assert rows.bulk_values(record) == list(row.values())


def test_new_ids_are_version_7_uuids_in_creation_order():
    """Ids sort by the moment they were made (the vault's indexes grow at one end on import)."""
    import time
    import uuid

    from clinic_app.domain.models import new_id

    ids = []
    for _ in range(3):
        ids += [new_id() for _ in range(200)]
        time.sleep(0.002)
    parsed = [uuid.UUID(i) for i in ids]
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 and str(u) == i for u, i in zip(parsed, ids))
    assert len(set(ids)) == len(ids)
    moments = [u.int >> 80 for u in parsed]
    assert moments == sorted(moments)
    assert abs(moments[-1] - time.time_ns() // 1_000_000) < 60_000
    assert max(ids[:200]) < min(ids[200:400]) and max(ids[200:400]) < min(ids[400:])  # a later millisecond sorts after


def test_new_ids_random_bits_are_never_shared_by_threads_or_a_forked_child():
    """Ids draw their random bits in pools (one system call per 400): each thread has its own,
    and a forked child draws afresh instead of repeating its parent's next ids."""
    import os
    import threading

    from clinic_app.domain.models import new_id

    new_id()  # this thread's pool is filled
    by_thread: list[list[str]] = []
    workers = [threading.Thread(target=lambda: by_thread.append([new_id() for _ in range(1000)])) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    mine = [new_id() for _ in range(1000)]
    every = mine + [i for ids in by_thread for i in ids]
    assert len({i[19:] for i in every}) == len(every) == 5000  # the random tails alone differ

    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe
        os.write(write, " ".join(new_id() for _ in range(20)).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        child_ids = pipe.read().split()
    os.waitpid(child, 0)
    parent_ids = [new_id() for _ in range(20)]
    assert len(child_ids) == 20 and not {i[19:] for i in child_ids} & {i[19:] for i in parent_ids}
