"""clinic-app client list [--search TEXT] [--json]"""

from __future__ import annotations

from clinic_app.cli.common import open_session, print_json
from clinic_app.translation import _


def register(commands) -> None:
    client = commands.add_parser("client", help=_("list and search clients"))
    sub = client.add_subparsers(dest="client_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help=_("list clients, or search names, aliases, case numbers and notes"))
    listing.add_argument("--search", default="", metavar="TEXT")
    listing.add_argument("--limit", type=int, default=1000)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_clients)


def list_clients(args) -> int:
    with open_session(args) as session:
        rows = session.clients.list(args.search, limit=args.limit)
        # Matter ids in both outputs: `packet check --matter ID` needs them.
        matters = {r.id: [m.id for m in session.matters.for_client(r.id)] for r in rows}
    if args.json:
        print_json(
            {
                "clients": [
                    {
                        "id": r.id,
                        "given_name": r.given_name,
                        "family_name": r.family_name,
                        "date_of_birth": r.date_of_birth.isoformat() if r.date_of_birth else None,
                        "aliases": r.aliases,
                        "matters": matters[r.id],
                    }
                    for r in rows
                ]
            }
        )
    else:
        for r in rows:
            dob = r.date_of_birth.isoformat() if r.date_of_birth else "—"
            print(_("{id}  {name}  ({date_of_birth})  matters: {matters}").format(
                id=r.id, name=r.list_name, date_of_birth=dob, matters=" ".join(matters[r.id]) or "—"))
    return 0
