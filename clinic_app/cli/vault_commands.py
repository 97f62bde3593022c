"""clinic-app vault create | check | recover | new-recovery-key"""

from __future__ import annotations

import sys

from clinic_app.cli.common import new_password, open_session, password_from, print_json, read_secret, vault_from
from clinic_app.translation import _


def register(commands) -> None:
    vault = commands.add_parser("vault", help=_("create or check a vault"))
    sub = vault.add_subparsers(dest="vault_command", metavar="ACTION", required=True)

    create = sub.add_parser("create", help=_("create a new vault with a manager account"))
    create.add_argument("--admin", required=True, metavar="NAME", help=_("the first manager's user name"))
    create.add_argument("--clinic", default="", metavar="NAME", help=_("clinic name for letterheads"))
    create.add_argument("--recovery-sheet", metavar="FILE.pdf", help=_("also write the one-page recovery sheet"))
    create.add_argument("--sheet-language", choices=("en", "es"), default="en", help=_("language of the recovery sheet"))
    create.set_defaults(handler=create_vault)

    check = sub.add_parser("check", help=_("verify encryption, database integrity and the audit chain"))
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=check_vault)

    recover = sub.add_parser("recover", help=_("reset a user's password with the recovery key"))
    recover.set_defaults(handler=recover_vault)

    new_key = sub.add_parser("new-recovery-key", help=_("make a new recovery key; the old one stops working (managers)"))
    new_key.add_argument("--recovery-sheet", metavar="FILE.pdf", help=_("also write the one-page recovery sheet"))
    new_key.add_argument("--sheet-language", choices=("en", "es"), default="en", help=_("language of the recovery sheet"))
    new_key.set_defaults(handler=new_recovery_key)


def create_vault(args) -> int:
    from clinic_app import lifecycle  # late here and below: the window parses these commands too
    from clinic_app.recovery_sheet import write_recovery_sheet

    vault = vault_from(args)
    session, recovery_key = lifecycle.create_vault(vault, args.admin, password_from(args), clinic_name=args.clinic)
    try:
        if args.recovery_sheet:
            write_recovery_sheet(
                args.recovery_sheet, recovery_key, session.vault_id, args.clinic, str(vault.folder), args.sheet_language
            )
        vault_id = session.vault_id
    finally:
        session.lock()
    print(_("Created vault {vault} in {folder}").format(vault=vault_id, folder=vault.folder))
    print(_("Recovery key (shown once; print it or write it down and keep it locked away):"))
    print(f"  {recovery_key}")
    return 0


def check_vault(args) -> int:
    from contextlib import nullcontext

    from clinic_app.cli.common import username_from
    from clinic_app.errors import CorruptVault
    from clinic_app.translation import machine_readable
    from clinic_app.vault_check import check, check_damaged

    # --json is for scripts: its lines and problems stay English whatever LANG says.
    with machine_readable() if args.json else nullcontext():
        try:
            with open_session(args) as session:
                report = check(session)
        except CorruptVault:  # too damaged to open a session: say what is damaged
            report = check_damaged(vault_from(args), username_from(args), password_from(args))
    if args.json:
        print_json(report)
    else:
        for line in report["lines"]:
            print(line)
    if not report["ok"]:
        print("error: " + _("the vault has problems (see above)"), file=sys.stderr)
        return 1
    return 0


def recover_vault(args) -> int:
    from clinic_app import lifecycle
    from clinic_app.cli.common import username_from

    vault = vault_from(args)
    key = read_secret("CLINIC_RECOVERY_KEY", _("Recovery key: "))
    session = lifecycle.recover_session(vault, key, username_from(args), new_password())
    waiting = [p for p in session.grants.problems if getattr(p, "code", "") == "recovery.key_waiting"]
    session.lock()
    print(_("Password reset. Log in with the new password."))
    if waiting:
        print(_("This recovery key did not carry the restricted-data key yet: nothing is lost, another attorney holds it and "
                "it reaches this account at their next log-in; until then restricted facts stay closed to it."))
    return 0


def new_recovery_key(args) -> int:
    from clinic_app import lifecycle
    from clinic_app.recovery_sheet import write_recovery_sheet

    with open_session(args) as session:
        made = lifecycle.replace_recovery_key(session)
        if args.recovery_sheet:
            clinic = session.settings.get("clinic.name")
            write_recovery_sheet(
                args.recovery_sheet, made.key, session.vault_id, clinic, str(session.folder), args.sheet_language
            )
    print(_("New recovery key (shown once; print it or write it down and keep it locked away; the old key no longer works):"))
    print(f"  {made.key}")
    if made.waiting_for_holder:
        print(_("An attorney's next log-in adds the restricted-data key to it; until then it cannot open restricted facts."))
    return 0
