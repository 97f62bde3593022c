"""clinic-app bundle key --out FILE | trust FILE | laptop-key --out FILE | export --out DIR | import FILE|DIR |
senders | enrol FILE | accept FILE | refuse FILE | revoke FP | unrevoke FP | review:
sealed intake bundles, the field laptops the clinic enrols or refuses, and what came from a revoked one."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from clinic_app.bundles.senders import REASONS
from clinic_app.cli.common import open_session, print_json, write_output
from clinic_app.errors import ClinicError
from clinic_app.translation import _, moment_words, ngettext


def register(commands) -> None:
    bundle = commands.add_parser("bundle", help=_("sealed intake bundles between field laptops and the clinic"))
    sub = bundle.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    key = sub.add_parser("key", help=_("write this clinic's public bundle key for field laptops (attorneys, managers)"))
    key.add_argument("--out", metavar="FILE", required=True)
    key.add_argument("--new", action="store_true", help=_("replace the key (after a holder left); bundles sealed to the old one stop opening"))
    key.set_defaults(handler=write_key)
    trust = sub.add_parser("trust", help=_("send this vault's bundles to the clinic whose key FILE is (managers)"))
    trust.add_argument("file")
    trust.add_argument("--fingerprint", metavar="XXXX-XXXX-XXXX-XXXX", help=_("refuse unless the key has this fingerprint"))
    trust.set_defaults(handler=trust_key)
    laptop = sub.add_parser("laptop-key", help=_("write this laptop's public signing key for the clinic to enrol"))
    laptop.add_argument("--out", metavar="FILE", required=True)
    laptop.set_defaults(handler=write_laptop_key)
    exp = sub.add_parser("export", help=_("seal clients into one bundle for the clinic, then remove them here"))
    exp.add_argument("--out", metavar="DIR", required=True, help=_("folder or removable drive to write the bundle to"))
    exp.add_argument("--client", metavar="ID", action="append", help=_("only this client (repeatable; default: all)"))
    exp.add_argument("--keep", action="store_true", help=_("keep the sent clients in this vault"))
    exp.set_defaults(handler=export_bundle)
    imp = sub.add_parser("import", help=_("open, verify and import bundles (attorneys, managers)"))
    imp.add_argument("path", metavar="FILE|DIR")
    imp.add_argument("--json", action="store_true", help=_('print {"imported": [...], "skipped": [...], "review": [...]}'))
    imp.set_defaults(handler=import_bundles)
    senders = sub.add_parser("senders", help=_("list the field laptops this vault imported from, and which are revoked"))
    senders.add_argument("--json", action="store_true", help=_("print the list as JSON"))
    senders.set_defaults(handler=list_senders)
    enrol = sub.add_parser("enrol", help=_("accept bundles from the field laptop whose key FILE is, before it goes out (managers)"))
    enrol.add_argument("file")
    enrol.add_argument("--fingerprint", metavar="XXXX-XXXX-XXXX-XXXX", help=_("refuse unless the key has this fingerprint"))
    enrol.set_defaults(handler=enrol_sender)
    accept = sub.add_parser("accept", help=_("enrol the laptop that signed a held bundle (managers)"))
    accept.add_argument("file", metavar="FILE")
    accept.add_argument("--fingerprint", metavar="XXXX-XXXX-XXXX-XXXX", required=True,
                        help=_("the fingerprint the laptop shows (File > Send to clinic); it must match"))
    accept.set_defaults(handler=accept_sender)
    refuse = sub.add_parser("refuse", help=_("refuse the laptop that signed a held bundle, now and later (managers)"))
    refuse.add_argument("file", metavar="FILE")
    refuse.add_argument("--note", metavar="TEXT", default="", help=_("a note kept with the refusal"))
    refuse.set_defaults(handler=refuse_sender)
    revoke = sub.add_parser("revoke", help=_("refuse every later bundle from a lost or stolen laptop (managers)"))
    revoke.add_argument("fingerprint", metavar="FINGERPRINT", help=_("the laptop's signer fingerprint, or a unique start of it"))
    revoke.add_argument("--reason", choices=REASONS, help=_("why: lost, stolen or retired"))
    revoke.add_argument("--note", metavar="TEXT", default="", help=_("a note kept with the revocation"))
    revoke.set_defaults(handler=revoke_sender)
    unrevoke = sub.add_parser("unrevoke", help=_("accept bundles from a revoked laptop again (managers)"))
    unrevoke.add_argument("fingerprint", metavar="FINGERPRINT")
    unrevoke.set_defaults(handler=unrevoke_sender)
    review = sub.add_parser("review", help=_("list the clients imported from laptops revoked since, to check them"))
    review.add_argument("--json", action="store_true", help=_("print the list as JSON"))
    review.set_defaults(handler=list_review)


def write_key(args) -> int:
    with open_session(args) as session:
        previous = session.bundles.published_fingerprint()
        key, created = session.bundles.clinic_key(new=args.new)
    write_output(args.out, key.to_bytes())
    wrote = _("Created the clinic bundle key: {path}") if created else _("Wrote the clinic bundle key: {path}")
    print(wrote.format(path=args.out))
    print(_("Fingerprint: {fingerprint}  (read it aloud to whoever sets up a field laptop)").format(fingerprint=key.fingerprint))
    if created and previous:
        print(_("note: this replaces the key {fingerprint}; every field laptop must trust the new one").format(fingerprint=previous))
    return 0


def trust_key(args) -> int:
    data = _read_file(args.file)
    with open_session(args) as session:
        key = session.bundles.trust(data, args.fingerprint)
    if key.clinic_name:
        print(_("Bundles from this vault are now sealed to the clinic key of {clinic}.").format(clinic=key.clinic_name))
    else:
        print(_("Bundles from this vault are now sealed to the clinic key."))
    print(_("Fingerprint: {fingerprint}  (it must match what the clinic reads to you)").format(fingerprint=key.fingerprint))
    return 0


def write_laptop_key(args) -> int:
    with open_session(args) as session:
        key = session.bundles.laptop_key()
    write_output(args.out, key.to_bytes())
    print(_("Wrote this laptop's key: {path}").format(path=args.out))
    print(_("Fingerprint: {fingerprint}  (the clinic's manager compares it when enrolling this laptop)").format(fingerprint=key.fingerprint))
    return 0


def enrol_sender(args) -> int:
    data = _read_file(args.file)
    with open_session(args) as session:
        _say_enrolled(session.bundles.enrol_sender(data, args.fingerprint))
    return 0


def accept_sender(args) -> int:
    with open_session(args) as session:
        _say_enrolled(session.bundles.accept_sender(args.file, args.fingerprint))
    print(_("Import the held bundle with 'bundle import'."))
    return 0


def _say_enrolled(sender) -> None:
    print(_("Enrolled the laptop {laptop} (signer {fingerprint}): its bundles are imported from now on.").format(
        laptop=sender.clinic_name, fingerprint=sender.fingerprint))


def refuse_sender(args) -> int:
    with open_session(args) as session:
        sender = session.bundles.refuse_sender(args.file, args.note)
    print(_("Refused the laptop {laptop} (signer {fingerprint}): its bundles are refused from now on.").format(
        laptop=sender.clinic_name, fingerprint=sender.fingerprint))
    return 0


def list_review(args) -> int:
    with open_session(args) as session:
        marks = session.bundles.review_marks()
        clients = {m.client_id: session.clients.get(m.client_id) for m in marks}
    if args.json:
        print_json([mark.to_json() for mark in marks])
        return 0
    if not marks:
        print(_("No client here came from a revoked laptop."))
    for mark in marks:
        client = clients[mark.client_id]
        name = f"{client.family_name}, {client.given_name}"
        print(_("{client}  {name}  imported {when} from {laptop} (signer {fingerprint}), revoked {revoked}").format(
            client=mark.client_id, name=name, when=moment_words(mark.imported_at), laptop=mark.laptop,
            fingerprint=mark.fingerprint, revoked=moment_words(mark.revoked_at)))
    return 0


def _read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ClinicError("file.unreadable", path=path, reason=exc.strerror, errno=exc.errno) from exc


def export_bundle(args) -> int:
    out = Path(args.out)
    if not out.is_dir():
        raise ClinicError("cli.not_a_folder", path=args.out)
    with open_session(args) as session:
        result = session.bundles.export(out, args.client, keep=args.keep)
    count = len(result.client_ids)
    print(ngettext("Sealed {count} client into {path}", "Sealed {count} clients into {path}", count).format(count=count, path=result.path))
    print(_("Only the clinic key {fingerprint} opens it; this laptop cannot.").format(fingerprint=result.recipient_fingerprint))
    if result.removed:
        print(_("The sent clients were removed from this vault (use --keep to keep them)."))
    return 0


def import_bundles(args) -> int:
    with open_session(args) as session:
        summary = session.bundles.import_paths([args.path])
    for line in summary.dropped:
        print(_("note: {text}").format(text=line), file=sys.stderr)
    if args.json:
        print_json(summary.to_json())
        return 0
    for b in summary.bundles:
        origin = b.sender.user + (f" ({b.sender.clinic_name})" if b.sender.clinic_name else "")
        print(_("{file}: from {sender}, vault {vault}, signer {fingerprint}, sent {sent}").format(
            file=b.file, sender=origin, vault=b.sender.vault_id[:8], fingerprint=b.sender.signer_fingerprint, sent=moment_words(b.sender.sent_at)))
        print("  " + ngettext("imported {count} client", "imported {count} clients", len(b.imported)).format(count=len(b.imported))
              + ", " + _("already here: {count}").format(count=len(b.skipped)))
    if not summary.imported:
        print(_("Nothing changed: every client in these bundles was imported before."))
    if summary.review:
        count = len(summary.review)
        print(ngettext("{count} possible duplicate: a review task was added to it, nothing was merged.",
                       "{count} possible duplicates: a review task was added to each, nothing was merged.", count).format(count=count))
    return 0


def list_senders(args) -> int:
    with open_session(args) as session:
        known = session.bundles.known_senders()
        marks = session.bundles.review_marks() if any(sender.revoked for sender in known) else []
    if args.json:
        print_json([sender.to_json() for sender in known])
        return 0
    if not known:
        print(_("No field laptop is enrolled yet."))
    from_revoked = Counter(mark.fingerprint for mark in marks)
    for sender in known:
        laptop = sender.clinic_name or sender.vault_id[:8]
        if sender.last_seen:
            print(_("{fingerprint}  {laptop}  last import {when} by {user}").format(
                fingerprint=sender.fingerprint, laptop=laptop, when=moment_words(sender.last_seen), user=sender.last_user))
        else:
            print(_("{fingerprint}  {laptop}  nothing imported yet").format(fingerprint=sender.fingerprint, laptop=laptop))
        if sender.trust and sender.trust.enrolled:
            print("  " + _("enrolled {when} by {user}").format(when=moment_words(sender.trust.at), user=sender.trust.by))
        if sender.revoked:
            print("  " + _revoked_line(sender.revocation))
        count = from_revoked.get(sender.fingerprint, 0)
        if count:
            print("  " + ngettext("{count} client imported from it is marked for review (see 'bundle review')",
                                  "{count} clients imported from it are marked for review (see 'bundle review')", count).format(count=count))
    return 0


def revoke_sender(args) -> int:
    with open_session(args) as session:
        sender = session.bundles.revoke_sender(args.fingerprint, args.reason or "", args.note)
    print(_("Revoked the laptop {laptop} (signer {fingerprint}): its bundles are refused from now on.").format(
        laptop=sender.clinic_name, fingerprint=sender.fingerprint))
    print(_("Clients imported from it before stay in this vault, marked for review (see 'bundle review')."))
    return 0


def unrevoke_sender(args) -> int:
    with open_session(args) as session:
        sender = session.bundles.unrevoke_sender(args.fingerprint)
    print(_("The laptop {laptop} (signer {fingerprint}) is no longer revoked: its bundles are accepted again.").format(
        laptop=sender.clinic_name, fingerprint=sender.fingerprint))
    return 0


def _revoked_line(revocation) -> str:
    reasons = {"lost": _("lost"), "stolen": _("stolen"), "retired": _("retired"), "refused": _("refused when first seen")}
    line = _("REVOKED {when} by {user}").format(when=moment_words(revocation.at), user=revocation.by)
    if revocation.reason:
        line += " (" + reasons[revocation.reason] + ")"
    if revocation.note:
        line += ": " + revocation.note
    return line
