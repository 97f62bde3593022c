"""The command line speaks the language LANG asks for: every command's own lines, the listings'
headers and status words, the readiness items; `--json` stays English for scripts. And no
English can slip into a print call without going through the catalogue."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from tests.core.packet_helpers import prepare

ROOT = Path(__file__).resolve().parents[2]
SPANISH = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "es_ES.UTF-8"}


@pytest.fixture(scope="module", autouse=True)
def compiled():
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    import core_catalogue

    for language in core_catalogue.LANGUAGES:
        core_catalogue.compile_mo(language)


def spanish(cli, *args, **kwargs):
    result = cli(*args, env=SPANISH, **kwargs)
    assert result.code in (0, 1), result.err
    assert "Traceback" not in result.err
    return result


def test_vault_check_in_spanish_and_its_json_in_english(vault, cli):
    result = spanish(cli, "vault", "check")
    assert result.code == 0, result.err
    assert "bien    versión del esquema" in result.out
    assert "cadena de auditoría intacta" in result.out
    assert "roles firmados con la clave de la clínica" in result.out
    assert "ok   " not in result.out and "schema version" not in result.out and "audit chain" not in result.out
    report = json.loads(cli("vault", "check", "--json", env=SPANISH).out)
    assert any(line.startswith("ok   schema version") for line in report["lines"]), report["lines"]


def test_client_and_da_lists_in_spanish(vault, cli):
    matter = prepare(vault)
    clients = spanish(cli, "client", "list")
    assert f"casos: {matter}" in clients.out and "matters:" not in clients.out
    offices = spanish(cli, "da", "list")
    assert "(sin dirección completa) [sin verificar]" in offices.out  # a county nobody filled in
    assert "verificada el " in offices.out  # the test's Los Angeles and Orange addresses
    assert "not verified" not in offices.out and "no complete address" not in offices.out


def test_profile_list_in_spanish_and_show_stays_json(vault, cli):
    listing = spanish(cli, "profile", "list", user=None, password=None)
    lines = listing.out.splitlines()
    assert lines[0].split() == ["ESTADO", "VERSIÓN", "VERIFICADO", "ORIGEN", "NOMBRE"]
    assert "California: perdón del gobernador (solicitud directa)" in listing.out
    assert "incluido" in listing.out and "carpeta de perfiles de la clínica:" in listing.out
    assert "shipped" not in listing.out and "Governor's pardon" not in listing.out
    shown = json.loads(spanish(cli, "profile", "show", "CA", user=None, password=None).out)
    assert shown["state"] == "CA" and shown["name"] == "California: Governor's pardon (direct application)"


def test_user_list_in_spanish_with_role_names_of_the_glossary(vault, cli):
    listing = spanish(cli, "user", "list")
    rows = [line.split() for line in listing.out.splitlines()]
    assert rows[0] == ["USUARIO", "ROL", "FIRMA", "COMO"]
    assert ["manager", "administrador", "Morgan", "Reyes,", "Clinic", "Director"] in rows
    assert ["paralegal", "asistente", "legal"] in rows
    assert any(row[:2] == ["attorney", "abogado"] and "N.º State Bar" in " ".join(row) for row in rows)
    assert "ROLE" not in listing.out and "bar number" not in listing.out
    assert json.loads(cli("user", "list", "--json", env=SPANISH).out)[0]["role"] in ("attorney", "manager", "paralegal")


def test_packet_check_words_its_items_in_spanish(vault, cli):
    from clinic_app.domain.models import Level

    matter = prepare(vault, served={"Orange": 30}, levels=(Level.FELONY, Level.MISDEMEANOR))  # a felony: the Certificate route
    result = spanish(cli, "packet", "check", "--matter", matter)
    assert result.code == 1  # Los Angeles was never served
    assert f"caso {matter}: perfil de CA" in result.out
    assert "BLOQUEA (" in result.out
    assert "Aviso de intención de solicitar clemencia: todavía no se entregó a la fiscalía del condado de Los Angeles." in result.out
    assert "no está listo:" in result.out
    assert "Un plazo de 7 años contado desde la fecha de la condena" in result.out  # the Certificate route's why
    assert "La Oficina del Gobernador anima" in result.out
    for english in ("BLOCKING", "not yet served", "Notice of Intent", "not ready", "matter ", "conviction date", "Governor's Office"):
        assert english not in result.out, english
    machine = json.loads(cli("packet", "check", "--matter", matter, "--json", env=SPANISH).out)
    assert any(item["code"] == "notice_not_served" and "not yet served" in item["message"] for item in machine["blocking"])


def test_selftest_in_spanish(cli):
    result = spanish(cli, "selftest", user=None, password=None)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert re.fullmatch(r"autoprueba correcta \(\d+,\d s\)", lines[-1]), lines[-1]  # "2,1 s", not "2.1 s"
    assert "bien    ejemplo importado (1 cliente, 1 caso)" in lines
    assert "bien    copia de seguridad verificada" in lines
    assert not any(line.startswith(("ok ", "skip ", "selftest ok")) for line in lines), result.out


def test_profile_checked_gives_the_date_in_spanish_words(vault, cli):
    from datetime import date

    from clinic_app.translation import long_date

    result = spanish(cli, "profile", "checked", "CA", user="attorney")
    assert result.code == 0, result.err
    assert result.out.strip() == f"registrado: attorney revisó el perfil de CA el {long_date(date.today(), 'es')}"
    assert " de 20" in result.out  # "27 de noviembre de 2026", not an ISO date


# -- no English outside the catalogue ------------------------------------------------------

# What prints or prompts, with the positional arguments that are keys, not text. A string
# literal with words in the other arguments must be passed through `_()` / `ngettext()` (or be
# the one prefix below, kept for scripts that grep).
PRINTING = {"print": (), "getpass": (), "new_password": (), "read_secret": (0,), "status_line": (0,), "write": (), "exit": (0,)}
# argparse's: only what --help shows as sentences (a group's title, help=, description=).
HELP_TEXT = {"add_argument": (), "add_parser": (), "add_subparsers": (), "add_argument_group": (0,), "_Parser": (), "ArgumentParser": ()}
HELP_KEYWORDS = ("help", "description", "title")
TRANSLATING = {"_", "ngettext", "N_", "Np_"}
KEPT_PREFIXES = {"error: "}  # every error line starts with it in every language (see docs/translations.md)


def _callee(node: ast.Call) -> str:
    return node.func.id if isinstance(node.func, ast.Name) else node.func.attr if isinstance(node.func, ast.Attribute) else ""


def _has_words(text: str) -> bool:
    return sum(c.isalpha() for c in text) >= 2 and text not in KEPT_PREFIXES


def untranslated_literals(source: str, filename: str = "<source>") -> list[str]:
    """'file:line: text' for every worded literal that reaches a print or a prompt untranslated."""
    found = []

    def visit(node: ast.AST, inside_printing: bool) -> None:
        if isinstance(node, ast.Call):
            name = _callee(node)
            if name in TRANSLATING:
                return
            if name in HELP_TEXT:
                for index, child in enumerate(node.args):
                    visit(child, index in HELP_TEXT[name])
                for keyword in node.keywords:
                    visit(keyword.value, keyword.arg in HELP_KEYWORDS)
                return
            keys = PRINTING.get(name, ())
            inside = inside_printing or name in PRINTING
            for index, child in enumerate(node.args):
                visit(child, inside and index not in keys)
            for keyword in node.keywords:
                visit(keyword.value, inside and keyword.arg not in ("file", "flush", "end", "sep"))
            visit(node.func, False)
            return
        if isinstance(node, ast.Subscript):  # r["name"]: a key, not text
            visit(node.value, inside_printing)
            return
        if inside_printing and isinstance(node, ast.Constant) and isinstance(node.value, str) and _has_words(node.value):
            found.append(f"{filename}:{node.lineno}: {node.value!r}")
            return
        if isinstance(node, ast.JoinedStr):
            words = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            if inside_printing and _has_words(words):
                found.append(f"{filename}:{node.lineno}: f-string {words!r}")
            for value in node.values:
                if isinstance(value, ast.FormattedValue):
                    visit(value.value, inside_printing)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, inside_printing)

    visit(ast.parse(source), False)
    return found


def test_the_scan_finds_english_that_bypasses_the_catalogue():
    source = (
        'print("Hello there")\n'
        'print(f"{count} clients imported")\n'
        'print("error: " + _("no vault"))\n'
        'print(_("Hello {name}").format(name=n))\n'
        'print(f"{a}  {b:<10} [{c}]")\n'
        'new_password(f"Password for {name}")\n'
        'print(x + ", " + ngettext("{n} file", "{n} files", n))\n'
        'print(status_line("ok", "schema version"))\n'
        'sub.add_argument("--zip", metavar="ZIP", default="CA", help="5 digits or ZIP+4")\n'
        'sub.add_parser("list", help=_("list users"))\n'
        'parser.add_argument_group("global options")\n'
    )
    found = [line.split(": ", 1)[0] for line in untranslated_literals(source)]
    assert found == ["<source>:1", "<source>:2", "<source>:6", "<source>:8", "<source>:9", "<source>:11"]


def test_every_cli_line_goes_through_the_catalogue():
    found = []
    for path in sorted((ROOT / "clinic_app" / "cli").glob("*.py")) + [ROOT / "clinic_app" / "vault_check.py"]:
        found += untranslated_literals(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert not found, "wrap these in _() or ngettext() (clinic_app.translation), then `make translations`:\n" + "\n".join(found)


def test_help_in_spanish(cli):
    """`--help` too: our help texts and argparse's own headings and errors, from the catalogue."""
    top = spanish(cli, "--help", user=None, password=None)
    assert top.code == 0 and top.out.startswith("uso: clinic-app")
    assert "opciones generales:" in top.out and "carpeta de la bóveda" in " ".join(top.out.split())
    assert "usage:" not in top.out and "global options" not in top.out
    build = " ".join(spanish(cli, "packet", "build", "--help", user=None, password=None).out.split())  # unwrapped
    assert "lo genera aunque algo lo bloquee; BORRADOR en cada página" in build
    assert "opciones:" in build and "muestra esta ayuda y termina" in build and "options:" not in build
    assert "--out ARCHIVO.pdf" in build and "--vault CARPETA" in build and "--user NOMBRE" in build  # placeholders too
    assert not re.search(r"\b(FILE|DIR|NAME)\b", build), build
    assert "[--vault CARPETA]" in top.out and "COMANDO ..." in top.out
    mapping = " ".join(spanish(cli, "profile", "map", "--help", user=None, password=None).out.split())
    assert "estado campo origen" in mapping, mapping  # positional arguments by name
    english = " ".join(cli("packet", "build", "--help", user=None, password=None).out.split())
    assert "--out FILE.pdf" in english and "--vault DIR" in english
    missing = cli("packet", "check", env=SPANISH, user=None, password=None)
    assert missing.code == 2
    assert missing.err == "error: faltan estos argumentos obligatorios: --matter (vea 'clinic-app packet check --help')\n"


