"""What the core finds wrong on its own while opening a vault: a key-slot copy it repaired
(`vault.slot_repairs`), a signed user list that does not match the users table
(`grants.problems`), an audit log cut or rewritten since this user's last lock
(`audit_problems`).

Each finding is its English sentence, as logs, audit details and `vault check` print it, and
also a code with parameters (user names, file names, counts; never client data), so the app
can say it in the UI language with what to do (ui/vault_notices.py). A `str` subclass, so
every place that joins, prefixes or compares these sentences keeps working. Every code is
declared in `CODES`, so the app can prove it has words for each (tests/ui/test_vault_notices.py).
"""

from __future__ import annotations

from typing import Any


CODES = (
    "keyslots.copy_damaged",  # a copy of keyslots.json does not parse ({file})
    "keyslots.copy_missing",  # the first copy is absent ({file})
    "keyslots.repaired",  # a damaged copy rewritten from the other at unlock ({file})
    "grants.no_list",  # the signed user list itself cannot be used: absent,
    "grants.list_damaged",  # damaged,
    "grants.no_trusted_key",  # trusted by no key of this account's slot,
    "grants.list_forged",  # or not verifying
    "grants.list_older",  # an older signed list put back ({version}, {seen})
    "grants.user_unsigned",  # {username}
    "grants.user_changed",  # {username}, {role}, {signed_role}
    "grants.user_slot_replaced",  # {username}
    "grants.user_deleted",  # {username}
    "grants.inherited_forged",  # a secret in the backup's key-slot file nobody entitled sealed ({secret})
    "grants.pending_unsigned",  # keyslots.pending.json left unfinished: no signed list backs its removal ({users})
    "grants.inherited_damaged",  # the backup's key-slot file does not parse: nothing inherited from it ({file})
    "audit.truncated",  # {count}, {seen}
    "audit.rewritten",  # {seq}
    "restore.rolled_back",  # a restore over the vault killed before its restored vault was in place: undone
    "restore.key_not_shown",  # one killed as it ended: the restored vault is in place, its recovery key never shown ({previous})
    "settings.retention_unsigned",  # retention days not as a manager signed them: no automatic purge by retention
    "settings.auto_backup_unsigned",  # automatic backups turned off (or the row deleted) not as a manager signed it: still made
    "settings.backup_folder_unsigned",  # the backup folder not as a manager signed it: backups go to {folder}
    "settings.letterhead_unsigned",  # the letterhead not as a manager signed it: the signed one printed, or final packets refused
    "restricted.expiry_unsigned",  # a purpose's stored expiry is not the one an attorney signed ({count})
    "role_secret.copy_refused",  # a copy of a role secret ({secret}) not the current key (put back, or sealed by the clinic key): not used
    "recovery.key_waiting",  # a reset user gets a role secret ({secret}) at another holder's next login
    "audit.not_signed",  # an entry in a signing account's name without its valid signature ({seq}, {username})
)
_DECLARED = frozenset(CODES)


class Finding(str):
    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, text: str, /, **params: Any) -> Finding:
        if code not in _DECLARED:
            raise ValueError(f"undeclared finding code {code!r}: add it to findings.CODES")
        finding = super().__new__(cls, text)
        finding.code = code
        finding.params = params
        return finding

    def __reduce__(self):
        return (_rebuild, (self.code, str(self), self.params))


def _rebuild(code: str, text: str, params: dict) -> Finding:
    return Finding(code, text, **params)
