"""Roles and what each may do. Enforced by the services, whatever the UI shows."""

from enum import Enum


class Role(str, Enum):
    PARALEGAL = "paralegal"
    ATTORNEY = "attorney"
    MANAGER = "manager"


class Permission(str, Enum):
    CLIENT_READ = "client.read"
    CLIENT_WRITE = "client.write"
    CLIENT_DELETE = "client.delete"
    INTAKE_IMPORT = "intake.import"
    INTAKE_EXPORT = "intake.export"  # data leaving the machine
    PACKET_CHECK = "packet.check"
    PACKET_BUILD = "packet.build"
    RESTRICTED_ACCESS = "restricted.access"  # immigration facts, attorney work product
    PRIVACY_REPORT = "privacy.report"
    PRIVACY_PURGE = "privacy.purge"
    USER_MANAGE = "user.manage"
    SETTINGS_MANAGE = "settings.manage"
    BACKUP = "backup"
    AUDIT_READ = "audit.read"
    BUNDLE_SEND = "bundle.send"  # seal own intakes for the clinic (and remove them here)
    BUNDLE_RECEIVE = "bundle.receive"  # hold the clinic key, open and import bundles


_EVERYONE = {
    Permission.CLIENT_READ,
    Permission.CLIENT_WRITE,
    Permission.INTAKE_IMPORT,
    Permission.PACKET_CHECK,
    Permission.BUNDLE_SEND,
}

PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.PARALEGAL: frozenset(_EVERYONE),
    Role.ATTORNEY: frozenset(
        _EVERYONE
        | {
            Permission.CLIENT_DELETE,
            Permission.INTAKE_EXPORT,
            Permission.PACKET_BUILD,
            Permission.RESTRICTED_ACCESS,
            Permission.PRIVACY_REPORT,
            Permission.AUDIT_READ,
            Permission.BUNDLE_RECEIVE,
        }
    ),
    Role.MANAGER: frozenset(
        _EVERYONE
        | {
            Permission.CLIENT_DELETE,
            Permission.INTAKE_EXPORT,
            Permission.PACKET_BUILD,
            Permission.PRIVACY_REPORT,
            Permission.PRIVACY_PURGE,
            Permission.USER_MANAGE,
            Permission.SETTINGS_MANAGE,
            Permission.BACKUP,
            Permission.AUDIT_READ,
            Permission.BUNDLE_RECEIVE,
        }
    ),
}


def can(role: Role, permission: Permission) -> bool:
    return permission in PERMISSIONS[Role(role)]
