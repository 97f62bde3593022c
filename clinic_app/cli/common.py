"""What every command needs: the vault folder, the user, the password, an open session."""

from __future__ import annotations

import getpass
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from clinic_app.errors import AuthenticationFailed, ClinicError
from clinic_app.fileio import atomic_write
from clinic_app.paths import default_vault_dir
from clinic_app.translation import N_, _
from clinic_app.vault import Vault

# The roles as people read them; commands and --json keep the role ids.
ROLE_WORDS = {"paralegal": N_("paralegal"), "attorney": N_("attorney"), "manager": N_("manager")}


def role_words(role: str) -> str:
    return _(ROLE_WORDS[role]) if role in ROLE_WORDS else role


def vault_from(args) -> Vault:
    vault = Vault(Path(args.vault) if args.vault else default_vault_dir())
    settled = vault.settle_interrupted_restore()  # before any command reads the folder: said once
    if settled is not None:
        advice = _(_RESTORE_ADVICE[settled.code]) if settled.code in _RESTORE_ADVICE else ""
        print(_("warning: {what}").format(what=settled) + advice, file=sys.stderr)
    return vault


_RESTORE_ADVICE = {
    "restore.rolled_back": N_("; restore the backup again if you still want it"),
    "restore.key_not_shown": N_("; no one has the new recovery key: a manager should make one now, before any work, "
                                "with 'clinic-app vault new-recovery-key', and keep the key it shows"),
}


def username_from(args) -> str:
    name = args.user or os.environ.get("CLINIC_USER")
    if not name:
        raise ClinicError("cli.no_user")
    return name


def read_secret(env_name: str, prompt: str, file_path: str | None = None) -> str:
    """A secret from the environment, a file, or a no-echo prompt, in that order."""
    value = os.environ.get(env_name)
    if value:
        return value
    if file_path:
        try:
            return Path(file_path).read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise ClinicError("cli.password_file_unreadable", reason=exc.strerror, errno=exc.errno) from exc
    if not sys.stdin or not sys.stdin.isatty():
        raise AuthenticationFailed("cli.no_password", variable=env_name)
    return getpass.getpass(prompt)


def password_from(args) -> str:
    return read_secret("CLINIC_PASSWORD", _("Password: "), args.password_file)


def new_password(prompt_name: str | None = None) -> str:
    """A new password from $CLINIC_NEW_PASSWORD or typed twice; `prompt_name` is already translated."""
    value = os.environ.get("CLINIC_NEW_PASSWORD")
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise ClinicError("cli.no_new_password")
    prompt_name = prompt_name or _("New password")
    first = getpass.getpass(_("{prompt}: ").format(prompt=prompt_name))
    if getpass.getpass(_("{prompt} again: ").format(prompt=prompt_name)) != first:
        raise ClinicError("cli.passwords_differ")
    return first


@contextmanager
def open_session(args):
    from clinic_app import lifecycle

    vault = vault_from(args)
    session = lifecycle.open_session(vault, username_from(args), password_from(args))
    for repair in vault.slot_repairs:
        print(_("warning: key-slot file {repair}").format(repair=repair), file=sys.stderr)
    for problem in session.audit_problems:
        print(_("warning: audit log: {problem} (run 'clinic-app vault check')").format(problem=problem), file=sys.stderr)
    for problem in session.grants.problems if session.grants is not None else []:
        if getattr(problem, "code", "").startswith("settings.") or getattr(problem, "code", "") == "restricted.expiry_unsigned":
            print(_("warning: {problem}").format(problem=problem), file=sys.stderr)
    try:
        yield session
    finally:
        session.lock()


def print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def write_output(path: str, data: bytes) -> None:
    atomic_write(path, data)


def emit_json_document(document, out_path: str | None, what: str) -> None:
    """A JSON document to FILE (atomic, owner-only) or to standard output."""
    data = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    if out_path:
        write_output(out_path, data)
        print(_("Exported {what} to {path}").format(what=what, path=out_path), file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
