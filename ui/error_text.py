"""Words for the core's error codes, in the language of the UI.

The core raises `SomeError("area.what", **params)` (`clinic_app/errors.py`); every message a
person sees in the app comes from here, translated through Qt Linguist (context "ErrorText").
Parameters go in with `str.format`; a few are themselves translated first (roles,
restricted categories). Codes the app does not know yet still show something useful (a
generic sentence and the code), and `tests/core/test_error_codes.py` fails on them.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from clinic_app.domain.validation import Problem
from clinic_app.errors import ClinicError, ValidationError
from ui.labels import category_label, moment_text
from ui.problem_text import problem_message
from ui.role_text import role_label

CONTEXT = "ErrorText"

TEXT: dict[str, str] = {
    "vault.not_found": QT_TRANSLATE_NOOP("ErrorText", "There is no vault in {path}."),
    "vault.exists": QT_TRANSLATE_NOOP("ErrorText", "A vault already exists in {path}."),
    "vault.in_use": QT_TRANSLATE_NOOP("ErrorText", "This vault is open in another Clinic Intake window or command; close it and try again."),
    "vault.locked": QT_TRANSLATE_NOOP("ErrorText", "The vault is locked."),
    "vault.wrong_login": QT_TRANSLATE_NOOP("ErrorText", "Wrong user name or password."),
    "vault.wrong_recovery_key": QT_TRANSLATE_NOOP("ErrorText", "Wrong recovery key."),
    "vault.wrong_current_password": QT_TRANSLATE_NOOP("ErrorText", "The current password is wrong."),
    "vault.no_such_user": QT_TRANSLATE_NOOP("ErrorText", "No user named '{username}' in this vault."),
    "vault.password_too_short": QT_TRANSLATE_NOOP("ErrorText", "A password needs at least {minimum} characters."),
    "vault.key_does_not_open": QT_TRANSLATE_NOOP("ErrorText", "The key does not open this vault's database."),
    "vault.damaged": QT_TRANSLATE_NOOP("ErrorText", "The vault's database is damaged. A manager restores the latest backup (Tools ▸ Restore a backup)."),
    "vault.schema_too_new": QT_TRANSLATE_NOOP("ErrorText", "This vault uses schema {schema}, newer than this app understands ({latest}); update Clinic Intake."),
    "keyslots.not_a_keyslot_file": QT_TRANSLATE_NOOP("ErrorText", "The key-slot file is not a Clinic Intake key-slot file."),
    "keyslots.too_new": QT_TRANSLATE_NOOP("ErrorText", "The key-slot file was written by a newer version of the app."),
    "keyslots.missing": QT_TRANSLATE_NOOP("ErrorText", "The vault's key-slot file is missing."),
    "keyslots.damaged": QT_TRANSLATE_NOOP("ErrorText", "The vault's key-slot file is damaged."),
    "keyslots.checksum_mismatch": QT_TRANSLATE_NOOP("ErrorText", "The vault's key-slot file is damaged (checksum mismatch)."),
    "keyslots.both_copies_damaged": QT_TRANSLATE_NOOP(
        "ErrorText", "Both copies of the vault's key-slot file are damaged. A manager restores the latest backup (Tools ▸ Restore a backup)."
    ),
    "grants.refused": QT_TRANSLATE_NOOP(
        "ErrorText", "This account's role does not verify: the user list was changed outside the app. Ask a manager to check the vault."
    ),
    "grants.signing_key_not_shared": QT_TRANSLATE_NOOP(
        "ErrorText", "Your account does not hold the clinic signing key yet. It is shared with you the next time a manager who holds it logs in."
    ),
    "role_secrets.not_for_role": QT_TRANSLATE_NOOP("ErrorText", "Your role ({role}) may not hold this key."),
    "vault.reset_would_lose_key": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Nothing was changed. Resetting {username}'s password now would lose a key only that account holds (for "
        "restricted facts, the attorneys' key): this recovery key does not carry it yet, and no other attorney has a copy "
        "of their own. It is added the next time any holder logs in. If {username} can still log in once with the old "
        "password, do that first, then reset the password.",
    ),
    "permission.denied": QT_TRANSLATE_NOOP("ErrorText", "Your role ({role}) may not do this."),
    "user.bad_name": QT_TRANSLATE_NOOP("ErrorText", "A user name is 2 to 40 letters, digits, '.', '-' or '_'."),
    "user.bad_role": QT_TRANSLATE_NOOP("ErrorText", "Choose a role: paralegal, attorney or manager."),
    "user.exists": QT_TRANSLATE_NOOP("ErrorText", "A user named '{username}' already exists."),
    "user.not_found": QT_TRANSLATE_NOOP("ErrorText", "No user named '{username}'."),
    "user.cannot_remove_self": QT_TRANSLATE_NOOP("ErrorText", "You cannot remove yourself; ask another manager."),
    "user.cannot_reset_own_password": QT_TRANSLATE_NOOP(
        "ErrorText", "You cannot reset your own password here. To change it, use File ▸ Change my password."
    ),
    "user.last_manager": QT_TRANSLATE_NOOP("ErrorText", "The last manager cannot be removed."),
    "user.nothing_to_change": QT_TRANSLATE_NOOP("ErrorText", "Nothing to change."),
    "user.signature_too_long": QT_TRANSLATE_NOOP("ErrorText", "This signature field takes at most {limit} characters."),
    "user.bad_bar_number": QT_TRANSLATE_NOOP("ErrorText", "A bar number has only letters, digits and '-' (for example 123456)."),
    "task.cancelled": QT_TRANSLATE_NOOP("ErrorText", "Cancelled. Nothing was written."),
    "client.not_found": QT_TRANSLATE_NOOP("ErrorText", "This client no longer exists."),
    "matter.not_found": QT_TRANSLATE_NOOP("ErrorText", "This matter no longer exists."),
    "validation.invalid": QT_TRANSLATE_NOOP("ErrorText", "Some values are not valid:"),
    "record.not_found": QT_TRANSLATE_NOOP("ErrorText", "This entry no longer exists; it may have been deleted in another window."),
    "note.empty": QT_TRANSLATE_NOOP("ErrorText", "A note cannot be empty."),
    "document.too_large": QT_TRANSLATE_NOOP("ErrorText", "Attachments are limited to {megabytes} MB."),
    "document.unsupported_type": QT_TRANSLATE_NOOP("ErrorText", "Only these kinds of files can be attached here: {types}."),
    "document.bad_kind": QT_TRANSLATE_NOOP("ErrorText", "Choose what kind of document this is."),
    "document.title_too_long": QT_TRANSLATE_NOOP("ErrorText", "The title and the author take at most {limit} characters each."),
    "document.conviction_only_for_court_records": QT_TRANSLATE_NOOP("ErrorText", "Only a court record can be the record of a conviction."),
    "document.conviction_not_in_matter": QT_TRANSLATE_NOOP("ErrorText", "That conviction is not listed on this document's matter."),
    "document.not_found": QT_TRANSLATE_NOOP("ErrorText", "This document no longer exists."),
    "setting.unknown": QT_TRANSLATE_NOOP("ErrorText", "Unknown setting '{key}'."),
    "setting.wrong_type": QT_TRANSLATE_NOOP("ErrorText", "The setting '{key}' does not take this kind of value."),
    "restricted.purpose_invalid": QT_TRANSLATE_NOOP("ErrorText", "The purpose is not valid."),
    "restricted.unknown_category": QT_TRANSLATE_NOOP("ErrorText", "'{category}' is not a restricted category."),
    "restricted.no_purpose": QT_TRANSLATE_NOOP("ErrorText", "No recorded purpose allows \"{category}\" for this matter; record one first."),
    "restricted.unknown_field": QT_TRANSLATE_NOOP("ErrorText", "'{field}' is not a restricted field."),
    "restricted.value_empty": QT_TRANSLATE_NOOP("ErrorText", "A restricted value cannot be empty."),
    "restricted.value_too_long": QT_TRANSLATE_NOOP("ErrorText", "The restricted value is too long (at most {limit} characters)."),
    "restricted.key_not_shared": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The restricted-data key has not been shared with you yet. It is shared with you the next time an attorney who holds it logs in.",
    ),
    "restricted.value_not_found": QT_TRANSLATE_NOOP("ErrorText", "This restricted value no longer exists."),
    "da.county_not_found": QT_TRANSLATE_NOOP("ErrorText", "No county named '{county}' in {state}."),
    "da.nothing_to_change": QT_TRANSLATE_NOOP("ErrorText", "Nothing to change."),
    "da.address_layout": QT_TRANSLATE_NOOP("ErrorText", "Write the street first and \"City, {state} 12345\" on the last line."),
    "da.address_other_state": QT_TRANSLATE_NOOP("ErrorText", "The state on the last line is {found}, not {state}."),
    "da.address_twice": QT_TRANSLATE_NOOP("ErrorText", "Give either the whole address or the street, city and ZIP."),
    "da.bad_zip": QT_TRANSLATE_NOOP("ErrorText", "A ZIP code is 5 digits, or 5+4 (90012 or 90012-3210)."),
    "da.zip_not_in_state": QT_TRANSLATE_NOOP("ErrorText", "{zip} is not a {state} ZIP code."),
    "da.office_required": QT_TRANSLATE_NOOP("ErrorText", "Enter the name of the office."),
    "da.verified_in_future": QT_TRANSLATE_NOOP("ErrorText", "The verified date is in the future."),
    "file.unreadable": QT_TRANSLATE_NOOP("ErrorText", "Cannot read {path} ({reason})."),
    "profile.invalid": QT_TRANSLATE_NOOP("ErrorText", "The state profile {file} is not valid:"),
    "profile.not_toml": QT_TRANSLATE_NOOP("ErrorText", "The state profile {file} is not valid TOML ({detail})."),
    "profile.unreadable": QT_TRANSLATE_NOOP("ErrorText", "The state profile {file} cannot be read ({reason})."),
    "profile.bad_state_code": QT_TRANSLATE_NOOP("ErrorText", "A state is written as two letters, for example CA."),
    "profile.not_found": QT_TRANSLATE_NOOP("ErrorText", "There is no state profile for {state}; add {file} to the profiles folder."),
    "packet.no_notices": QT_TRANSLATE_NOOP("ErrorText", "The {state} profile serves no notices."),
    "packet.county_not_in_matter": QT_TRANSLATE_NOOP("ErrorText", "No conviction of this matter is in '{county}'."),
    "packet.pdf_password_too_short": QT_TRANSLATE_NOOP("ErrorText", "The PDF password needs at least {minimum} characters."),
    "form.not_stored": QT_TRANSLATE_NOOP("ErrorText", "No official form is stored for {state} yet; add the fillable PDF first."),
    "form.unknown_source": QT_TRANSLATE_NOOP("ErrorText", "Unknown source '{source}'."),
    "form.encrypted": QT_TRANSLATE_NOOP("ErrorText", "The form is password-protected; save an unprotected copy."),
    "form.unreadable": QT_TRANSLATE_NOOP("ErrorText", "This is not a readable PDF."),
    "form.no_fields": QT_TRANSLATE_NOOP("ErrorText", "The PDF has no fillable fields; ask for the fillable version of the form."),
    "form.no_such_field": QT_TRANSLATE_NOOP("ErrorText", "The form has no field named '{field}'."),
    "form.push_button": QT_TRANSLATE_NOOP("ErrorText", "'{field}' is a push button; it holds no value."),
    "form.bad_mapping_file": QT_TRANSLATE_NOOP("ErrorText", "{file} is not a form mapping file."),
    "form.in_profile_file": QT_TRANSLATE_NOOP(
        "ErrorText", "The {state} form is named in the clinic's own profile file ({state}.toml); it is changed there, not here."
    ),
    "backup.passphrase_too_short": QT_TRANSLATE_NOOP("ErrorText", "A backup passphrase needs at least {minimum} characters."),
    "backup.is_a_folder": QT_TRANSLATE_NOOP("ErrorText", "{file} is a folder, not a Clinic Intake backup."),
    "backup.no_such_file": QT_TRANSLATE_NOOP("ErrorText", "No such file: {path}."),
    "backup.not_a_backup": QT_TRANSLATE_NOOP("ErrorText", "{file} is not a Clinic Intake backup."),
    "backup.made_by_newer_app": QT_TRANSLATE_NOOP("ErrorText", "{file} was made by a newer version of Clinic Intake; update the app to read it."),
    "backup.damaged_header": QT_TRANSLATE_NOOP("ErrorText", "{file} has a damaged header."),
    "backup.incomplete": QT_TRANSLATE_NOOP("ErrorText", "{file} is incomplete (truncated or cut off while copying)."),
    "backup.stored_key_does_not_open": QT_TRANSLATE_NOOP("ErrorText", "The stored automatic-backup key does not open this backup; enter its passphrase."),
    "backup.wrong_passphrase": QT_TRANSLATE_NOOP("ErrorText", "The backup passphrase is wrong, or the start of the backup file is damaged."),
    "backup.schema_too_new": QT_TRANSLATE_NOOP("ErrorText", "The backup uses schema {schema}, newer than this app understands ({latest}); update Clinic Intake to restore it."),
    "backup.failed_verification": QT_TRANSLATE_NOOP("ErrorText", "The backup failed verification."),
    "backup.none_to_test": QT_TRANSLATE_NOOP("ErrorText", "There is no backup to test yet; make one first."),
    "backup.passphrase_needed_to_test": QT_TRANSLATE_NOOP("ErrorText", "Enter the backup passphrase to test this backup."),
    "backup.auto_folder_missing": QT_TRANSLATE_NOOP("ErrorText", "Choose an existing folder for automatic backups."),
    "backup.auto_passphrase_needed": QT_TRANSLATE_NOOP("ErrorText", "Automatic backups need the backup passphrase once."),
    "backup.auto_not_configured": QT_TRANSLATE_NOOP("ErrorText", "Automatic backup is on but its folder or passphrase is not set; ask a manager."),
    "backup.folder_missing": QT_TRANSLATE_NOOP("ErrorText", "The folder {path} does not exist (is the drive connected?)."),
    "backup.file_exists": QT_TRANSLATE_NOOP("ErrorText", "{path} already exists; choose a new file name (backups are never overwritten)."),
    "backup.schema_outdated": QT_TRANSLATE_NOOP("ErrorText", "The vault's schema is not up to date; unlock it with this app first."),
    "backup.creation_time_unreadable": QT_TRANSLATE_NOOP("ErrorText", "The backup's creation time is unreadable."),
    "restore.target_not_empty": QT_TRANSLATE_NOOP("ErrorText", "{path} is not empty; a backup is only restored into a new or empty folder."),
    "bundle_key.version": QT_TRANSLATE_NOOP("ErrorText", "This clinic key file was written by another version of the app."),
    "bundle_key.not_a_key": QT_TRANSLATE_NOOP("ErrorText", "This file is not a clinic key file."),
    "bundle_key.damaged": QT_TRANSLATE_NOOP("ErrorText", "The clinic key file is damaged."),
    "bundle_key.fingerprint_mismatch": QT_TRANSLATE_NOOP("ErrorText", "The key's fingerprint is {fingerprint}, not the one you were given."),
    "bundle.no_trusted_key": QT_TRANSLATE_NOOP("ErrorText", "This laptop is not set up to send to a clinic yet: a manager chooses the clinic's key file."),
    "bundle.no_clients": QT_TRANSLATE_NOOP("ErrorText", "There are no clients to send."),
    "bundle.write_failed": QT_TRANSLATE_NOOP("ErrorText", "The bundle could not be written correctly to that folder; nothing was removed."),
    "bundle.client_has_unbundled_data": QT_TRANSLATE_NOOP(
        "ErrorText",
        "This client has documents or restricted values, which bundles do not carry. Keep the client on this computer and bring those to the clinic another way.",
    ),
    "bundle.no_clinic_key": QT_TRANSLATE_NOOP("ErrorText", "This vault has no clinic key, so no bundle is addressed to it."),
    "bundle.key_not_shared": QT_TRANSLATE_NOOP(
        "ErrorText", "The clinic key has not been shared with you yet. It is, the next time an attorney or manager who holds it signs in."
    ),
    "bundle.key_lost": QT_TRANSLATE_NOOP(
        "ErrorText", "No one in this vault holds the clinic key any more (after a restore?). Make a new one and have the laptops trust it."
    ),
    "bundle.no_files": QT_TRANSLATE_NOOP("ErrorText", "No bundle files found (they end in .clinicbundle)."),
    "bundle.sender_key_changed": QT_TRANSLATE_NOOP("ErrorText", "The bundle claims to come from a laptop that earlier signed with a different key. Ask who made it."),
    "bundle.sender_revoked": QT_TRANSLATE_NOOP(
        "ErrorText", "Refused: signed by the laptop {laptop} (signer {fingerprint}), which was revoked on {revoked_at}. Nothing was imported."
    ),
    "bundle_key.not_a_laptop_key": QT_TRANSLATE_NOOP("ErrorText", "This file is not a laptop key file. A field laptop saves one from File ▸ Send to clinic."),
    "bundle_key.laptop_key_damaged": QT_TRANSLATE_NOOP("ErrorText", "The laptop key file is damaged."),
    "bundle.sender_unknown": QT_TRANSLATE_NOOP(
        "ErrorText",
        "This bundle comes from a laptop nobody enrolled ({laptop}, signer {fingerprint}); it was not imported. "
        "A clinic manager compares the fingerprint with the laptop's and accepts or refuses it.",
    ),
    "bundle.sender_already_enrolled": QT_TRANSLATE_NOOP("ErrorText", "The laptop with signer {fingerprint} is enrolled already."),
    "bundle.sender_revoked_not_enrolled": QT_TRANSLATE_NOOP("ErrorText", "The laptop with signer {fingerprint} is revoked; undo the revocation first."),
    "bundle.enrol_other_key": QT_TRANSLATE_NOOP(
        "ErrorText", "This vault knows that laptop with another signing key, not {fingerprint}. Ask who made the file."
    ),
    "bundle.sender_not_found": QT_TRANSLATE_NOOP("ErrorText", "No laptop this vault imported from has the signer fingerprint {fingerprint}."),
    "bundle.sender_ambiguous": QT_TRANSLATE_NOOP("ErrorText", "{fingerprint} is the start of several signer fingerprints ({matches}); give more of it."),
    "bundle.sender_already_revoked": QT_TRANSLATE_NOOP("ErrorText", "The laptop with signer {fingerprint} is revoked already."),
    "bundle.sender_not_revoked": QT_TRANSLATE_NOOP("ErrorText", "The laptop with signer {fingerprint} is not revoked."),
    "bundle.revoke_reason": QT_TRANSLATE_NOOP("ErrorText", "Unknown reason {reason}; use one of: {reasons}."),
    "bundle.bad_payload": QT_TRANSLATE_NOOP("ErrorText", "The bundle's signed content is not valid ({where})."),
    "bundle.not_a_bundle": QT_TRANSLATE_NOOP("ErrorText", "This file is not a Clinic Intake bundle."),
    "bundle.damaged": QT_TRANSLATE_NOOP("ErrorText", "The bundle is damaged, cut short or was altered. Ask the sender to export it again."),
    "bundle.version": QT_TRANSLATE_NOOP("ErrorText", "This bundle was written by another version of Clinic Intake."),
    "bundle.wrong_recipient": QT_TRANSLATE_NOOP("ErrorText", "This bundle is sealed to another clinic's key, not to this vault's."),
    "bundle.unsigned": QT_TRANSLATE_NOOP("ErrorText", "The bundle is not signed by the laptop that sent it, so it is refused."),
    "bundle.bad_signature": QT_TRANSLATE_NOOP("ErrorText", "The bundle's signature does not match its sender, so it is refused."),
    "bundle.too_large": QT_TRANSLATE_NOOP("ErrorText", "The bundle is larger than this app accepts."),
}

class ErrorText(QObject):
    """Messages with a count. They are self.tr() calls with the count because lupdate marks only
    those as plurals (%n forms); the class name is their translation context."""

    def words(self, code: str, n: int) -> str | None:
        if code == "packet.not_ready":
            return self.tr("The packet is not ready: %n blocking problems. A draft can still be built.", "", n)
        if code == "profile.files_do_not_load":
            return self.tr("%n profile files do not load.", "", n)
        if code == "vault.too_many_wrong_passwords":
            return self.tr("Too many wrong passwords. Try again in %n seconds.", "", n)
        if code == "vault.too_many_wrong_recovery_keys":
            return self.tr("Too many wrong recovery keys. Try again in %n seconds.", "", n)
        if code == "more_problems":
            return self.tr("…and %n more problems.", "", n)
        return None


# code -> the parameter holding the count (words in ErrorText.words)
PLURAL_TEXT: dict[str, str] = {
    "packet.not_ready": "count",
    "profile.files_do_not_load": "count",
    "vault.too_many_wrong_passwords": "seconds",
    "vault.too_many_wrong_recovery_keys": "seconds",
}

MAX_PROBLEMS_SHOWN = 15


def _translated_params(params: dict) -> dict:
    shown = {k: error_text(v, with_problems=False) if isinstance(v, ClinicError) else v for k, v in params.items()}
    if "role" in shown:
        shown["role"] = role_label(str(shown["role"]))
    if "category" in shown:
        shown["category"] = category_label(str(shown["category"]))
    if "revoked_at" in shown:  # a stored UTC moment: the clinic's local time
        shown["revoked_at"] = moment_text(shown["revoked_at"])
    if "errno" in shown:  # a file the system refused: our words, not the system's English strerror
        shown["reason"] = file_problem(shown["errno"])
    return shown


def _problem_line(problem) -> str:
    """One validation problem: 'convictions[1].offense_date: This date is in the future.'"""
    if isinstance(problem, Problem):
        return f"{problem.field}: {problem_message(problem)}" if problem.field else problem_message(problem)
    return str(problem)  # an older caller's 'where: what' line


# What went wrong with a file, per errno, in the UI language: the system's own `strerror` is
# English (or the OS language), never the app's.
FILE_PROBLEMS: dict[int, str] = {
    errno.ENOENT: QT_TRANSLATE_NOOP("ErrorText", "the file or folder does not exist"),
    errno.EACCES: QT_TRANSLATE_NOOP("ErrorText", "you do not have permission to use this file or folder"),
    errno.EPERM: QT_TRANSLATE_NOOP("ErrorText", "you do not have permission to use this file or folder"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("ErrorText", "the disk is full"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("ErrorText", "the disk is full"),
    errno.EROFS: QT_TRANSLATE_NOOP("ErrorText", "the disk or folder is read-only"),
    errno.EFBIG: QT_TRANSLATE_NOOP("ErrorText", "the file is too large"),
}


def file_problem(number: int | None) -> str:
    """Why a file operation failed (an OSError's errno), in the UI language ("the disk is full")."""
    if number in FILE_PROBLEMS:
        return QCoreApplication.translate("ErrorText", FILE_PROBLEMS[number])
    if number is not None:
        return QCoreApplication.translate("ErrorText", "the system refused it (error {0})").format(number)
    return QCoreApplication.translate("ErrorText", "the system refused it")


def file_error_text(action: str, exc: OSError) -> str:
    """'Could not save: the disk is full.' — `action` is already translated by the caller."""
    return f"{action}: {file_problem(exc.errno)}."


def error_text(exc: BaseException, with_problems: bool = True) -> str:
    """What to show a person for `exc`: translated words for a core error, the kind of failure
    (never its data) for anything else."""
    if isinstance(exc, OSError):  # a file or folder the person chose
        return file_error_text(QCoreApplication.translate("ErrorText", "The file or folder could not be used"), exc)
    if not isinstance(exc, ClinicError):
        template = QCoreApplication.translate("ErrorText", "Unexpected error ({0}); nothing was changed.")
        return template.format(type(exc).__name__)
    params = _translated_params(exc.params)
    if exc.code in PLURAL_TEXT:
        template = ErrorText().words(exc.code, int(params.get(PLURAL_TEXT[exc.code], 0)))
    elif exc.code in TEXT:
        template = QCoreApplication.translate(CONTEXT, TEXT[exc.code])
    else:
        template = QCoreApplication.translate("ErrorText", "The operation failed ({0}).").replace("{0}", exc.code)
    try:
        text = template.format(**params)
    except (KeyError, IndexError, ValueError):
        text = template
    if "file" in params and "{file}" not in template:  # the file an error was found in (see clinic_app/error_messages.py)
        text = f"{params['file']}: {text}"
    if with_problems and isinstance(exc, ValidationError) and exc.problems:
        text += "\n\n" + "\n".join(_problem_line(p) for p in exc.problems[:MAX_PROBLEMS_SHOWN])
        hidden = len(exc.problems) - MAX_PROBLEMS_SHOWN
        if hidden > 0:
            text += "\n" + ErrorText().words("more_problems", hidden)
    return text
