"""The CLI twins of the app's admin screens: user role, profile checked, matter ids in client list."""

from __future__ import annotations

from datetime import date

from clinic_app.domain.models import Client, Matter
from clinic_app.lifecycle import open_session
from clinic_app.translation import long_date
from tests.conftest import PASSWORD


def test_user_role_changes_a_role_and_only_a_manager_may(cli, vault):
    result = cli("user", "role", "paralegal", "attorney")
    assert result.code == 0, result.err
    assert result.out.strip() == "paralegal: role changed to attorney."
    listing = cli("user", "list")
    assert any(line.split() == ["paralegal", "attorney"] for line in listing.out.splitlines())
    refused = cli("user", "role", "manager", "paralegal", user="attorney")
    assert refused.code == 4 and refused.err.startswith("error: ") and "Traceback" not in refused.err
    unknown = cli("user", "role", "nobody", "attorney")
    assert unknown.code != 0 and unknown.err.count("\n") == 1


def test_profile_checked_is_recorded_for_attorneys_only(cli, vault):
    result = cli("profile", "checked", "NY", user="attorney")
    assert result.code == 0, result.err
    assert f"attorney checked the NY profile on {long_date(date.today())}" in result.out
    refused = cli("profile", "checked", "CA", user="paralegal")
    assert refused.code == 4 and refused.err.startswith("error: ")
    unknown = cli("profile", "checked", "ZZ", user="attorney")
    assert unknown.code != 0 and unknown.err.startswith("error: ")
    session = open_session(vault, "manager", PASSWORD)
    try:
        assert session.profile_checks.last("ZZ") is None
        assert session.profile_checks.last("NY").checked_by == "attorney"
        assert "profile.checked" in [a for (a,) in session.db.query("SELECT action FROM audit_log")]
    finally:
        session.lock()


def test_plain_client_list_shows_matter_ids(cli, vault):
    session = open_session(vault, "manager", PASSWORD)
    client = session.clients.create(Client(given_name="Ana", family_name="Ruiz"))
    matter = session.matters.create(Matter(client_id=client.id))
    session.lock()
    result = cli("client", "list")
    assert result.code == 0, result.err
    line = next(line for line in result.out.splitlines() if "Ruiz, Ana" in line)
    assert f"matters: {matter.id}" in line
    check = cli("packet", "check", "--matter", line.rsplit("matters: ", 1)[1].split()[0])
    assert "no matter" not in check.err
