"""clinic-app profile list | show | check: the state profiles the packets follow."""

from __future__ import annotations

from dataclasses import asdict

from clinic_app.cli.common import open_session, print_json, vault_from
from clinic_app.errors import ClinicError

# clinic_app.state_profiles is imported by the handlers below, not here: every CLI command
# imports this module to register its parser, and parsing the profile module costs ~25 ms.


def register(commands) -> None:
    profile = commands.add_parser("profile", help="state profiles (no client data; no password needed)")
    sub = profile.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="the profiles in use and where each comes from")
    listing.set_defaults(handler=list_profiles)
    show = sub.add_parser("show", help="one profile as JSON")
    show.add_argument("state")
    show.set_defaults(handler=show_profile)
    check = sub.add_parser("check", help="validate a profile file, or every profile in use")
    check.add_argument("file", nargs="?")
    check.set_defaults(handler=check_profiles)
    checked = sub.add_parser("checked", help="record that you compared a profile with its sources today (attorneys and managers)")
    checked.add_argument("state")
    checked.set_defaults(handler=record_checked)


def _registry(args):
    from clinic_app.state_profiles import ProfileRegistry, clinic_profiles_folder

    return ProfileRegistry(clinic_profiles_folder(vault_from(args).folder))


def list_profiles(args) -> int:
    registry = _registry(args)
    for state in registry.states():
        p = registry.get(state)
        origin = "clinic file" if registry.is_clinic_override(state) else "shipped"
        verified = p.last_verified.isoformat() if p.last_verified else "never verified"
        print(f"{p.state}  {p.profile_version:<12} {verified:<16} {origin:<12} {p.name}")
    print(f"clinic profiles folder: {registry.clinic_folder}")
    return 0


def show_profile(args) -> int:
    p = _registry(args).get(args.state)
    print_json(asdict(p))
    return 0


def check_profiles(args) -> int:
    if args.file:
        from clinic_app.state_profiles import load_profile_file

        p = load_profile_file(args.file)
        print(f"ok: {p.state} {p.profile_version}")
        return 0
    problems = _registry(args).problems()
    for problem in problems:
        print(f"error: {problem}")
    if problems:
        raise ClinicError("profile.files_do_not_load", count=len(problems))
    print("ok: every profile loads")
    return 0


def record_checked(args) -> int:
    with open_session(args) as session:
        _registry(args).get(args.state)  # an unknown state is refused before anything is recorded
        check = session.profile_checks.record(args.state)
    print(f"recorded: {check.checked_by} checked the {check.state} profile on {check.checked_on.isoformat()}")
    return 0
