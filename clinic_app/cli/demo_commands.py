"""clinic-app demo: a new vault of fictional clients with users manager, attorney, paralegal."""

from __future__ import annotations

from clinic_app.cli.common import password_from, vault_from
from clinic_app.translation import _, ngettext


def register(commands) -> None:
    demo = commands.add_parser("demo", help=_("create a demo vault of fictional clients"))
    demo.add_argument("--clients", type=int, default=60)
    demo.set_defaults(handler=create_demo)


def create_demo(args) -> int:
    from clinic_app import lifecycle  # late: the window parses this command too
    from clinic_app.demo import COUNTIES, DA_ADDRESSES, populate

    password = password_from(args)
    vault = vault_from(args)
    session, recovery_key = lifecycle.create_vault(vault, "manager", password, clinic_name="Eastside Community Legal Clinic")
    try:
        session.users.set_signature("manager", full_name="Morgan Reyes", title="Clinic Director")
        # fictional people: the bar number is not a real one
        session.users.add("attorney", "attorney", password, full_name="Alex Kim", title="Staff Attorney", bar_number="000000")
        session.users.add("paralegal", "paralegal", password)
        for key, value in {
            "clinic.name": "Eastside Community Legal Clinic",
            "clinic.address": "1200 East 1st Street\nLos Angeles, CA 90033",
            "clinic.phone": "(323) 555-0100",
            "clinic.email": "pardons@eastside-clinic.example",
        }.items():
            session.settings.set(key, value)
        made = populate(session, args.clients)
        for county in COUNTIES:  # so demo matters can be built; real ones need verified addresses
            street, city, zip_code = DA_ADDRESSES[county]
            session.da_offices.set(county, street=street, city=city, zip=zip_code, source="demo data, not verified")
    finally:
        session.lock()
    print(ngettext(
        "Demo vault in {folder}: {count} fictional client; users manager, attorney, paralegal.",
        "Demo vault in {folder}: {count} fictional clients; users manager, attorney, paralegal.", made,
    ).format(folder=vault.folder, count=made))
    print(_("Recovery key: {key}").format(key=recovery_key))
    return 0
