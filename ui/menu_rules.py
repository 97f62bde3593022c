"""Which core operation each menu action runs, so that a menu asks the rule declared on that
operation (`session.may`), as every button does, instead of restating it as a permission.

Importing the operations loads their service modules (~50 ms), so the unlock worker calls
`operations()` before the window gets the session: the GUI thread never pays for it, and the
locked window loads none of them."""

from __future__ import annotations

from functools import cache


@cache
def operations() -> dict[str, object]:
    """Action object name -> the core operation it runs."""
    from clinic_app.backup.service import BackupService
    from clinic_app.bundles.service import BundleService
    from clinic_app.lifecycle import replace_recovery_key, restore_over_this_vault
    from clinic_app.services.clients import ClientService
    from clinic_app.services.da_offices import DaOfficeService
    from clinic_app.services.intake import IntakeService
    from clinic_app.services.profile_checks import ProfileChecks
    from clinic_app.services.restricted_report import PrivacyReport
    from clinic_app.services.settings import SettingsService
    from clinic_app.services.users import UserService
    from clinic_app.vault_check import check

    return {
        "newIntake": ClientService.create_with_matter,
        "importIntake": IntakeService.import_document,
        "deleteClient": ClientService.delete,
        "clientMenu": ClientService.get,
        "securitySettings": SettingsService.set,
        "backup": BackupService.create,
        "restore": restore_over_this_vault,
        "privacyReport": PrivacyReport.report,
        "users": UserService.set_signature,  # everyone has a record of their own to edit there
        "clinicSettings": SettingsService.set,
        "daOffices": DaOfficeService.list,
        "stateProfiles": ProfileChecks.last,
        "checkVault": check,
        "newRecoveryKey": replace_recovery_key,
        "sendToClinic": BundleService.export,
        "importBundles": BundleService.import_paths,
        "bundleDropFolder": BundleService.set_drop_folder,
        "bundleSenders": BundleService.known_senders,
    }


def may_run(session, name: str) -> bool:
    """Whether `session` (None while locked) may run the operation of the action `name`; a rule
    for one's own record or someone else's (OwnOr) is asked for the user's own."""
    if session is None:
        return False
    from clinic_app.roles import OwnOr, rule_of

    operation = operations()[name]
    rule = rule_of(operation)
    own = {rule.argument: session.user.username} if isinstance(rule, OwnOr) else {}
    return session.may(operation, **own)


def offer(action, session) -> None:
    """A menu action that runs a core operation: hidden while the vault is locked; unlocked,
    enabled when the operation's rule lets this user run it, else grey saying who can."""
    action.setVisible(session is not None)
    if session is None:
        return
    from ui.role_text import allow, only_for_operation

    if action.property("own_tips") is None:  # an action's own tooltip is its text: keep it derived
        action.setProperty("own_tips", ("", action.statusTip()))
    allow(action, may_run(session, action.objectName()), only_for_operation(operations()[action.objectName()]))
