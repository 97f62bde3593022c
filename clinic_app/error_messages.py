"""The command line's words for each error code (English source, gettext for other languages).

The desktop app has its own table (`ui/error_text.py`, Qt Linguist); both must know every
code the core raises (`tests/core/test_error_codes.py`). Messages start lowercase and have no
final period: the CLI prints them after `error: `. Parameters are filled in with
`str.format`; a count that decides the plural form is the parameter named in `PLURALS`.
A `file` parameter that the message does not mention is put in front ("FILE: message"), so
code that reads many files can name the one at fault without a message per code.
"""

from __future__ import annotations

import errno
import gettext
from typing import TYPE_CHECKING

from clinic_app.translation import N_, Np_, current_language, current_translation, moment_words

if TYPE_CHECKING:
    from clinic_app.errors import ClinicError

MESSAGES: dict[str, str] = {
    # -- the vault and its users --------------------------------------------------------------
    "vault.not_found": N_("no vault in {path}; create one with 'clinic-app vault create'"),
    "vault.exists": N_("a vault already exists in {path}"),
    "vault.in_use": N_("this vault is open in another Clinic Intake window or command; close it and try again"),
    "vault.locked": N_("the vault is locked"),
    "vault.wrong_login": N_("wrong user name or password"),
    "vault.wrong_recovery_key": N_("wrong recovery key"),
    "vault.wrong_current_password": N_("the current password is wrong"),
    "vault.no_such_user": N_("no user named '{username}' in this vault"),
    "vault.password_too_short": N_("a password needs at least {minimum} characters"),
    "vault.key_does_not_open": N_("the key does not open this vault's database"),
    "vault.damaged": N_("the vault's database is damaged; restore the latest backup with 'clinic-app backup restore'"),
    "vault.schema_too_new": N_("this vault uses schema {schema}, newer than this app understands ({latest}); update Clinic Intake"),
    "keyslots.not_a_keyslot_file": N_("the key-slot file is not a Clinic Intake key-slot file"),
    "keyslots.too_new": N_("the key-slot file was written by a newer version of the app"),
    "keyslots.missing": N_("the vault's key-slot file is missing"),
    "keyslots.damaged": N_("the vault's key-slot file is damaged"),
    "keyslots.checksum_mismatch": N_("the key-slot file is damaged (checksum mismatch)"),
    "keyslots.both_copies_damaged": N_(
        "both copies of the vault's key-slot file are damaged; restore the latest backup with 'clinic-app backup restore'"
    ),
    "grants.refused": N_(
        "this account's role grant does not verify (the user list was changed outside the app); ask a manager to run 'clinic-app vault check'"
    ),
    "grants.signing_key_not_shared": N_(
        "this manager's key slot does not hold the clinic signing key yet; it is sealed to you the next time a manager who holds it logs in"
    ),
    "role_secrets.not_for_role": N_("a {role} may not hold {secret}"),
    "vault.reset_would_lose_key": N_(
        "nothing was changed: resetting {username}'s password now would lose a key only that account holds ({secret}; for "
        "attorneys, the restricted-data key), as this recovery key does not carry it yet; if {username} can log in once with "
        "the old password, that log-in adds it to the recovery key: then reset"
    ),
    "permission.denied": N_("a {role} may not do this ({permission})"),
    "user.bad_name": N_("a user name is 2 to 40 letters, digits, '.', '-' or '_'"),
    "user.bad_role": N_("role must be one of: {roles}"),
    "user.exists": N_("a user named '{username}' already exists"),
    "user.not_found": N_("no user named '{username}'"),
    "user.cannot_remove_self": N_("you cannot remove yourself; ask another manager"),
    "user.cannot_reset_own_password": N_("you cannot reset your own password; change it with 'clinic-app user passwd'"),
    "user.last_manager": N_("the last manager cannot be removed"),
    "user.nothing_to_change": N_("nothing to change: give --full-name, --title or --bar-number"),
    "user.signature_too_long": N_("{field}: at most {limit} characters"),
    "user.bad_bar_number": N_("bar number: letters, digits and '-' only (for example 123456)"),
    "task.cancelled": N_("cancelled; nothing was written"),
    # -- records --------------------------------------------------------------------------------
    "client.not_found": N_("no client with id {client_id}"),
    "matter.not_found": N_("no matter with id {matter_id}"),
    "validation.invalid": N_("{details}"),
    "record.not_found": N_("no {kind} with id {record_id}"),
    "note.empty": N_("a note cannot be empty"),
    "document.too_large": N_("attachments are limited to {megabytes} MB"),
    "document.unsupported_type": N_("only these kinds of files can be attached here: {types}"),
    "document.bad_kind": N_("document kind must be one of: {kinds}"),
    "document.title_too_long": N_("title and author: at most {limit} characters"),
    "document.conviction_only_for_court_records": N_("only a court record is the record of a conviction"),
    "document.conviction_not_in_matter": N_("that conviction is not listed on this document's matter"),
    "document.not_found": N_("no document with id {document_id}"),
    "setting.unknown": N_("unknown setting '{key}'"),
    "setting.wrong_type": N_("setting '{key}' takes a {kind}"),
    "restricted.purpose_invalid": N_("the purpose is not valid: {details}"),
    "restricted.unknown_category": N_("'{category}' is not a restricted category"),
    "restricted.no_purpose": N_("no recorded purpose allows {category} for this matter; record one first"),
    "restricted.unknown_field": N_("'{field}' is not a restricted field"),
    "restricted.value_empty": N_("a restricted value cannot be empty"),
    "restricted.value_too_long": N_("the restricted value is too long (at most {limit} characters)"),
    "restricted.key_not_shared": N_(
        "the restricted-data key has not been shared with you yet; it is sealed to you the next time an attorney who holds it logs in"
    ),
    "restricted.value_not_found": N_("no restricted value with id {value_id}"),
    "da.county_not_found": N_("no county named '{county}' in {state}"),
    "da.nothing_to_change": N_("nothing to change: give --office, --street, --city, --zip, --address, --phone, --verified or --source"),
    "da.address_layout": N_('address: put the street first and "City, {state} 12345" on the last line, or give --street, --city and --zip'),
    "da.address_other_state": N_("address: the state on the last line is {found}, not {state}"),
    "da.address_twice": N_("give either --address or --street, --city and --zip"),
    "da.bad_zip": N_("ZIP: a ZIP code is 5 digits, or 5+4 (90012 or 90012-3210)"),
    "da.zip_not_in_state": N_("ZIP: {zip} is not a {state} ZIP code"),
    "da.office_required": N_("office name: required"),
    "da.verified_in_future": N_("verified date: in the future"),
    # -- intake files -----------------------------------------------------------------------
    "file.unreadable": N_("cannot read {path}: {reason}"),
    # -- state profiles and packets -------------------------------------------------------------
    "profile.invalid": N_("{file}: {details}"),
    "profile.not_toml": N_("{file}: not valid TOML ({detail})"),
    "profile.unreadable": N_("{file}: cannot be read ({reason})"),
    "profile.bad_state_code": N_("a state is written as two letters, for example CA"),
    "profile.not_found": N_("no state profile for '{state}'; add {file} to the profiles folder"),
    "packet.no_notices": N_("the {state} profile serves no notices"),
    "packet.county_not_in_matter": N_("no conviction of this matter is in '{county}'"),
    "packet.pdf_password_too_short": N_("the PDF password needs at least {minimum} characters"),
    "form.not_stored": N_("no official form stored for {state}; first: clinic-app profile form {state} FILE.pdf"),
    "form.unknown_source": N_("unknown source '{source}'; for example client.full_name, conviction[0].case_number, matter.urgent_need"),
    "form.encrypted": N_("the form is password-protected; save an unprotected copy"),
    "form.unreadable": N_("not a readable PDF"),
    "form.no_fields": N_("the PDF has no fillable fields (AcroForm); ask for the fillable version of the form"),
    "form.no_such_field": N_("the form has no field named '{field}'; see: clinic-app profile fields {state}"),
    "form.push_button": N_("'{field}' is a push button; it holds no value"),
    "form.bad_mapping_file": N_("{file}: not a form mapping file"),
    "form.in_profile_file": N_("the {state} form is named in the clinic's profile file {state}.toml; change it there"),
    # -- backups ------------------------------------------------------------------------------
    "backup.passphrase_too_short": N_("a backup passphrase needs at least {minimum} characters"),
    "backup.is_a_folder": N_("{file} is a folder, not a Clinic Intake backup"),
    "backup.no_such_file": N_("no such file: {path}"),
    "backup.not_a_backup": N_("{file} is not a Clinic Intake backup"),
    "backup.made_by_newer_app": N_("{file} was made by a newer version of Clinic Intake; update the app to read it"),
    "backup.damaged_header": N_("{file} has a damaged header"),
    "backup.incomplete": N_("{file} is incomplete (truncated or cut off while copying)"),
    "backup.stored_key_does_not_open": N_("the stored automatic-backup key does not open this backup; enter its passphrase"),
    "backup.wrong_passphrase": N_("the backup passphrase is wrong, or the start of the backup file is damaged"),
    "backup.schema_too_new": N_("the backup uses schema {schema}, newer than this app understands ({latest}); update Clinic Intake to restore it"),
    "backup.failed_verification": N_("the backup failed verification: {details}"),
    "backup.none_to_test": N_("there is no backup to test yet; make one first"),
    "backup.passphrase_needed_to_test": N_("enter the backup passphrase to test this backup"),
    "backup.auto_folder_missing": N_("choose an existing folder for automatic backups"),
    "backup.auto_passphrase_needed": N_("automatic backups need the backup passphrase once"),
    "backup.auto_not_configured": N_("automatic backup is on but its folder or passphrase is not set; ask a manager"),
    "backup.folder_missing": N_("the folder {path} does not exist (is the drive connected?)"),
    "backup.file_exists": N_("{path} already exists; choose a new file name (backups are never overwritten)"),
    "backup.schema_outdated": N_("the vault's schema is not up to date; unlock it with this app first"),
    "backup.creation_time_unreadable": N_("the backup's creation time is unreadable"),
    "restore.target_not_empty": N_("{path} is not empty; a backup is only restored into a new or empty folder"),
    # -- sealed intake bundles ---------------------------------------------------------------
    "bundle_key.version": N_("this clinic key file was written by another version of the app"),
    "bundle_key.not_a_key": N_("not a clinic key file"),
    "bundle_key.damaged": N_("the clinic key file is damaged (its fingerprint does not match its key)"),
    "bundle_key.fingerprint_mismatch": N_("the key's fingerprint is {fingerprint}, not the one you were given"),
    "bundle_key.not_a_laptop_key": N_("not a laptop key file (a field laptop writes one with 'bundle laptop-key')"),
    "bundle_key.laptop_key_damaged": N_("the laptop key file is damaged (its fingerprint does not match its key)"),
    "bundle.no_trusted_key": N_("this vault trusts no clinic key yet; a manager runs 'bundle trust FILE'"),
    "bundle.no_clients": N_("there are no clients to send"),
    "bundle.write_failed": N_("the bundle written to {path} reads back differently; nothing was removed"),
    "bundle.client_has_unbundled_data": N_(
        "client {client_id} has documents ({documents}) or restricted values ({restricted}), which bundles do not carry; "
        "send with --keep (nothing is removed) and bring those to the clinic another way"
    ),
    "bundle.no_clinic_key": N_("this vault has no clinic bundle key, so no bundle is addressed to it"),
    "bundle.key_not_shared": N_(
        "the clinic bundle key has not been shared with you yet; it is, the next time an attorney or manager who holds it logs in"
    ),
    "bundle.key_lost": N_(
        "no one in this vault holds the clinic bundle key any more (a restored vault?); make a new one with "
        "'bundle key' and have the field laptops trust it"
    ),
    "bundle.no_files": N_("no bundle files found (they end in .clinicbundle)"),
    "bundle.sender_key_changed": N_("{file}: signed with a different key than earlier bundles from the same vault; ask who made it"),
    "bundle.sender_revoked": N_(
        "refused: signed by the laptop {laptop} (signer {fingerprint}), revoked {revoked_at}; nothing was imported"
    ),
    "bundle.sender_unknown": N_(
        "{file}: held, not imported: the laptop {laptop} (signer {fingerprint}, sent by {user}) is not enrolled; "
        "a manager compares that fingerprint with the laptop's and runs 'bundle accept FILE --fingerprint ...' "
        "(or 'bundle refuse FILE')"
    ),
    "bundle.sender_already_enrolled": N_("the laptop with signer {fingerprint} is enrolled already"),
    "bundle.sender_revoked_not_enrolled": N_("the laptop with signer {fingerprint} is revoked; undo the revocation first"),
    "bundle.enrol_other_key": N_(
        "this vault knows that laptop with another signing key, not {fingerprint}; ask who made the file"
    ),
    "bundle.sender_not_found": N_("no laptop this vault imported from has the signer fingerprint {fingerprint} (see 'bundle senders')"),
    "bundle.sender_ambiguous": N_("{fingerprint} is the start of several signer fingerprints ({matches}); give more of it"),
    "bundle.sender_already_revoked": N_("the laptop with signer {fingerprint} is revoked already"),
    "bundle.sender_not_revoked": N_("the laptop with signer {fingerprint} is not revoked"),
    "bundle.revoke_reason": N_("unknown reason {reason}; use one of: {reasons}"),
    "bundle.bad_payload": N_("the bundle's signed content is not valid ({where})"),
    "bundle.not_a_bundle": N_("not a Clinic Intake bundle"),
    "bundle.damaged": N_("the bundle is damaged, cut short or altered; ask the sender to export it again"),
    "bundle.version": N_("this bundle was written by another version of Clinic Intake"),
    "bundle.wrong_recipient": N_("this bundle is sealed to another clinic's key, not to this vault's"),
    "bundle.unsigned": N_("the bundle is not signed by the vault that sent it"),
    "bundle.bad_signature": N_("the bundle's signature does not match its sender"),
    "bundle.too_large": N_("the bundle is larger than this app accepts"),
    # -- the command line itself ---------------------------------------------------------------
    "cli.no_user": N_("no user given: use --user NAME or set CLINIC_USER"),
    "cli.password_file_unreadable": N_("cannot read the password file: {reason}"),
    "cli.no_password": N_("no password: set {variable}, use --password-file, or run in a terminal"),
    "cli.no_new_password": N_("no new password: set CLINIC_NEW_PASSWORD or run in a terminal"),
    "cli.passwords_differ": N_("the two passwords differ"),
    "cli.no_pdf_password": N_("no PDF password: set {variable} or run in a terminal"),
    "cli.pdf_passwords_differ": N_("the two PDF passwords differ"),
    "cli.no_backup_passphrase": N_("no backup passphrase: set {variable} or run in a terminal"),
    "cli.passphrases_differ": N_("the two passphrases differ"),
    "cli.not_a_folder": N_("{path} is not a folder"),
    "cli.form_file_and_remove": N_("give a FILE.pdf to store, or --remove, not both"),
    "cli.author_only_for_letters": N_("--author is for support letters"),
    "cli.case_not_listed": N_("no conviction with case number {case} is listed on this matter"),
    "cli.bad_verified_date": N_("--verified takes a date as YYYY-MM-DD"),
    "selftest.command_failed": N_("'{command}' exited {exit_code}: {message}"),
    "selftest.not_a_pdf": N_("{what} is not a PDF"),
    "selftest.no_migrations": N_("no schema migrations found in this build"),
    "selftest.sample_missing": N_("the bundled sample is missing ({file})"),
    "selftest.sample_imported_nothing": N_("the sample imported no matter"),
    "selftest.vault_check_failed": N_("vault check: {details}"),
    "selftest.backup_wrote_nothing": N_("backup create wrote nothing"),
}

