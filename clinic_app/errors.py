"""Typed errors that carry a code and parameters, never a sentence.

Every error the core reports to a person is `SomeError("area.what", name=value, ...)`:
the code is a stable id, the parameters are the values a message needs (user names, ids,
counts, file names; never client field values). Whoever shows the error owns its words:
the desktop app translates the code in `ui/error_text.py`, the command line in
`clinic_app/error_messages.py` (gettext, follows LANG). A test checks that every code
raised in `clinic_app/` has a message in both tables.

The class says what kind of failure it is (and the CLI's exit code); the code says which one.
Code that checks many files may add `file=` to an error it passes on; both tables then show
"FILE: message" when the message itself does not name it.
"""

from __future__ import annotations

from typing import Any


class ClinicError(Exception):
    """Base for every error the core reports to a person. `exit_code` is the CLI's."""

    exit_code = 1

    def __init__(self, code: str, /, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        # English (or LANG) text for logs, tracebacks and the CLI; the UI never shows this.
        from clinic_app.error_messages import error_message

        return error_message(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, **{self.params!r})"


class AuthenticationFailed(ClinicError):
    exit_code = 3


class GrantRefused(AuthenticationFailed):
    """The password (or recovery key) was right, but the account's signed grant does not
    verify: its user row was changed outside the app. Not a wrong password; a manager must
    check the vault. An AuthenticationFailed still (exit code 3): the account cannot act."""


class PermissionDenied(ClinicError):
    exit_code = 4


class VaultNotFound(ClinicError):
    pass


class VaultExists(ClinicError):
    pass


class VaultInUse(ClinicError):
    pass


class VaultLocked(ClinicError):
    pass


class SchemaTooNew(ClinicError):
    pass


class CorruptVault(ClinicError):
    pass


class NotFound(ClinicError):
    pass


class ValidationError(ClinicError):
    """Bad input. `problems` lists what is wrong where: `Problem`s (code, field, params,
    severity; see clinic_app.domain.validation) or, from older callers, 'where: what' strings."""

    SHOWN = 5  # problems named in the CLI's one-line message

    def __init__(self, code: str, /, problems: list | None = None, **params: Any):
        super().__init__(code, **params)
        self.problems = problems or []

    @classmethod
    def of(cls, problems: list) -> ValidationError:
        """The error for a list of validation problems; the CLI names the first few (field:
        what, in English), the app words each one (ui/problem_text.py)."""
        from clinic_app.domain.problem_text import problem_line

        lines = [problem_line(p) for p in problems[: cls.SHOWN]]
        return cls("validation.invalid", list(problems), details="; ".join(lines), more=max(0, len(problems) - cls.SHOWN))


class ThrottledError(AuthenticationFailed):
    """Too many wrong passwords: the caller must wait `retry_after` seconds."""

    def __init__(self, code: str, /, retry_after: float, **params: Any):
        super().__init__(code, seconds=int(retry_after + 0.999), **params)
        self.retry_after = retry_after
