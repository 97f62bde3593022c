"""clinic-app backup create | verify | restore | drill

`create` and `drill` need a manager's login. `verify` needs only the backup passphrase: it
reads no vault, so a manager can check the copy on the offsite drive from any machine.
`restore` needs only the backup file and its passphrase (whoever holds both can read the
data anyway) and names the new vault's manager with --user.
"""

from __future__ import annotations

import getpass
import os
import sys

from clinic_app.cli.common import new_password, open_session, print_json, username_from
from clinic_app.errors import AuthenticationFailed, ClinicError
from clinic_app.translation import _, moment_words, ngettext, number_words

PASSPHRASE_ENV = "CLINIC_BACKUP_PASSWORD"


def register(commands) -> None:
    backup = commands.add_parser("backup", help=_("encrypted backups: create, verify, restore, drill"))
    sub = backup.add_subparsers(dest="backup_command", metavar="ACTION", required=True)

    create = sub.add_parser("create", help=_("back up the vault to one encrypted file (managers)"))
    create.add_argument("--out", required=True, metavar="FILE", help=_("backup file to write, or a folder for a dated name"))
    create.set_defaults(handler=create_command)

    verify = sub.add_parser("verify", help=_("check a backup with its passphrase (no vault login needed)"))
    verify.add_argument("file", metavar="FILE")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=verify_command)

    restore = sub.add_parser("restore", help=_("restore a backup into a new vault folder (--user names its manager)"))
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--to", required=True, metavar="DIR", help=_("new or empty folder for the restored vault"))
    restore.set_defaults(handler=restore_command)

    drill = sub.add_parser("drill", help=_("restore a backup into a temporary folder, compare, delete (managers)"))
    drill.add_argument("file", nargs="?", metavar="FILE", help=_("default: the newest backup in the backup folder"))
    drill.set_defaults(handler=drill_command)


def backup_passphrase(confirm: bool = False) -> str:
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise AuthenticationFailed("cli.no_backup_passphrase", variable=PASSPHRASE_ENV)
    first = getpass.getpass(_("Backup passphrase: "))
    if confirm and getpass.getpass(_("Backup passphrase again: ")) != first:
        raise ClinicError("cli.passphrases_differ")
    return first


def create_command(args) -> int:
    with open_session(args) as session:
        session.require(session.backups.create)  # before asking for a passphrase
        result = session.backups.create(args.out, backup_passphrase(confirm=True))
    print(_("Backup written: {path} ({megabytes} MB, {seconds} s)").format(
        path=result.path, megabytes=number_words(result.size / 1e6, 1), seconds=number_words(result.seconds, 1)
    ))
    print("  " + _("{clients}, {attachments}; verified").format(clients=_clients(result.manifest), attachments=_attachments(result.manifest)))
    print(_("Keep the passphrase apart from the backup; without it the backup cannot be opened."))
    return 0


def verify_command(args) -> int:
    from clinic_app.backup.verify import verify_backup

    from contextlib import nullcontext

    from clinic_app.translation import machine_readable

    passphrase = backup_passphrase()
    with machine_readable() if args.json else nullcontext():  # --json is for scripts: English lines
        report = verify_backup(args.file, passphrase)
    if args.json:
        found = report.manifest
        print_json(
            {
                **report.as_json(),
                "manifest": None if found is None else {
                    "app_version": found.app_version,
                    "schema_version": found.schema_version,
                    "created_at": found.created_at,
                    "created_by": found.created_by,
                    "source_vault_id": found.source_vault_id,
                    "counts": found.counts,
                    "attachments": len(found.attachments),
                },
            }
        )
    else:
        for line in report.lines:
            print(line)
        if report.manifest is not None:
            print(_("made {at} by {by} (app {version})").format(at=moment_words(report.manifest.created_at), by=report.manifest.created_by, version=report.manifest.app_version))
        print(report.verdict)
    if not report.ok:
        print("error: " + _("the backup is damaged and cannot be restored (see above)"), file=sys.stderr)
        return 1
    return 0


def restore_command(args) -> int:
    from clinic_app.lifecycle import restore_backup

    username = username_from(args)
    passphrase = backup_passphrase()
    result = restore_backup(args.file, passphrase, args.to, username, new_password(_("New password for {name}").format(name=username)))
    try:
        vault_id = result.session.vault_id
    finally:
        result.session.lock()
    print(_("Restored the backup made {at} into {folder} (vault {vault})").format(at=moment_words(result.manifest.created_at), folder=args.to, vault=vault_id))
    print(f"  {_clients(result.manifest)}, {_attachments(result.manifest)}")
    print(_("Log in as {username} with the new password.").format(username=username))
    print(_("New recovery key (shown once; print it or write it down and keep it locked away):"))
    print(f"  {result.recovery_key}")
    if result.staff_to_add_again:
        names = ", ".join(f"{name} ({role})" for name, role in result.staff_to_add_again)
        print(_("Add these staff accounts again with new passwords: {names}").format(names=names))
    return 0


def drill_command(args) -> int:
    with open_session(args) as session:
        session.require(session.backups.drill)  # before asking for a passphrase
        passphrase = os.environ.get(PASSPHRASE_ENV) or None
        if passphrase is None and session.backups.stored_auto_key() is None:
            passphrase = backup_passphrase()
        report = session.backups.drill(passphrase, args.file)
    for line in report.lines:
        print(line)
    verdict = _("VERDICT: restore drill passed for {file}") if report.ok else _("VERDICT: restore drill FAILED for {file}")
    print(verdict.format(file=report.backup_file.name))
    if not report.ok:
        print("error: " + _("the restore drill failed (see above)"), file=sys.stderr)
        return 1
    return 0


def _clients(manifest) -> str:
    count = manifest.counts.get("clients", 0)
    return ngettext("{count} client", "{count} clients", count).format(count=count)


def _attachments(manifest) -> str:
    count = len(manifest.attachments)
    return ngettext("{count} attachment", "{count} attachments", count).format(count=count)