# Messages whose words depend on a count: code -> ((singular, plural), name of the count parameter)
PLURALS: dict[str, tuple[tuple[str, str], str]] = {
    "packet.not_ready": (
        Np_(
            "the packet is not ready: {count} blocking problem; a draft can still be built",
            "the packet is not ready: {count} blocking problems; a draft can still be built",
        ),
        "count",
    ),
    "profile.files_do_not_load": (Np_("{count} profile file does not load", "{count} profile files do not load"), "count"),
    "vault.too_many_wrong_passwords": (
        Np_("too many wrong passwords; try again in {seconds} second", "too many wrong passwords; try again in {seconds} seconds"),
        "seconds",
    ),
    "vault.too_many_wrong_recovery_keys": (
        Np_("too many wrong recovery keys; try again in {seconds} second", "too many wrong recovery keys; try again in {seconds} seconds"),
        "seconds",
    ),
}

# Why a file could not be used, per errno: the system's `strerror` is English whatever LANG says.
# An error about a file carries `errno` next to `reason` (the strerror, for anything else).
FILE_PROBLEMS: dict[int, str] = {
    errno.ENOENT: N_("the file or folder does not exist"),
    errno.EACCES: N_("you do not have permission to use this file or folder"),
    errno.EPERM: N_("you do not have permission to use this file or folder"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk is full"),
    errno.EROFS: N_("the disk or folder is read-only"),
    errno.EFBIG: N_("the file is too large"),
}


def file_problem(number: int | None, translation: gettext.NullTranslations | None = None) -> str:
    """Why a file operation failed, in the current language ("the disk is full")."""
    tr = translation or current_translation()
    if number in FILE_PROBLEMS:
        return tr.gettext(FILE_PROBLEMS[number])
    if number is not None:
        return tr.gettext("the system refused it (error {number})").format(number=number)
    return tr.gettext("the system refused it")


# Shown after the headline when more problems were found than listed.
MORE_PROBLEMS = Np_("(and {more} more problem)", "(and {more} more problems)")


def known_codes() -> set[str]:
    return set(MESSAGES) | set(PLURALS)


def _language_of(translation: gettext.NullTranslations | None) -> str:
    if translation is None:
        return current_language()
    return (translation.info().get("language") or "en").split("_")[0]


def error_message(error: ClinicError, translation: gettext.NullTranslations | None = None) -> str:
    """One line for a person, in the current language (LANG/LANGUAGE for the CLI) unless
    `translation` is given."""
    tr = translation or current_translation()
    params = dict(error.params)
    if "errno" in params:  # a file the system refused: its words, not the system's English
        params["reason"] = file_problem(params["errno"], tr)
    if "revoked_at" in params:  # a stored UTC moment: the clinic's local time, in the person's language
        params["revoked_at"] = moment_words(params["revoked_at"], _language_of(translation))
    if error.code in PLURALS:
        (singular, plural), count_name = PLURALS[error.code]
        template = tr.ngettext(singular, plural, int(params.get(count_name, 0)))
    elif error.code in MESSAGES:
        template = tr.gettext(MESSAGES[error.code])
    else:  # a code without words yet (a test catches this): still say something useful
        return error.code + "".join(f" {k}={v}" for k, v in sorted(params.items()))
    try:
        text = template.format(**params)
    except (KeyError, IndexError, ValueError):
        return tr.gettext(MESSAGES.get(error.code, error.code))
    if "file" in params and "{file}" not in template:  # the file an error was found in
        text = f"{params['file']}: {text}"
    more = int(params.get("more", 0) or 0)
    if more:
        text += " " + tr.ngettext(*MORE_PROBLEMS, more).format(more=more)
    return text
