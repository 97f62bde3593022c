"""clinic-app privacy report [--json] | purge [--matter ID] | export --client ID [--out FILE]

Roles: report = attorney, manager; purge = attorney, manager; export of restricted values =
attorney only. A paralegal gets exit 4. Values never appear except in an attorney's export.
"""

from __future__ import annotations


from clinic_app.cli.common import emit_json_document, open_session, print_json
from clinic_app.translation import N_, _, ngettext

# The restricted categories as people read them (the app: ui/labels.py); --json keeps the ids.
CATEGORY_WORDS = {
    "immigration_status": N_("Immigration status"),
    "citizenship": N_("Citizenship"),
    "a_number": N_("A-number"),
    "place_of_birth": N_("Place or country of birth"),
    "ssn": N_("Social Security number"),
    "immigration_court": N_("Immigration court (hearing dates, detention)"),
    "immigration_analysis": N_("Attorney's immigration analysis (work product)"),
}


def register(commands) -> None:
    privacy = commands.add_parser("privacy", help=_("restricted data: privacy report, retention purge, client export"))
    sub = privacy.add_subparsers(dest="privacy_command", metavar="ACTION", required=True)
    report = sub.add_parser("report", help=_("what restricted data is held, for which matters, why and until when (no values)"))
    report.add_argument("--json", action="store_true")
    report.set_defaults(handler=privacy_report)
    purge = sub.add_parser("purge", help=_("run retention now (or purge one matter's restricted data with --matter)"))
    purge.add_argument("--matter", metavar="ID", help=_("delete every restricted fact of this matter now"))
    purge.add_argument("--json", action="store_true")
    purge.set_defaults(handler=privacy_purge)
    export = sub.add_parser("export", help=_("attorneys: one client's restricted facts, e.g. for the client's own request"))
    export.add_argument("--client", required=True, metavar="ID")
    export.add_argument("--out", metavar="FILE", help=_("write to FILE (default: standard output)"))
    export.set_defaults(handler=privacy_export)


def report_lines(report: dict) -> list[str]:
    days = report["retention_days"]
    if report["retention_signed"]:
        retention = ngettext("(retention: {days} day after filing or closing)", "(retention: {days} days after filing or closing)", days)
    else:  # the stored value purges nothing (settings.retention_unsigned): say so, not "N days"
        retention = ngettext(
            "(retention: not in force: the stored value ({days} day) was changed outside the app and no manager signed it; "
            "nothing is purged after filing or closing)",
            "(retention: not in force: the stored value ({days} days) was changed outside the app and no manager signed it; "
            "nothing is purged after filing or closing)",
            days,
        )
    lines = [_("Restricted values held: {count}").format(count=report["total_values"]) + " " + retention.format(days=days)]
    for category in report["categories"]:
        name = category["category"]
        lines.append(f"{_(CATEGORY_WORDS[name]) if name in CATEGORY_WORDS else name}: {category['count']}")
        for m in category["matters"]:
            consent = _("consent {date}").format(date=m["consent_on"]) if m["client_consent"] else _("NO CONSENT RECORDED")
            lines.append(
                "  " + _("matter {matter} ({client}, {state})").format(matter=m["matter_id"], client=m["client"], state=m["state"]) + ": "
                + ngettext("{count} value", "{count} values", m["count"]).format(count=m["count"])
                + "; " + _("{purpose} enabled by {user}").format(purpose=m["purpose"], user=m["enabled_by"])
                + "; " + consent + "; " + _("expires {date}; purge by {purge_date}").format(date=m["expires_on"], purge_date=m["purge_on"])
            )
    return lines


def privacy_report(args) -> int:
    with open_session(args) as session:
        report = session.restricted.report()
    if args.json:
        print_json(report)
    else:
        print("\n".join(report_lines(report)))
    return 0


def privacy_purge(args) -> int:
    with open_session(args) as session:
        result = session.restricted.purge_matter(args.matter) if args.matter else session.restricted.purge_due()
    if args.json:
        print_json({"values": result.values, "purposes": result.purposes, "matters": result.matters})
    else:
        print(
            ngettext("Purged {values} restricted value", "Purged {values} restricted values", result.values).format(values=result.values)
            + ngettext(" under {purposes} purpose", " under {purposes} purposes", result.purposes).format(purposes=result.purposes)
            + ngettext(" in {matters} matter.", " in {matters} matters.", len(result.matters)).format(matters=len(result.matters))
        )
    return 0


def privacy_export(args) -> int:
    with open_session(args) as session:
        document = session.restricted.export_for_client(args.client)
    emit_json_document(document, args.out, _("the restricted facts of client {client}").format(client=args.client))
    return 0
