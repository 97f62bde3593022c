"""Bad state profiles through the real CLI: one `error:` line naming the file and the field
path, a non-zero exit, no traceback; the same for a profile stored in the vault folder."""

from __future__ import annotations

import pytest

from clinic_app.state_profiles import BUILTIN_FOLDER, clinic_profiles_folder

CA_TEXT = (BUILTIN_FOLDER / "CA.toml").read_text(encoding="utf-8")
NO_PASSWORD = {"user": None, "password": None}

CASES = [
    ("min_days_before_decision = 10", 'min_days_before_decision = "ten"', "notices[0].min_days_before_decision: must be a whole number"),
    ('profile_version = "2026.11-3"', "", "profile_version: required"),
    ('other = "by {method}, addressed as follows:"', 'fax = "by fax"', "documents[4].method_text.fax: unknown key"),
    ('last_verified = ""', 'last_verified = "last spring"', "last_verified: must be a date written YYYY-MM-DD"),
]


def assert_one_error_line(result, message: str) -> None:
    assert result.code == 1, (result.out, result.err)
    assert result.err.splitlines() == [f"error: {message}"]
    assert "Traceback" not in result.err and "internal error" not in result.err


@pytest.mark.parametrize(("old", "new", "message"), CASES, ids=[c[2].split(":")[0] for c in CASES])
def test_profile_check_names_the_file_and_the_field(cli, vault, tmp_path, old, new, message):
    bad = tmp_path / "CA.toml"
    bad.write_text(CA_TEXT.replace(old, new, 1), encoding="utf-8")
    assert_one_error_line(cli("profile", "check", str(bad), **NO_PASSWORD), f"CA.toml: {message}")


def test_a_bad_profile_in_the_vault_folder_is_named_by_every_profile_command(cli, vault, tmp_path):
    folder = clinic_profiles_folder(vault.folder)
    folder.mkdir()
    (folder / "CA.toml").write_text(CA_TEXT.replace("threshold = 2", "threshold = 0"), encoding="utf-8")
    message = "CA.toml: special_approvals[0].threshold: out of the allowed range (>= 1)"
    assert_one_error_line(cli("profile", "show", "CA", **NO_PASSWORD), message)
    checked = cli("profile", "check", **NO_PASSWORD)
    assert checked.code == 1 and checked.out.splitlines() == [f"error: {message}"]  # the list of what does not load
    assert checked.err.splitlines() == ["error: 1 profile file does not load"]
    assert cli("profile", "show", "NY", **NO_PASSWORD).code == 0  # the other states still load
    (folder / "CA.toml").write_text(CA_TEXT.replace('last_verified = ""', "last_verified = 2026-10-01"), encoding="utf-8")
    listed = cli("profile", "list", **NO_PASSWORD)
    assert listed.code == 0 and "2026-10-01" in listed.out and "clinic file" in listed.out


def test_the_message_follows_lang(cli, vault, tmp_path):
    bad = tmp_path / "CA.toml"
    bad.write_text(CA_TEXT.replace("min_days_before_decision = 10", 'min_days_before_decision = "ten"'), encoding="utf-8")
    result = cli("profile", "check", str(bad), env={"LANG": "es_ES.UTF-8", "LANGUAGE": "es"}, **NO_PASSWORD)
    assert_one_error_line(result, "CA.toml: notices[0].min_days_before_decision: debe ser un número entero")
