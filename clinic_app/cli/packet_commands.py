"""clinic-app packet check | build | instructions: the pardon packet for one matter.

  packet check --matter ID [--json]       exit 0 when nothing blocks, 1 otherwise
  packet build --matter ID --out PACKET.pdf [--file-copy FILE.pdf] [--manifest FILE.json] [--encrypt] [--draft] [--confirm-checked]
  packet notices --matter ID --out FILE.pdf [--county NAME]
  packet instructions --matter ID --out FILE.pdf [--language es]
"""

from __future__ import annotations

import functools
import gc
import getpass
import os
import sys
from typing import TYPE_CHECKING

from clinic_app.cli.common import open_session, print_json
from clinic_app.collector import cyclic_gc_paused
from clinic_app.errors import ClinicError
from clinic_app.translation import N_, _, ngettext

if TYPE_CHECKING:  # the packet modules import ReportLab and pypdf: only the commands that build load them
    from clinic_app.packets.readiness import Readiness

PDF_PASSWORD_ENV = "CLINIC_PDF_PASSWORD"
MIN_PDF_PASSWORD = 8


def register(commands) -> None:
    packet = commands.add_parser("packet", help=_("check and build pardon packets"))
    sub = packet.add_subparsers(dest="packet_command", metavar="ACTION", required=True)

    check = sub.add_parser("check", help=_("list what blocks the packet and what to look at"))
    check.add_argument("--matter", required=True, metavar="ID")
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=check_packet)

    build = sub.add_parser("build", help=_("build the packet PDF (attorneys and managers)"))
    build.add_argument("--matter", required=True, metavar="ID")
    build.add_argument("--out", required=True, metavar="FILE.pdf")
    build.add_argument("--encrypt", action="store_true", help=_("AES-256 password from ${variable} or a prompt").format(variable=PDF_PASSWORD_ENV))
    build.add_argument("--draft", action="store_true", help=_("build even if something blocks; DRAFT on every page"))
    build.add_argument("--confirm-checked", action="store_true", help=_("record (audited) that you checked the profile and its form today"))
    build.add_argument("--file-copy", metavar="FILE.pdf", help=_("also write the clinic's file copy (hashes, build facts, readiness; never mailed)"))
    build.add_argument("--manifest", metavar="FILE.json", help=_("also write the manifest (hashes, no client data) as JSON"))
    build.set_defaults(handler=build_packet)

    notices = sub.add_parser("notices", help=_("the Notices of Intent alone, to sign and serve before filing"))
    notices.add_argument("--matter", required=True, metavar="ID")
    notices.add_argument("--out", required=True, metavar="FILE.pdf")
    notices.add_argument("--county", metavar="NAME", help=_("only this county's notice"))
    notices.set_defaults(handler=notices_for_service)

    instructions = sub.add_parser("instructions", help=_("the client's instruction sheet (not part of the packet)"))
    instructions.add_argument("--matter", required=True, metavar="ID")
    instructions.add_argument("--out", required=True, metavar="FILE.pdf")
    instructions.add_argument("--language", metavar="CODE", help=_("en or es (default: the client's preferred language)"))
    instructions.set_defaults(handler=client_instructions)


def print_readiness(readiness: Readiness, stream=None) -> None:
    out = stream or sys.stdout
    from clinic_app.cli.readiness_words import readiness_detail, readiness_words

    print(_("matter {matter}: {state} profile {version}").format(matter=readiness.matter_id, state=readiness.state, version=readiness.profile_version), file=out)
    groups = (("blocking", N_("BLOCKING"), "x"), ("warning", N_("WARNINGS"), "!"), ("info", N_("GUIDANCE"), "i"))
    for severity, heading, mark in groups:
        items = [i for i in readiness.items if i.severity == severity]
        if not items:
            continue
        print(f"{_(heading)} ({len(items)})", file=out)
        for item in items:
            print(f"  {mark} {readiness_words(item)}  [{item.field_ref}]", file=out)
            if item.detail:
                print(f"      {readiness_detail(item)}", file=out)
    blocking = len(readiness.blocking)
    verdict = _("ready") if readiness.ready else ngettext("not ready: {count} blocking", "not ready: {count} blocking", blocking).format(count=blocking)
    warnings = len(readiness.warnings)
    print(verdict + ", " + ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings), file=out)


def check_packet(args) -> int:
    with open_session(args) as session:
        readiness = session.packets.check(args.matter)
    if args.json:
        print_json(readiness.to_dict())
    else:
        print_readiness(readiness)
    return 0 if readiness.ready else 1


def pdf_password() -> str:
    value = os.environ.get(PDF_PASSWORD_ENV)
    if not value:
        if not sys.stdin or not sys.stdin.isatty():
            raise ClinicError("cli.no_pdf_password", variable=PDF_PASSWORD_ENV)
        value = getpass.getpass(_("PDF password: "))
        if getpass.getpass(_("PDF password again: ")) != value:
            raise ClinicError("cli.pdf_passwords_differ")
    if len(value) < MIN_PDF_PASSWORD:
        raise ClinicError("packet.pdf_password_too_short", minimum=MIN_PDF_PASSWORD)
    return value


def _one_matter(handler):
    """A command that makes one matter's PDF and ends the process. Its imports, unlock and layout
    make many objects and next to no cyclic garbage, so the collector waits for the whole command
    (bounded: one matter). What the packet modules' import made lives as long as the process: it
    is frozen (`gc.freeze`) before the vault opens, so no client data is among it, and no pass
    walks it again. The passes over it took ~40 ms of CPU, ~8% of a `packet build` process."""

    @functools.wraps(handler)
    def run(args) -> int:
        with cyclic_gc_paused():
            import clinic_app.packets.service  # noqa: F401 - here, not at the top: every CLI command imports this module

            gc.freeze()
            return handler(args)

    return run


@_one_matter
def build_packet(args) -> int:
    from clinic_app.packets.service import PacketNotReady

    password = pdf_password() if args.encrypt else None
    with open_session(args) as session:
        try:
            packet = session.packets.build(
                args.matter, draft=args.draft, password=password, confirm_checked=args.confirm_checked, file_copy=bool(args.file_copy)
            )
        except PacketNotReady as exc:
            print_readiness(exc.readiness, sys.stderr)
            raise
        session.packets.save(packet, args.out, args.manifest, args.file_copy)
    pages = ngettext("{count} page", "{count} pages", packet.page_count).format(count=packet.page_count)
    if packet.encrypted:
        pages += ", " + _("AES-256 encrypted")
    written = _("wrote draft packet: {path} ({pages})") if args.draft else _("wrote packet: {path} ({pages})")
    print(written.format(path=args.out, pages=pages))
    if args.file_copy:
        print(_("wrote file copy: {path}").format(path=args.file_copy))
    if args.manifest:
        print(_("wrote manifest: {path}").format(path=args.manifest))
    return 0


@_one_matter
def notices_for_service(args) -> int:
    from clinic_app.packets.service import PacketNotReady

    with open_session(args) as session:
        try:
            pdf = session.packets.notices(args.matter, args.county)
        except PacketNotReady as exc:
            print_readiness(exc.readiness, sys.stderr)
            raise
        session.packets.save_bytes(pdf, args.out)
    print(_("wrote notices: {path}").format(path=args.out))
    return 0


@_one_matter
def client_instructions(args) -> int:
    with open_session(args) as session:
        pdf = session.packets.instructions(args.matter, args.language)
        session.packets.save_bytes(pdf, args.out)
    print(_("wrote instructions: {path}").format(path=args.out))
    return 0
