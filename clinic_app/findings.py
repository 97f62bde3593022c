"""What the core finds wrong on its own while opening a vault: a key-slot copy it repaired
(`vault.slot_repairs`), a signed user list that does not match the users table
(`grants.problems`), an audit log cut or rewritten since this user's last lock
(`audit_problems`).

Each finding is its English sentence, as logs, audit details and `vault check` print it, and
also a code with parameters (user names, file names, counts; never client data), so the app
can say it in the UI language with what to do (ui/vault_notices.py). A `str` subclass, so
every place that joins, prefixes or compares these sentences keeps working.
"""

from __future__ import annotations

from typing import Any


class Finding(str):
    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, text: str, /, **params: Any) -> Finding:
        finding = super().__new__(cls, text)
        finding.code = code
        finding.params = params
        return finding

    def __reduce__(self):
        return (_rebuild, (self.code, str(self), self.params))


def _rebuild(code: str, text: str, params: dict) -> Finding:
    return Finding(code, text, **params)
