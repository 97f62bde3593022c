"""Role names and "why is this grey?" reasons in the UI language (the core only has codes).

`clinic_app.roles` is imported where it is used: the locked window at start-up asks no role
(about 4 ms with its dataclasses, bench/startup_bench.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


def role_label(role: str) -> str:  # a clinic_app.roles.Role or its value
    from clinic_app.roles import Role

    labels = {
        Role.PARALEGAL: QCoreApplication.translate("role", "paralegal"),
        Role.ATTORNEY: QCoreApplication.translate("role", "attorney"),
        Role.MANAGER: QCoreApplication.translate("role", "manager"),
    }
    return labels[Role(role)]


def only_for(*roles) -> str:  # clinic_app.roles.Role members
    """'Only a clinic manager can do this.' / 'Only an attorney or a manager can do this.'"""
    from clinic_app.roles import Role

    if set(roles) == {Role.MANAGER}:
        return QCoreApplication.translate("role", "Only a clinic manager can do this.")
    if set(roles) == {Role.ATTORNEY}:
        return QCoreApplication.translate("role", "Only an attorney can do this.")
    return QCoreApplication.translate("role", "Only an attorney or a clinic manager can do this.")


def only_for_operation(operation) -> str:
    """The "only ... can do this" reason for a core operation, from the rule it declares."""
    from clinic_app.roles import Role, allows, rule_of

    rule = rule_of(operation)
    return only_for(*(role for role in Role if allows(rule, role)))


def allow(widget: QWidget, allowed: bool, reason: str) -> None:
    """Enable `widget`, or disable it with the reason as its tooltip and status tip. An enabled
    widget gets back the tips it had before the first call (what the button does)."""
    own = widget.property("own_tips")
    if own is None:
        own = (widget.toolTip(), widget.statusTip())
        widget.setProperty("own_tips", own)
    widget.setEnabled(allowed)
    widget.setToolTip(own[0] if allowed else reason)
    widget.setStatusTip(own[1] if allowed else reason)
