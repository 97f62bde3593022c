"""Each client's name order: one function writes the full name (packet, header, review) and
one the list form "Family, Given", whichever order the client uses."""

from __future__ import annotations

import json
from pathlib import Path

from clinic_app.domain.models import Client, NameOrder, display_name, list_name

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "intake_unicode.json"


def test_full_name_follows_the_clients_order():
    viet = Client("Thị Hồng", "Nguyễn", name_order=NameOrder.FAMILY_FIRST)
    assert viet.full_name == "Nguyễn Thị Hồng"
    assert Client("Hồng", "Nguyễn", middle_name="Thị", name_order=NameOrder.FAMILY_FIRST).full_name == "Nguyễn Thị Hồng"
    assert Client("José Luis", "Hernández").full_name == "José Luis Hernández"
    assert display_name("伟", "张") == "张伟"  # CJK script: family first, no space, in either order
    assert display_name("伟", "张", order="family_first") == "张伟"


def test_list_form_is_family_comma_given_either_way():
    assert Client("Thị Hồng", "Nguyễn", name_order=NameOrder.FAMILY_FIRST).list_name == "Nguyễn, Thị Hồng"
    assert Client("José", "Hernández").list_name == "Hernández, José"
    assert list_name("Hồng", "Nguyễn", "Thị") == "Nguyễn, Hồng Thị"
    assert list_name("", "Cher") == "Cher"


def test_name_order_is_stored_and_read_back(session):
    client = session.clients.create(Client("Thị Hồng", "Nguyễn", name_order=NameOrder.FAMILY_FIRST))
    again = session.clients.get(client.id)
    assert again.name_order is NameOrder.FAMILY_FIRST and again.full_name == "Nguyễn Thị Hồng"
    assert session.clients.get(session.clients.create(Client("Ana", "Reyes")).id).name_order is NameOrder.GIVEN_FIRST


def test_intake_format_carries_the_name_order(session, cli, vault, tmp_path):
    session.intake.import_document(json.loads(FIXTURE.read_text(encoding="utf-8")))
    exported = {c["family_name"]: c for c in session.intake.export_document()["clients"]}
    assert exported["Nguyễn"]["name_order"] == "family_first"
    assert exported["Hernández"]["name_order"] == "given_first"  # absent in the file: the default
    bad = {"format": "clinic-intake", "version": 1, "clients": [{"given_name": "A", "family_name": "B", "name_order": "last_first"}]}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    session.lock()
    result = cli("intake", "import", str(path))
    assert result.code == 1 and "clients[0].name_order" in result.err and len(result.err.strip().splitlines()) == 1


def test_packet_prints_the_name_in_the_clients_order(session):
    from tests.core.packet_helpers import make_matter
    from tests.core.test_packets_build import flat, pages_text

    matter_id = make_matter(session, given="Thị Hồng", family="Nguyễn")
    client = session.matters.bundle(matter_id).client
    client.name_order = NameOrder.FAMILY_FIRST
    session.clients.update(client, ["name_order"])
    text = flat(" ".join(pages_text(session.packets.build(matter_id, draft=True).pdf)))
    assert "Nguyễn Thị Hồng" in text and "Thị Hồng Nguyễn" not in text
