"""clinic-app intake import FILE [--json] | export [--client ID] [--out FILE]"""

from __future__ import annotations

import sys

from clinic_app.collector import cyclic_gc_paused
from clinic_app.cli.common import emit_json_document, open_session, print_json
from clinic_app.translation import _, ngettext


def register(commands) -> None:
    intake = commands.add_parser("intake", help=_("import or export clinic-intake JSON"))
    sub = intake.add_subparsers(dest="intake_command", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help=_("import a clinic-intake document (all or nothing)"))
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true", help=_("print the new ids as JSON"))
    imp.set_defaults(handler=import_intake)
    exp = sub.add_parser("export", help=_("export clients as a clinic-intake document"))
    exp.add_argument("--client", metavar="ID")
    exp.add_argument("--out", metavar="FILE", help=_("write to FILE (default: standard output)"))
    exp.set_defaults(handler=export_intake)


def import_intake(args) -> int:
    from clinic_app.intake_format import read_intake_file  # late: msgspec, for this command only

    document = read_intake_file(args.file)
    with open_session(args) as session:
        # Its objects are freed by reference counting; the cyclic collector's passes over the
        # ones alive (ids, batches) were a fifth of the CPU of a 100,000-client import.
        # In turn, not parsed ahead on a second thread: with the rows written 100 a statement,
        # the writer waited for the GIL after each statement while the other thread parsed, and
        # the two threads together cost more CPU and time than one (docs/intake-format.md).
        with cyclic_gc_paused():
            result = session.intake.import_document(document)
    for line in result.dropped:
        print(_("note: {text}").format(text=line), file=sys.stderr)
    if args.json:
        print_json({"clients": result.clients, "dropped": result.dropped, "restricted_stored": result.restricted_stored})
    else:
        matters = sum(len(c["matters"]) for c in result.clients)
        print(ngettext("Imported {clients} client", "Imported {clients} clients", len(result.clients)).format(clients=len(result.clients))
              + ngettext(" with {matters} matter.", " with {matters} matters.", matters).format(matters=matters))
        if result.restricted_stored:
            stored = len(result.restricted_stored)
            print(ngettext("Stored {count} restricted value under a recorded purpose.",
                           "Stored {count} restricted values under a recorded purpose.", stored).format(count=stored))
    return 0


def export_intake(args) -> int:
    with open_session(args) as session:
        document = session.intake.export_document(args.client)
    count = len(document["clients"])
    emit_json_document(document, args.out, ngettext("{count} client", "{count} clients", count).format(count=count))
    return 0
