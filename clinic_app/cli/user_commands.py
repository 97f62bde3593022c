"""clinic-app user add | set | remove | list | passwd | role"""

from __future__ import annotations

from clinic_app.cli.common import new_password, open_session, password_from, print_json, role_words
from clinic_app.translation import _


def register(commands) -> None:
    user = commands.add_parser("user", help=_("manage staff accounts"))
    sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help=_("add a user (managers only)"))
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=["paralegal", "attorney", "manager"])
    _signature_options(add)
    add.set_defaults(handler=add_user)
    change = sub.add_parser("set", help=_("change a user's full name, title or bar number (managers; anyone for themselves)"))
    change.add_argument("name")
    _signature_options(change)
    change.set_defaults(handler=set_user)
    remove = sub.add_parser("remove", help=_("remove a user and rotate the vault key (managers only)"))
    remove.add_argument("name")
    remove.set_defaults(handler=remove_user)
    listing = sub.add_parser("list", help=_("list users and roles"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_users)
    passwd = sub.add_parser("passwd", help=_("change your own password"))
    passwd.set_defaults(handler=change_password)
    role = sub.add_parser("role", help=_("change a user's role (managers only)"))
    role.add_argument("name")
    role.add_argument("role", choices=["paralegal", "attorney", "manager"])
    role.set_defaults(handler=change_role)


def _signature_options(parser) -> None:
    parser.add_argument("--full-name", metavar="TEXT", help=_("name as signed on letters"))
    parser.add_argument("--title", metavar="TEXT", help=_('for example "Staff Attorney"'))
    parser.add_argument("--bar-number", metavar="N", help=_("State Bar number (attorneys; printed under the signature)"))


def add_user(args) -> int:
    with open_session(args) as session:
        from clinic_app.services.users import clean_signature

        session.require(session.users.add)  # before asking for a password nobody may set
        clean_signature(full_name=args.full_name, title=args.title, bar_number=args.bar_number)  # bad input before the prompt
        session.users.add(
            args.name, args.role, new_password(_("Password for {name}").format(name=args.name)),
            full_name=args.full_name or "", title=args.title or "", bar_number=args.bar_number or "",
        )
    print(_("Added {name} ({role}).").format(name=args.name, role=role_words(args.role)))
    return 0


def set_user(args) -> int:
    with open_session(args) as session:
        user = session.users.set_signature(args.name, full_name=args.full_name, title=args.title, bar_number=args.bar_number)
    details = [user.full_name or _("(no full name)"), user.title, _("bar number {number}").format(number=user.bar_number) if user.bar_number else ""]
    print(_("Updated {name}: {details}").format(name=user.username, details=", ".join(d for d in details if d)))
    return 0


def remove_user(args) -> int:
    with open_session(args) as session:
        session.users.remove(args.name)
    print(_("Removed {name}; the vault key was rotated.").format(name=args.name))
    return 0


def list_users(args) -> int:
    with open_session(args) as session:
        users = session.users.list()
    if args.json:
        print_json([{"name": u.username, "role": u.role, "created_at": u.created_at, "full_name": u.full_name, "title": u.title, "bar_number": u.bar_number} for u in users])
    else:
        rows = [
            (u.username, role_words(u.role), ", ".join(x for x in (u.full_name, u.title, _("bar number {number}").format(number=u.bar_number) if u.bar_number else "") if x))
            for u in users
        ]
        headers = (_("USER"), _("ROLE"), _("SIGNS AS"))
        widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(2)]
        for name, role, signature in [headers, *rows]:
            print(f"{name:<{widths[0]}}  {role:<{widths[1]}}  {signature}".rstrip())
    return 0


def change_password(args) -> int:
    with open_session(args) as session:
        session.users.change_own_password(password_from(args), new_password())
    print(_("Password changed."))
    return 0


def change_role(args) -> int:
    with open_session(args) as session:
        session.users.set_role(args.name, args.role)
    print(_("{name}: role changed to {role}.").format(name=args.name, role=role_words(args.role)))
    return 0
