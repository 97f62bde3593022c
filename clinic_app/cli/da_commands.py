"""clinic-app da list | set: district attorney offices per county (Notice of Intent recipients)."""

from __future__ import annotations

from datetime import date

from clinic_app.cli.common import open_session, print_json
from clinic_app.errors import ValidationError
from clinic_app.translation import _


def register(commands) -> None:
    da = commands.add_parser("da", help=_("district attorney offices per county"))
    sub = da.add_subparsers(dest="da_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help=_("list the offices of a state's counties"))
    listing.add_argument("--state", default="CA")
    listing.add_argument("--missing", action="store_true", help=_("only counties without an address"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_offices)
    change = sub.add_parser("set", help=_("change one county's office (attorneys and managers)"))
    change.add_argument("county")
    change.add_argument("--state", default="CA")
    change.add_argument("--office", metavar="NAME")
    change.add_argument("--street", metavar="TEXT", help=_("street lines, separated by newlines or \\n"))
    change.add_argument("--city", metavar="TEXT")
    change.add_argument("--zip", metavar="ZIP", help=_("5 digits or ZIP+4, of the office's state"))
    change.add_argument("--address", metavar="TEXT", help=_('all at once: "street\\nCity, CA 90012" (split into street, city, ZIP)'))
    change.add_argument("--phone")
    change.add_argument("--verified", metavar="YYYY-MM-DD", help=_("the day a person checked the address"))
    change.add_argument("--source", metavar="TEXT", help=_("where the address came from"))
    change.set_defaults(handler=set_office)


def list_offices(args) -> int:
    with open_session(args) as session:
        offices = session.da_offices.list(args.state)
    if args.missing:
        offices = [o for o in offices if not o.has_address]
    if args.json:
        print_json(
            {
                "offices": [
                    {
                        "state": o.state, "county": o.county, "office_name": o.office_name, "address": o.address_lines,
                        "street": o.street, "city": o.city, "zip": o.zip, "complete": o.has_address,
                        "phone": o.phone, "verified_on": o.verified_on.isoformat() if o.verified_on else None, "source": o.source,
                    }
                    for o in offices
                ]
            }
        )
        return 0
    for o in offices:
        address = " / ".join(o.address_lines) if o.has_address else _("(no complete address)")
        verified = _("verified {date}").format(date=o.verified_on.isoformat()) if o.verified_on else _("not verified")
        print(f"{o.county:<16} {o.office_name}: {address} [{verified}]")
    return 0


def set_office(args) -> int:
    verified = None
    if args.verified:
        try:
            verified = date.fromisoformat(args.verified)
        except ValueError as exc:
            raise ValidationError("cli.bad_verified_date") from exc
    with open_session(args) as session:
        office = session.da_offices.set(
            args.county, args.state, office_name=args.office, address=args.address, street=args.street, city=args.city, zip=args.zip,
            phone=args.phone, verified_on=verified, source=args.source,
        )
    print(_("updated {county} ({state}): {office}").format(county=office.county, state=office.state, office=office.office_name))
    return 0
