"""Typed errors. Messages never contain client field values, only names of fields and ids."""


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
    """Bad input. `problems` is a list of 'where: what' strings."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []


class ThrottledError(AuthenticationFailed):
    """Too many wrong passwords: the caller must wait `retry_after` seconds."""

    def __init__(self, message: str, retry_after: float):
        super().__init__(message)
        self.retry_after = retry_after
