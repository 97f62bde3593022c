"""What the core found wrong while opening the vault, said to the people who must act on it.

The core reports findings as codes with parameters (`clinic_app/findings.py`): key-slot
copies it repaired (`vault.slot_repairs`), a signed user list that does not match the users
table (`grants.problems`), an audit log cut or rewritten since this user's last lock
(`audit_problems`). Who is told what:

- a repaired key-slot copy: whoever unlocked (the repair happened as they did);
- the user list: managers, who can set roles, remove accounts and restore (USER_MANAGE);
- the audit log: managers, who can back up and restore (BACKUP);
- anyone else who meets either of the last two is told to ask a manager, without details;
- settings the app passed over, keeping to what a manager signed (`settings.*`, purpose
  expiries, also in `grants.problems`): managers only (SETTINGS_MANAGE), who set them again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from clinic_app.roles import Permission
from ui.role_text import role_label

CONTEXT = "VaultNotices"

FINDINGS = {
    "keyslots.copy_damaged": QT_TRANSLATE_NOOP("VaultNotices", "A copy of the vault's key file ({file}) is damaged."),
    "keyslots.copy_missing": QT_TRANSLATE_NOOP("VaultNotices", "A copy of the vault's key file ({file}) is missing."),
    "keyslots.repaired": QT_TRANSLATE_NOOP(
        "VaultNotices", "A copy of the vault's key file ({file}) was damaged or missing; the app rewrote it from the other, intact copy."
    ),
    "grants.user_unsigned": QT_TRANSLATE_NOOP(
        "VaultNotices", "“{username}” was added outside the app: no manager signed this account. Unless you know who added it, remove it in Clinic ▸ Users."
    ),
    "grants.user_changed": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "The role of “{username}” was changed outside the app: a manager signed it as {signed_role}, the vault now says {role}. "
        "Set the right role in Clinic ▸ Users.",
    ),
    "grants.user_slot_replaced": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "The key slot of “{username}” was replaced or removed outside the app, so that account cannot open the vault. "
        "Reset its password in Clinic ▸ Users (with the recovery key).",
    ),
    "grants.user_deleted": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "“{username}” was deleted outside the app. Restore the latest backup from before the change (Tools ▸ Restore a backup), "
        "or add the account again in Clinic ▸ Users.",
    ),
    "grants.list_older": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "An older copy of the list of accounts and roles (version {version}) was put back; you have already seen version {seen}. "
        "Redo the latest changes in Clinic ▸ Users, or restore the latest backup (Tools ▸ Restore a backup).",
    ),
    "grants.inherited_forged": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "The key file kept from the backup held a key for this account that nobody entitled to it had sealed: "
        "it was changed outside the app. The app did not use it.",
    ),
    "grants.pending_unsigned": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "A file asking to remove {users} from the vault was written outside the app: no manager signed that removal, so the app "
        "did not carry it out. Find out who had access to this computer; a manager removes accounts in Clinic ▸ Users.",
    ),
    "grants.inherited_damaged": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "The key file kept from the backup this vault was restored from ({file}) is damaged, so keys held in the backed-up vault "
        "(such as the attorneys' key to restricted facts) cannot be brought back from it. Restricted facts written before the "
        "restore may stay unreadable: restore the backup again into a new folder (Tools ▸ Restore a backup) to get the file back.",
    ),
    "settings.retention_unsigned": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "The number of days restricted facts are kept after a matter is filed or closed was changed outside the app: no manager "
        "signed that value. Until a manager sets it again (Tools ▸ Privacy report, retention days), the app purges nothing automatically after filing "
        "or closing; purposes that expire are still purged.",
    ),
    "role_secret.copy_refused": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "Your account's copy of a key of your role (for an attorney, the key to restricted facts) was not the vault's current "
        "one: an older copy was put back, or it was sealed by someone not entitled to it. The app did not use it, so nothing "
        "you write goes under it. The current key is sealed to you again the next time another holder logs in (if you are "
        "the only attorney, reset your password with the recovery key). Find out who had access to this computer.",
    ),
    "recovery.key_waiting": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "Your password was reset with a recovery key that does not carry every key of your role yet (for an attorney, the key "
        "to restricted facts). Nothing is lost: another attorney holds it and it is shared with you the next time they log "
        "in. Until then, restricted facts stay closed to you.",
    ),
    "settings.auto_backup_unsigned": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "Automatic backups were turned off outside the app: no manager signed that. The app goes on making them every time "
        "it closes; a manager turns them off in Tools ▸ Backup.",
    ),
    "settings.backup_folder_unsigned": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "The folder for automatic backups is not the one a manager signed: it was changed outside the app, or set with an "
        "older version of the app or before a restore or a password reset. Automatic backups go to {folder} until a manager "
        "sets the folder again (Tools ▸ Backup).",
    ),
    "settings.letterhead_unsigned": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "The letterhead (clinic name, address, phone, email) is not the one a manager signed: it was changed outside the app, "
        "or set with an older version of the app or before a restore or a password reset. Packets print the letterhead a "
        "manager signed; where there is none, final packets are refused. Check the letterhead in Clinic ▸ Clinic settings and save it.",
    ),
    "restricted.expiry_unsigned": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "Restricted purposes whose expiry was changed outside the app, not as an attorney signed it: {count}. The app keeps to "
        "the expiry the attorney set, so those facts are purged on that date, neither sooner nor later. Find out who had access "
        "to this computer.",
    ),
    "restore.rolled_back": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "A restore of a backup over this vault was interrupted before it was done. The vault is as it was before that restore; "
        "nothing in it was lost. Restore the backup again if you still want it (Tools ▸ Restore a backup).",
    ),
    "restore.key_not_shown": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "A restore of a backup over this vault was interrupted as it ended. The restored vault is in place (the previous one is "
        "kept beside it as {previous}), but its new recovery key was never shown, so nobody has it. Before any work, a manager "
        "makes a new recovery key (Clinic ▸ New recovery key) and keeps the key it shows.",
    ),
    "audit.truncated": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "The audit log now ends at entry {count}, but you saw entry {seen} when you last locked the vault: entries were deleted outside the app.",
    ),
    "audit.rewritten": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "Audit entry {seq} is not the one you saw when you last locked the vault: entries were deleted or rewritten outside the app.",
    ),
    "audit.not_signed": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "Audit entry {seq} is in the name of “{username}” but is not signed with their key: it was written or changed outside the app.",
    ),
}
# The signed list itself is unusable (forged, damaged, absent, not trusted): one sentence for all.
LIST_UNUSABLE = QT_TRANSLATE_NOOP(
    "VaultNotices",
    "The signed list of accounts and roles was changed or damaged outside the app, so no role can be trusted from it. "
    "Restore the latest backup from before the change (Tools ▸ Restore a backup).",
)
LIST_UNUSABLE_CODES = ("grants.no_list", "grants.list_damaged", "grants.no_trusted_key", "grants.list_forged")
UNKNOWN = QT_TRANSLATE_NOOP("VaultNotices", "Something was changed outside the app (“{0}”, which this version of the app cannot put into words).")

RESTORE_TITLE = QT_TRANSLATE_NOOP("VaultNotices", "An interrupted restore")  # restore.*: said at start, before any unlock

TITLES = {
    "keyslots": QT_TRANSLATE_NOOP("VaultNotices", "The vault's key file was repaired"),
    "grants": QT_TRANSLATE_NOOP("VaultNotices", "Accounts and roles were changed outside the app"),
    "settings": QT_TRANSLATE_NOOP("VaultNotices", "Settings a manager must set again"),
    "audit": QT_TRANSLATE_NOOP("VaultNotices", "The audit log was cut or rewritten"),
}
ACTIONS = {
    ("keyslots", True): QT_TRANSLATE_NOOP(
        "VaultNotices",
        "Nothing was lost. Damage like this can mean a failing disk: make a backup now (Tools ▸ Backup), and if this message "
        "comes back, have the disk checked.",
    ),
    ("keyslots", False): QT_TRANSLATE_NOOP(
        "VaultNotices",
        "Nothing was lost. Damage like this can mean a failing disk: tell a clinic manager, so that they make a backup and have the disk checked.",
    ),
    ("grants", True): QT_TRANSLATE_NOOP(
        "VaultNotices",
        "If no manager made these changes in the app, someone changed the vault's files directly. For the full report, run "
        "Clinic ▸ Check the vault.",
    ),
    ("settings", True): QT_TRANSLATE_NOOP(
        "VaultNotices",
        "Set each one again where its line says; until then the app keeps to what a manager signed. Unless these were set with "
        "an older version of the app or before a restore or a password reset, the vault's files were changed directly: find "
        "out who had access to this computer.",
    ),
    ("audit", True): QT_TRANSLATE_NOOP(
        "VaultNotices",
        "The log cannot be put back from here, and older backups still hold the lost entries. Keep this vault as it is, make a "
        "backup of it now as evidence (Tools ▸ Backup), and find out who had access to this computer. For the full report, run "
        "Clinic ▸ Check the vault.",
    ),
}
ASK_A_MANAGER = {
    "grants": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "While opening the vault, the app found that the list of accounts and roles was changed outside it. Tell a clinic manager "
        "today; they see what changed, and what to do, when they sign in.",
    ),
    "audit": QT_TRANSLATE_NOOP(
        "VaultNotices",
        "While opening the vault, the app found that its audit log was cut or rewritten outside it. Tell a clinic manager today; "
        "they see what changed, and what to do, when they sign in.",
    ),
}
WHO_MUST_ACT = {"grants": Permission.USER_MANAGE, "audit": Permission.BACKUP, "settings": Permission.SETTINGS_MANAGE}
# Settings the app passed over (it keeps to the signed value meanwhile): told to managers only,
# who set them again; nobody else has anything to do.
SETTINGS_CODES = ("settings.", "restricted.expiry_unsigned")


@dataclass
class Notice:
    """One kind of problem: what happened (a line per finding) and what to do."""

    kind: str  # keyslots | grants | settings | audit
    title: str
    lines: list[str] = field(default_factory=list)
    action: str = ""


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def finding_text(finding) -> str:
    """One finding in the UI language; a code without words here (a newer core) is named, never
    shown in the core's English."""
    code, params = getattr(finding, "code", ""), dict(getattr(finding, "params", {}))
    if code in LIST_UNUSABLE_CODES:
        return _tr(LIST_UNUSABLE)
    if code not in FINDINGS:
        return _tr(UNKNOWN).replace("{0}", code)
    for name in ("role", "signed_role"):
        if name in params:
            try:
                params[name] = role_label(params[name])
            except ValueError:  # a role this version does not know: shown as the vault has it
                pass
    return _tr(FINDINGS[code]).format_map(_Params(params))


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def vault_notices(session) -> list[Notice]:
    """The notices this user must see after unlocking, most urgent first."""
    problems = list(session.grants.problems if session.grants is not None else [])
    passed_over = [f for f in problems if getattr(f, "code", "").startswith(SETTINGS_CODES)]
    found = {
        "audit": list(session.audit_problems or []),
        "grants": [f for f in problems if f not in passed_over],
        "settings": passed_over,
        "keyslots": list(session.vault.slot_repairs or []),
    }
    notices = []
    for kind, findings in found.items():
        if not findings:
            continue
        may_act = kind == "keyslots" or session.may(WHO_MUST_ACT[kind])
        if not may_act and kind == "settings":
            continue
        if not may_act:
            notices.append(Notice(kind, _tr(TITLES[kind]), [], _tr(ASK_A_MANAGER[kind])))
            continue
        lines = list(dict.fromkeys(finding_text(f) for f in findings))  # one unusable-list line, not four
        manager = session.may(Permission.BACKUP)
        notices.append(Notice(kind, _tr(TITLES[kind]), lines, _tr(ACTIONS[(kind, manager if kind == "keyslots" else True)])))
    return notices