def test_privacy_report_and_backup_verify_in_spanish(vault, cli, tmp_path):
    report = spanish(cli, "privacy", "report", user="attorney")
    assert "Valores restringidos guardados: 0" in report.out and "Situación migratoria: 0" in report.out
    assert "immigration_status" not in report.out and "Restricted values" not in report.out
    backup = tmp_path / "vault.backup"
    secret = {"CLINIC_BACKUP_PASSWORD": "a backup passphrase long enough"}
    created = cli("backup", "create", "--out", str(backup), env={**SPANISH, **secret})
    assert created.code == 0, created.err
    assert re.search(r"^Copia escrita: .*vault\.backup \(\d+,\d MB, \d+,\d s\)$", created.out, re.M), created.out
    verified = cli("backup", "verify", str(backup), env={**SPANISH, **secret}, user=None, password=None)
    assert verified.code == 0, verified.err
    lines = verified.out.splitlines()
    assert lines[0].startswith("bien    ") and not any(line.startswith(("ok ", "FAIL ")) for line in lines), verified.out
    machine = json.loads(cli("backup", "verify", str(backup), "--json", env={**SPANISH, **secret}, user=None, password=None).out)
    assert machine["ok"] and machine["lines"][0].startswith("ok   ")


def test_vault_check_names_a_rewritten_audit_log_in_spanish(vault, cli):
    from clinic_app.domain.models import Client
    from clinic_app.lifecycle import open_session
    from tests.conftest import PASSWORD

    with open_session(vault, "manager", PASSWORD) as s:
        s.clients.create(Client("Ana", "Uno"))
        s.db.execute("DROP TRIGGER audit_log_no_update")  # someone with the database key rewrites history
        s.db.execute("UPDATE audit_log SET actor = 'paralegal' WHERE action = 'create'")
    result = spanish(cli, "vault", "check")
    assert result.code == 1
    assert "FALLO   registro de auditoría: la entrada de auditoría" in result.out and "fue alterada" in result.out
    assert "falta el disparador audit_log_no_update (se eliminó fuera de la aplicación)" in result.out
    assert "FAIL" not in result.out and "altered" not in result.out
    assert result.err.startswith("error: la bóveda tiene problemas")


