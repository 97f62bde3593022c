"""Typed errors. Messages never contain client field values, only names of fields and ids."""

from __future__ import annotations


class ClinicError(Exception):
    """Base for every error the core reports to a person. `exit_code` is the CLI's."""

    exit_code = 1


class AuthenticationFailed(ClinicError):
    exit_code = 3


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

    SHOWN = 5  # problems named in the one-line message

    def __init__(self, message: str, problems: list | None = None):
        super().__init__(message)
        self.problems = problems or []

    @classmethod
    def of(cls, problems: list) -> ValidationError:
        """One line naming the first problems (field: what), the rest counted."""
        from clinic_app.domain.problem_text import problem_line

        lines = [problem_line(p) for p in problems[: cls.SHOWN]]
        more = f" (and {len(problems) - cls.SHOWN} more)" if len(problems) > cls.SHOWN else ""
        return cls("; ".join(lines) + more, list(problems))


class ThrottledError(AuthenticationFailed):
    """Too many wrong passwords: the caller must wait `retry_after` seconds."""

    def __init__(self, message: str, retry_after: float):
        super().__init__(message)
        self.retry_after = retry_after
