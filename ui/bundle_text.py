"""Display text for what the bundle core reports as codes (the UI owns the words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clinic_app.errors import ClinicError


def bundle_error_text(exc: BaseException) -> str:
    code = getattr(exc, "code", "")
    messages = {
        "bundle.not_a_bundle": QCoreApplication.translate("BundleText", "This file is not a Clinic Intake bundle."),
        "bundle.damaged": QCoreApplication.translate("BundleText", "The bundle is damaged, cut short or was altered. Ask the sender to export it again."),
        "bundle.wrong_recipient": QCoreApplication.translate("BundleText", "This bundle is sealed to another clinic's key, not to this vault's."),
        "bundle.unsigned": QCoreApplication.translate("BundleText", "The bundle is not signed by the laptop that sent it, so it is refused."),
        "bundle.bad_signature": QCoreApplication.translate("BundleText", "The bundle's signature does not match its sender, so it is refused."),
        "bundle.sender_key_changed": QCoreApplication.translate(
            "BundleText", "The bundle claims to come from a laptop that earlier signed with a different key. Ask who made it."
        ),
        "bundle.no_clinic_key": QCoreApplication.translate("BundleText", "This vault has no clinic key, so no bundle is addressed to it."),
        "bundle.no_trusted_key": QCoreApplication.translate("BundleText", "This laptop is not set up to send to a clinic yet: a manager chooses the clinic's key file."),
        "bundle.version": QCoreApplication.translate("BundleText", "This bundle was written by another version of Clinic Intake."),
        "bundle.too_large": QCoreApplication.translate("BundleText", "The bundle is larger than this app accepts."),
        "bundle.write_failed": QCoreApplication.translate("BundleText", "The bundle could not be written correctly to that folder; nothing was removed."),
        "bundle_key.not_a_key": QCoreApplication.translate("BundleText", "This file is not a clinic key file."),
        "bundle_key.damaged": QCoreApplication.translate("BundleText", "The clinic key file is damaged."),
    }
    if code in messages:
        return messages[code]
    if isinstance(exc, OSError):
        return QCoreApplication.translate("BundleText", "The file or folder could not be used: %1").replace("%1", exc.strerror or "")
    if isinstance(exc, ClinicError):
        return str(exc)
    raise exc