def test_vault_check_words_sqlciphers_damaged_pages_in_spanish(vault, vault_dir, cli):
    """SQLCipher and SQLite say a page is damaged in English ("HMAC verification failed for page
    4", "database disk image is malformed"): the check says it in the person's language."""
    from tests.core.test_vault_damage import PAGE

    db = vault_dir / "vault.db"
    data = bytearray(db.read_bytes())
    for page in (3, 5):  # the fourth and sixth pages (SQLite counts from 1)
        data[page * PAGE + 1000] ^= 0x5A
    db.write_bytes(bytes(data))
    result = spanish(cli, "vault", "check")
    assert result.code == 1
    assert "FALLO   base de datos: la página 4 está dañada o se cambió fuera de la aplicación" in result.out, result.out
    assert "la página 6 está dañada" in result.out
    assert "la comprobación de la estructura se detuvo: el archivo está dañado" in result.out
    assert "HMAC verification" not in result.out and "could not run" not in result.out and "malformed" not in result.out
    english = cli("vault", "check")
    assert "FAIL database: page 4 is damaged or was changed outside the app (it fails its authentication code)" in english.out
    assert "the structure check stopped: the file is damaged" in english.out


@pytest.mark.parametrize("language, decimal, whole", [("en", "2.1", "26,214"), ("es", "2,1", "26.214")])
def test_numbers_are_written_as_the_language_writes_them(language, decimal, whole):
    from clinic_app.translation import number_words, set_language

    set_language(language)
    assert (number_words(2.14, 1), number_words(26214)) == (decimal, whole)


