"""clinic-app intake import FILE [--json] | export [--client ID] [--out FILE]"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from clinic_app.cli.common import emit_json_document, open_session, print_json
from clinic_app.errors import ClinicError, ValidationError
from clinic_app.translation import ngettext


def register(commands) -> None:
    intake = commands.add_parser("intake", help="import or export clinic-intake JSON")
    sub = intake.add_subparsers(dest="intake_command", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help="import a clinic-intake document (all or nothing)")
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true", help="print the new ids as JSON")
    imp.set_defaults(handler=import_intake)
    exp = sub.add_parser("export", help="export clients as a clinic-intake document")
    exp.add_argument("--client", metavar="ID")
    exp.add_argument("--out", metavar="FILE", help="write to FILE (default: standard output)")
    exp.set_defaults(handler=export_intake)


def load_document(path: str):
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ClinicError("file.unreadable", path=str(path), reason=exc.strerror) from exc
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ValidationError("file.not_utf8", path=str(path)) from exc
    except json.JSONDecodeError as exc:
        raise ValidationError("file.not_json", path=str(path), line=exc.lineno, column=exc.colno, reason=exc.msg) from exc


def import_intake(args) -> int:
    document = load_document(args.file)
    with open_session(args) as session:
        result = session.intake.import_document(document)
    for line in result.dropped:
        print(f"note: {line}", file=sys.stderr)
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
