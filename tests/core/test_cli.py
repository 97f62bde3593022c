"""The real `clinic-app` in a subprocess: exit codes, one-line errors, no tracebacks."""

import hashlib
import json

from tests.conftest import PASSWORD


def db_hash(vault_dir):
    return hashlib.sha256((vault_dir / "vault.db").read_bytes()).hexdigest()


def assert_one_error_line(result, code):
    assert result.code == code, (result.out, result.err)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.err
    assert "Traceback" not in result.err


def test_vault_create_prints_the_recovery_key_once_and_writes_the_sheet(cli, vault_dir, tmp_path):
    sheet = tmp_path / "recovery.pdf"
    result = cli("vault", "create", "--admin", "boss", "--clinic", "Eastside Clínica", "--recovery-sheet", str(sheet), user=None)
    assert result.code == 0, result.err
    key = [line.strip() for line in result.out.splitlines() if line.startswith("  ")][0]
    assert len(key.replace("-", "")) == 32
    assert sheet.read_bytes().startswith(b"%PDF") and sheet.stat().st_mode & 0o077 == 0
    from pypdf import PdfReader

    text = PdfReader(sheet).pages[0].extract_text()
    assert key in text and "Eastside Clínica" in text
    assert cli("vault", "check", user="boss").code == 0
    assert_one_error_line(cli("vault", "create", "--admin", "boss", user=None), 1)  # exists


def test_wrong_password_is_exit_3_and_changes_nothing(vault, vault_dir, cli):
    before = db_hash(vault_dir)
    assert_one_error_line(cli("client", "list", password="wrong password!"), 3)
    assert_one_error_line(cli("client", "list", user="ghost"), 3)
    assert db_hash(vault_dir) == before


def test_paralegal_adding_a_user_is_exit_4(vault, cli):
    result = cli("user", "add", "eve", "--role", "manager", user="paralegal", env={"CLINIC_NEW_PASSWORD": "eve-password-1"})
    assert_one_error_line(result, 4)
    names = json.loads(cli("user", "list", "--json").out)
    assert "eve" not in [u["name"] for u in names]


def test_user_lifecycle_through_the_cli(vault, cli):
    assert cli("user", "add", "luz", "--role", "attorney", env={"CLINIC_NEW_PASSWORD": "luz-password-1"}).code == 0
    assert cli("client", "list", user="luz", password="luz-password-1").code == 0
    changed = cli("user", "passwd", user="luz", password="luz-password-1", env={"CLINIC_NEW_PASSWORD": "luz-password-2"})
    assert changed.code == 0, changed.err
    assert cli("client", "list", user="luz", password="luz-password-2").code == 0
    assert cli("user", "remove", "luz").code == 0
    assert cli("client", "list", user="luz", password="luz-password-2").code == 3


def test_password_file_and_usage_errors(vault, cli, tmp_path):
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSWORD + "\n")
    assert cli("--password-file", str(secret), "client", "list", password=None).code == 0
    assert cli("client", "list", password=None).code == 3  # no terminal, no password: refused
    usage = cli("client", "frobnicate")
    assert usage.code == 2 and "Traceback" not in usage.err
    assert cli("--version", user=None).out.startswith("clinic-app ")


def test_missing_vault_is_one_clear_error(cli, tmp_path):
    assert_one_error_line(cli("client", "list", vault=tmp_path / "nowhere"), 1)


def test_demo_builds_a_living_vault(cli, tmp_path):
    demo = tmp_path / "demo"
    result = cli("demo", "--clients", "12", user=None, vault=demo)
    assert result.code == 0, result.err
    listing = json.loads(cli("client", "list", "--json", user="paralegal", vault=demo).out)
    assert len(listing["clients"]) == 12
    assert cli("vault", "check", user="manager", vault=demo).code == 0