def test_every_placeholder_in_help_has_its_words():
    """A new option's placeholder (argparse's metavar, or the option's name when it has none)
    is in the table that words it, or is the same in every language."""
    from clinic_app.cli import PLACEHOLDERS as WORDS
    from clinic_app.cli import _command_parsers, build_parser

    same_everywhere = {"ID", "N", "ZIP", "XXXX-XXXX-XXXX-XXXX", "pdf", "json"}
    parser = build_parser()
    shown = set()
    for each in (parser, *_command_parsers(parser)):
        for action in each._actions:
            if isinstance(action.metavar, str):
                shown.update(re.split(r"[.|]", action.metavar) if action.metavar not in WORDS else [action.metavar])
            assert action.metavar is not None or action.nargs == 0 or action.choices is not None, action.dest
    assert "FILE" in shown and "state" in shown
    assert shown - set(WORDS) - same_everywhere == set(), "add these placeholders to PLACEHOLDERS in clinic_app/cli/__init__.py"


def test_vault_check_words_a_cut_short_database_in_spanish(vault, vault_dir, cli):
    """vault.damage_report returns codes with parameters; `vault check` words them in the
    person's language, the size as the language writes numbers ("4.103", not "4103")."""
    from tests.core.test_vault_damage import PAGE

    with open(vault_dir / "vault.db", "r+b") as f:
        f.truncate(PAGE + 7)
    result = spanish(cli, "vault", "check")
    assert result.code == 1
    assert "FALLO   base de datos: el archivo de la base de datos está incompleto (4.103 bytes)" in result.out, result.out
    assert "cut short" not in result.out and "bytes)" in result.out
    english = cli("vault", "check")
    assert "FAIL database: the database file is cut short (4,103 bytes)" in english.out, english.out


def test_damage_report_is_codes_with_parameters(vault, vault_dir):
    from clinic_app.storage.database import Damage
    from tests.conftest import PASSWORD
    from tests.core.test_vault_damage import PAGE

    with open(vault_dir / "vault.db", "r+b") as f:
        f.truncate(PAGE + 7)
    assert vault.damage_report("manager", PASSWORD) == [Damage("cut_short", {"size": PAGE + 7})]
