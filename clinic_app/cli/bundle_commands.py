"""clinic-app bundle key --out FILE | trust FILE | export --out DIR | import FILE|DIR | senders | revoke FP | unrevoke FP:
sealed intake bundles, and the field laptops the clinic refuses."""

from __future__ import annotations

import sys
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
    revoke = sub.add_parser("revoke", help=_("refuse every later bundle from a lost or stolen laptop (managers)"))
    revoke.add_argument("fingerprint", metavar="FINGERPRINT", help=_("the laptop's signer fingerprint, or a unique start of it"))
    revoke.add_argument("--reason", choices=REASONS, help=_("why: lost, stolen or retired"))
    revoke.add_argument("--note", metavar="TEXT", default="", help=_("a note kept with the revocation"))
    revoke.set_defaults(handler=revoke_sender)
    unrevoke = sub.add_parser("unrevoke", help=_("accept bundles from a revoked laptop again (managers)"))
    unrevoke.add_argument("fingerprint", metavar="FINGERPRINT")
    unrevoke.set_defaults(handler=unrevoke_sender)


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
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise ClinicError("file.unreadable", path=args.file, reason=exc.strerror, errno=exc.errno) from exc
    with open_session(args) as session:
        key = session.bundles.trust(data, args.fingerprint)
    if key.clinic_name:
        print(_("Bundles from this vault are now sealed to the clinic key of {clinic}.").format(clinic=key.clinic_name))
    else:
        print(_("Bundles from this vault are now sealed to the clinic key."))
    print(_("Fingerprint: {fingerprint}  (it must match what the clinic reads to you)").format(fingerprint=key.fingerprint))
    return 0


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
    if args.json:
        print_json([sender.to_json() for sender in known])
        return 0
    if not known:
        print(_("No bundles imported yet: no field laptop is known."))
    for sender in known:
        print(_("{fingerprint}  {laptop}  last import {when} by {user}").format(
            fingerprint=sender.fingerprint, laptop=sender.clinic_name or sender.vault_id[:8],
            when=moment_words(sender.last_seen), user=sender.last_user))
        if sender.revoked:
            print("  " + _revoked_line(sender.revocation))
    return 0


def revoke_sender(args) -> int:
    with open_session(args) as session:
        sender = session.bundles.revoke_sender(args.fingerprint, args.reason or "", args.note)
    print(_("Revoked the laptop {laptop} (signer {fingerprint}): its bundles are refused from now on.").format(
        laptop=sender.clinic_name, fingerprint=sender.fingerprint))
    print(_("Clients imported from it before stay in this vault."))
    return 0


def unrevoke_sender(args) -> int:
    with open_session(args) as session:
        sender = session.bundles.unrevoke_sender(args.fingerprint)
    print(_("The laptop {laptop} (signer {fingerprint}) is no longer revoked: its bundles are accepted again.").format(
        laptop=sender.clinic_name, fingerprint=sender.fingerprint))
    return 0


def _revoked_line(revocation) -> str:
    reasons = {"lost": _("lost"), "stolen": _("stolen"), "retired": _("retired")}
    line = _("REVOKED {when} by {user}").format(when=moment_words(revocation.at), user=revocation.by)
    if revocation.reason:
        line += " (" + reasons[revocation.reason] + ")"
    if revocation.note:
        line += ": " + revocation.note
    return line
