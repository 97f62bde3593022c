"""clinic-app document add | list: a matter's attachments (stored encrypted in the vault).

  document add --matter ID --kind court-record|support-letter|other FILE [--title TEXT] [--author NAME] [--case NUMBER]
  document list --matter ID [--json]

Court records and support letters attached to a matter become lettered exhibits of its
packet; a support letter's --author is the reference's name, which ties the two together,
and a court record's --case the matter's conviction it is the record of (without it, the case
number in its title or file name does).
"""

from __future__ import annotations

from pathlib import Path

from clinic_app.cli.common import open_session, print_json
from clinic_app.errors import ClinicError
from clinic_app.packets.exhibits import same_case_number
from clinic_app.translation import _, ngettext, number_words

KINDS = {"court-record": "court_record", "support-letter": "letter", "other": "other"}
KIND_NAMES = {v: k for k, v in KINDS.items()}
CLI_MEDIA_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})


def register(commands) -> None:
    document = commands.add_parser("document", help=_("a matter's attachments: court records, support letters, other"))
    sub = document.add_subparsers(dest="document_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help=_("attach a PDF, PNG or JPEG file to a matter"))
    add.add_argument("--matter", required=True, metavar="ID")
    add.add_argument("--kind", required=True, choices=list(KINDS))
    add.add_argument("--title", metavar="TEXT", default="", help=_('as listed in the exhibit index, e.g. "Minute order, case BA192734"'))
    add.add_argument("--author", metavar="NAME", default="", help=_("a support letter's writer, as named in the matter's references"))
    add.add_argument("--case", metavar="NUMBER", default="", help=_("a court record's case number, as listed in the matter's convictions"))
    add.add_argument("file", metavar="FILE")
    add.set_defaults(handler=add_document)
    listing = sub.add_parser("list", help=_("the matter's attachments"))
    listing.add_argument("--matter", required=True, metavar="ID")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_documents)


def add_document(args) -> int:
    path = Path(args.file)
    with open_session(args) as session:
        matter = session.matters.get(args.matter)
        if args.author and args.kind != "support-letter":
            raise ClinicError("cli.author_only_for_letters")
        conviction_id = _conviction_of_case(session, matter.id, args.case) if args.case else None
        content = path.read_bytes()
        doc = session.documents.add(
            matter.client_id, path.name, content, KINDS[args.kind], matter.id, title=args.title, author=args.author,
            conviction_id=conviction_id, media_types=CLI_MEDIA_TYPES,
        )
    print(ngettext("attached {id}: {kind}, {size} byte", "attached {id}: {kind}, {size} bytes", doc.size).format(id=doc.id, kind=args.kind, size=number_words(doc.size)))
    return 0


def _conviction_of_case(session, matter_id: str, case: str) -> str:
    """The id of the matter's conviction listed with this case number (spaces, dashes and case aside)."""
    listed = session.matters.list_convictions(matter_id)
    found = next((c for c in listed if same_case_number(c.case_number, case)), None)
    if found is None:
        raise ClinicError("cli.case_not_listed", case=case)
    return found.id


def list_documents(args) -> int:
    with open_session(args) as session:
        matter_id = session.matters.get(args.matter).id
        docs = session.documents.for_matter(matter_id)
        case_of = {c.id: c.case_number for c in session.matters.list_convictions(matter_id)}
    rows = [
        {
            "id": d.id, "kind": KIND_NAMES.get(d.doc_type, d.doc_type), "title": d.title, "author": d.author,
            "case": case_of.get(d.conviction_id or "", ""),
            "filename": d.filename, "media_type": d.media_type, "size": d.size, "sha256": d.sha256, "added_at": d.stamps.created_at,
        }
        for d in docs
    ]
    if args.json:
        print_json({"documents": rows})
        return 0
    for r in rows:
        described = r["title"] or r["filename"]
        author = " " + _("(by {author})").format(author=r["author"]) if r["author"] else ""
        case = " " + _("(case {case})").format(case=r["case"]) if r["case"] else ""
        print(f"{r['id']}  {r['kind']:<15} {described}{author}{case}")
    if not rows:
        print(_("no documents attached to this matter"))
    return 0
