"""clinic-app profile list | show | check | checked | form | fields | map: the state profiles
the packets follow, and the official application form a clinic supplies.

  profile form STATE FILE.pdf          keep (or replace) the official fillable form (attorneys and managers)
  profile form STATE [--remove]        which form is stored; --remove forgets it and its mapping
  profile fields STATE [--json] [--matter ID]   its fields, each with its source (and value)
  profile map STATE FIELD SOURCE       fill FIELD from SOURCE, e.g. client.full_name,
                                       conviction[0].case_number, matter.urgent_need; "-" unmaps
"""

from __future__ import annotations


from clinic_app.cli.common import open_session, print_json, vault_from
from clinic_app.errors import ClinicError, NotFound
from clinic_app.translation import _, date_words, ngettext, profile_words

# clinic_app.state_profiles is imported by the handlers below, not here: every CLI command
# imports this module to register its parser, and parsing the profile module costs ~25 ms.


def register(commands) -> None:
    profile = commands.add_parser("profile", help=_("state profiles (no client data; no password needed)"))
    sub = profile.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help=_("the profiles in use and where each comes from"))
    listing.set_defaults(handler=list_profiles)
    show = sub.add_parser("show", help=_("one profile as JSON"))
    show.add_argument("state")
    show.set_defaults(handler=show_profile)
    check = sub.add_parser("check", help=_("validate a profile file, or every profile in use"))
    check.add_argument("file", nargs="?")
    check.set_defaults(handler=check_profiles)
    checked = sub.add_parser("checked", help=_("record that you compared a profile with its sources today (attorneys and managers)"))
    checked.add_argument("state")
    checked.set_defaults(handler=record_checked)
    form = sub.add_parser("form", help=_("store, show or remove the official fillable application form for a state (attorneys and managers)"))
    form.add_argument("state")
    form.add_argument("file", metavar="FILE.pdf", nargs="?", help=_("the form to store; without it, show the stored one"))
    form.add_argument("--remove", action="store_true", help=_("forget the stored form and its field mapping"))
    form.set_defaults(handler=store_form)
    fields = sub.add_parser("fields", help=_("the official form's fields and what fills each"))
    fields.add_argument("state")
    fields.add_argument("--matter", metavar="ID", help=_("also show the value each field gets for this matter (needs a password)"))
    fields.add_argument("--json", action="store_true")
    fields.set_defaults(handler=list_form_fields)
    mapping = sub.add_parser("map", help=_("fill a form field from a record value (attorneys and managers)"))
    mapping.add_argument("state")
    mapping.add_argument("field")
    mapping.add_argument("source", help=_('client.full_name, conviction[0].case_number, matter.urgent_need, ... or "-" to unmap'))
    mapping.set_defaults(handler=map_form_field)


def _registry(args):
    from clinic_app.state_profiles import ProfileRegistry, clinic_profiles_folder

    return ProfileRegistry(clinic_profiles_folder(vault_from(args).folder))


def list_profiles(args) -> int:
    registry = _registry(args)
    rows = []
    for state in registry.states():
        p = registry.get(state)
        origin = _("clinic file") if registry.is_clinic_override(state) else _("shipped")
        verified = p.last_verified.isoformat() if p.last_verified else _("never verified")
        rows.append((p.state, p.profile_version, verified, origin, profile_words(p.name)))
    headers = (_("STATE"), _("VERSION"), _("VERIFIED"), _("ORIGIN"), _("NAME"))
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(4)]
    for row in [headers, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[4])
    print(_("clinic profiles folder: {folder}").format(folder=registry.clinic_folder))
    return 0


def show_profile(args) -> int:
    p = _registry(args).get(args.state)
    print_json(p.as_data())
    return 0


def check_profiles(args) -> int:
    if args.file:
        from clinic_app.state_profiles import load_profile_file

        p = load_profile_file(args.file)
        print(_("ok: {state} {version}").format(state=p.state, version=p.profile_version))
        return 0
    problems = _registry(args).problems()
    for problem in problems:
        print("error: " + problem)
    if problems:
        raise ClinicError("profile.files_do_not_load", count=len(problems))
    print(_("ok: every profile loads"))
    return 0


def record_checked(args) -> int:
    with open_session(args) as session:
        _registry(args).get(args.state)  # an unknown state is refused before anything is recorded
        check = session.profile_checks.record(args.state)
    print(_("recorded: {user} checked the {state} profile on {date}").format(user=check.checked_by, state=check.state, date=date_words(check.checked_on)))
    return 0


def store_form(args) -> int:
    from pathlib import Path

    state = args.state.upper()
    if args.remove and args.file:
        raise ClinicError("cli.form_file_and_remove")
    if args.remove:
        with open_session(args) as session:
            session.packets.remove_form(state)
        print(_("removed the {state} application form and its field mapping; packets use the app's worksheet").format(state=state))
        return 0
    if not args.file:
        with open_session(args) as session:
            stored = session.packets.stored_form(state)
        if stored is None:
            raise NotFound("form.not_stored", state=state)
        pages = ngettext("{count} page", "{count} pages", stored.pages).format(count=stored.pages)
        fields = ngettext("{count} field", "{count} fields", stored.fields).format(count=stored.fields)
        when = _(", stored {date} by {user}").format(date=stored.stored_on.isoformat(), user=stored.stored_by) if stored.stored_on else ""
        print(f"{state}: {stored.file_name}, {pages}, {fields}{when}")
        return 0
    template = Path(args.file).read_bytes()
    with open_session(args) as session:
        fields = session.packets.store_form(state, template, Path(args.file).name)
    print(ngettext(
        "stored the {state} application form: {count} field; map it with: clinic-app profile map {state} FIELD SOURCE",
        "stored the {state} application form: {count} fields; map them with: clinic-app profile map {state} FIELD SOURCE", len(fields),
    ).format(state=state, count=len(fields)))
    return 0


def map_form_field(args) -> int:
    with open_session(args) as session:
        session.packets.map_form_field(args.state, args.field, args.source)
    print(args.field + ": " + (_("not mapped") if args.source == "-" else _("filled from {source}").format(source=args.source)))
    return 0


def list_form_fields(args) -> int:
    import msgspec  # here, as the profile module is (see above)

    if args.matter:
        with open_session(args) as session:
            rows = session.packets.form_fields(args.state, args.matter)
    else:
        from clinic_app.packets.official_form import read_fields, read_mapping
        from clinic_app.state_profiles import clinic_profiles_folder

        folder = clinic_profiles_folder(vault_from(args).folder)
        mapping = read_mapping(folder, args.state)
        if mapping is None or not mapping.template.is_file():
            raise NotFound("form.not_stored", state=args.state.upper())
        rows = [
            {"name": f.name, "kind": f.kind, "options": list(f.options), "source": mapping.fields.get(f.name, ""), "value": None}
            for f in read_fields(mapping.template.read_bytes())
        ]
    rows = [r if isinstance(r, dict) else {**msgspec.structs.asdict(r), "options": list(r.options)} for r in rows]
    if args.json:
        print_json({"state": args.state.upper(), "fields": rows})
        return 0
    for r in rows:
        options = f" [{' | '.join(r['options'])}]" if r["options"] else ""
        value = f" = {r['value']}" if r["value"] is not None else ""
        print(f"{r['name']:<28} {r['kind']:<9}{options} <- {r['source'] or _('(not mapped)')}{value}")
    return 0
