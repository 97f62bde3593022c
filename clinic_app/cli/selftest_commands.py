"""clinic-app selftest: prove an installed (or frozen) app works, end to end, in a temp folder.

It creates a throwaway vault, imports the bundled fictional sample, checks the vault, and
then drives the packet and backup commands exactly as a user would (in-process, through
the same argument parser), when those command groups are present in this build. One line
per step; "selftest ok" and exit 0 when everything passed.

The throwaway vault uses the cheap test key derivation (CLINIC_INSECURE_TEST_KDF) so the
self-test takes seconds, not minutes; it holds only the fictional sample and is deleted
at the end. Real vaults are never created with these parameters by this command.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from clinic_app.errors import ClinicError
from clinic_app.translation import _, ngettext, number_words, status_line

SAMPLE_NAME = "selftest-intake.json"
SELFTEST_USER = "selftest"
# Throwaway secrets for a throwaway vault in a temp folder; never used anywhere else.
SELFTEST_PASSWORD = "selftest-only correct horse battery"
SELFTEST_BACKUP_PASSWORD = "selftest-only backup staple battery"


class SelftestFailed(ClinicError):
    pass


def register(commands) -> None:
    selftest = commands.add_parser("selftest", help=_("check this installation end to end in a temp folder"))
    selftest.add_argument("--keep", action="store_true", help=_("keep the temp folder and print where it is"))
    selftest.set_defaults(handler=run_selftest)


def sample_path() -> Path:
    from clinic_app.paths import resources_dir

    return resources_dir() / "samples" / SAMPLE_NAME


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


def _command_groups() -> set[str]:
    from clinic_app.cli import build_parser

    parser = build_parser()
    for action in parser._subparsers._group_actions:  # argparse keeps subcommands here
        return set(action.choices)
    return set()


def _cli(folder: Path, *args: str) -> str:
    """Run one `clinic-app` command in this process; return its standard output."""
    from clinic_app.cli import run

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(["--vault", str(folder), "--user", SELFTEST_USER, *args])
    if code != 0:
        message = err.getvalue().strip().splitlines()
        raise SelftestFailed("selftest.command_failed", command=" ".join(args[:2]), exit_code=code, message=message[-1] if message else "")
    return out.getvalue()


def _expect_pdf(path: Path, what: str) -> str:
    data = path.read_bytes() if path.exists() else b""
    if not data.startswith(b"%PDF-"):
        raise SelftestFailed("selftest.not_a_pdf", what=what)
    return _kibibytes(len(data))


def _expect_size(path: Path) -> str:
    return _kibibytes(path.stat().st_size)


def _kibibytes(size: int) -> str:
    return _("{size} KiB").format(size=number_words(size // 1024))


class _Steps:
    def __init__(self) -> None:
        self.started = time.monotonic()

    """One line per step, worded by the caller in the current language."""

    def ok(self, name: str, detail: str = "") -> None:
        print(status_line("ok", name + (f" ({detail})" if detail else "")), flush=True)

    def skip(self, name: str, why: str) -> None:
        print(status_line("skip", f"{name} ({why})"), flush=True)


def run_selftest(args) -> int:
    steps = _Steps()
    temp = tempfile.mkdtemp(prefix="clinic-selftest-")
    try:
        with _environment(
            CLINIC_INSECURE_TEST_KDF="1",
            CLINIC_PASSWORD=SELFTEST_PASSWORD,
            CLINIC_BACKUP_PASSWORD=SELFTEST_BACKUP_PASSWORD,
        ):
            _run_steps(Path(temp), steps)
    finally:
        if args.keep:
            print(_("kept {folder}").format(folder=temp))
        else:
            import shutil

            shutil.rmtree(temp, ignore_errors=True)
    # Translators: the last line of a passed self-test; scripts look for its first words in English
    print(_("selftest ok ({seconds} s)").format(seconds=number_words(time.monotonic() - steps.started, 1)))
    return 0


def _run_steps(temp: Path, steps: _Steps) -> None:
    from clinic_app import __version__, lifecycle  # late: the window parses this command too
    from clinic_app.recovery_sheet import LANGUAGES, render_recovery_sheet
    from clinic_app.storage import migrations
    from clinic_app.vault import Vault
    from clinic_app.vault_check import check

    steps.ok(_("version"), __version__)
    schema = migrations.latest_version()
    if schema < 1:  # a bundle that lost its migration modules would create an empty vault
        raise SelftestFailed("selftest.no_migrations")
    steps.ok(_("migrations found"), _("schema {version}").format(version=schema))

    folder = temp / "vault"
    vault = Vault(folder)
    session, recovery_key = lifecycle.create_vault(vault, SELFTEST_USER, SELFTEST_PASSWORD, clinic_name="Self-test Clinic")
    try:
        steps.ok(_("vault created"), _("test-strength key derivation"))
        session.users.set_signature(SELFTEST_USER, full_name="Self-test User")  # a final packet is signed by name
        sample = sample_path()
        try:
            document = json.loads(sample.read_text(encoding="utf-8"))
        except OSError as exc:
            raise SelftestFailed("selftest.sample_missing", file=sample.name) from exc
        result = session.intake.import_document(document)
        matter_ids = [m for c in result.clients for m in c["matters"]]
        if not matter_ids:
            raise SelftestFailed("selftest.sample_imported_nothing")
        clients = ngettext("{count} client", "{count} clients", len(result.clients)).format(count=len(result.clients))
        matters = ngettext("{count} matter", "{count} matters", len(matter_ids)).format(count=len(matter_ids))
        steps.ok(_("sample imported"), f"{clients}, {matters}")
        report = check(session)
        if not report["ok"]:
            raise SelftestFailed("selftest.vault_check_failed", details="; ".join(report["problems"]))
        steps.ok(_("vault check"))
        vault_id = session.vault_id
    finally:
        session.lock()

    for language in LANGUAGES:
        sheet = temp / f"recovery-{language}.pdf"
        sheet.write_bytes(render_recovery_sheet(recovery_key, vault_id, "Self-test Clinic", str(folder), language))
        steps.ok(_("recovery sheet, {language}").format(language=language), _expect_pdf(sheet, _("the recovery sheet")))

    unlocked = lifecycle.open_session(vault, SELFTEST_USER, SELFTEST_PASSWORD)
    unlocked.lock()
    steps.ok(_("vault unlocked with password"))

    groups = _command_groups()
    if "da" in groups:  # the sample's county needs a DA address for a packet; a placeholder will do here
        _cli(folder, "da", "set", "Los Angeles", "--street", "Self-test placeholder, not for filing", "--city", "Los Angeles", "--zip", "90012")
    if "packet" in groups:
        packet = temp / "packet.pdf"
        # a draft: the sample records how its notice was served, not where it was mailed from
        _cli(folder, "packet", "build", "--matter", matter_ids[0], "--out", str(packet), "--draft")
        steps.ok(_("packet built"), _expect_pdf(packet, _("the packet")))
        for language in LANGUAGES:
            sheet = temp / f"instructions-{language}.pdf"
            _cli(folder, "packet", "instructions", "--matter", matter_ids[0], "--out", str(sheet), "--language", language)
            steps.ok(_("client instructions, {language}").format(language=language), _expect_pdf(sheet, _("the instruction sheet")))
    else:
        steps.skip(_("packet"), _("the packet commands are not in this build"))
    if "backup" in groups:
        backup = temp / "selftest.backup"
        _cli(folder, "backup", "create", "--out", str(backup))
        if not backup.exists() or backup.stat().st_size == 0:
            raise SelftestFailed("selftest.backup_wrote_nothing")
        steps.ok(_("backup created"), _expect_size(backup))
        _cli(folder, "backup", "verify", str(backup))
        steps.ok(_("backup verified"))
    else:
        steps.skip(_("backup"), _("the backup commands are not in this build"))
