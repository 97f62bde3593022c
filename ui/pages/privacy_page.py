"""The privacy report: what restricted data the clinic holds, for which matters, why and until
when (never the values), and a button that runs retention now. Attorneys and managers."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError
from clinic_app.roles import MAY_PURGE, Permission
from ui.error_text import error_text
from ui.labels import category_label
from ui.tasks import run_in_background
from ui.widgets.error_label import ErrorLabel


class PrivacyPage(QWidget):
    purged = Signal(int)  # values removed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = None
        self.last_purge = ""  # shown under the report after "Purge now"
        self.setObjectName("privacyPage")
        self.summary = QLabel(self)
        self.summary.setObjectName("privacySummary")
        self.summary.setWordWrap(True)
        self.error = ErrorLabel(self)
        self.model = QStandardItemModel(0, 8, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Category"),
                self.tr("Client"),
                self.tr("Matter"),
                self.tr("Values"),
                self.tr("Purpose"),
                self.tr("Consent"),
                self.tr("Expires"),
                self.tr("Purge by"),
            ]
        )
        self.table = QTableView(self)
        self.table.setObjectName("privacyReport")
        self.table.setAccessibleName(self.tr("Privacy report"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("refreshPrivacy")
        self.refresh_button.clicked.connect(self.reload)
        self.purge_button = QPushButton(self.tr("&Purge now"), self)
        self.purge_button.setObjectName("purgeNow")
        self.purge_button.setToolTip(self.tr("Delete restricted values whose purpose expired or whose matter passed the retention period"))
        self.purge_button.clicked.connect(self.purge_now)
        # The retention period is the manager's policy.
        self.retention = QSpinBox(self)
        self.retention.setObjectName("retentionDays")
        self.retention.setRange(0, 3650)
        self.retention.setSuffix(self.tr(" days"))
        self.retention.setAccessibleName(self.tr("Days after filing or closing before restricted values are purged"))
        self.retention_label = QLabel(self.tr("Purge restricted values this long after a matter is filed or closed:"), self)
        self.retention_label.setBuddy(self.retention)
        self.save_retention = QPushButton(self.tr("Save &period"), self)
        self.save_retention.setObjectName("saveRetention")
        self.save_retention.clicked.connect(self.save_retention_days)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.retention_label)
        buttons.addWidget(self.retention)
        buttons.addWidget(self.save_retention)
        buttons.addWidget(self.purge_button)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<b>Restricted data held by the clinic</b>"), self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def load(self, session) -> None:
        self.session = session
        self.reload()

    def clear(self) -> None:
        self.session = None
        self.last_purge = ""
        self.model.removeRows(0, self.model.rowCount())
        self.summary.clear()
        self.error.clear_message()

    def reload(self) -> None:
        self.error.clear_message()
        self.model.removeRows(0, self.model.rowCount())
        if self.session is None:
            return
        allowed = self.session.may(Permission.PRIVACY_REPORT)
        self.table.setVisible(allowed)
        self.refresh_button.setVisible(allowed)
        self.purge_button.setVisible(self.session.may(MAY_PURGE))
        manager = self.session.may(Permission.SETTINGS_MANAGE)
        for widget in (self.retention_label, self.retention, self.save_retention):
            widget.setVisible(manager)
        if manager:
            self.retention.setValue(int(self.session.settings.get("privacy.retention_days")))
        if not allowed:
            self.summary.setText(self.tr("Only attorneys and managers can see the privacy report."))
            return
        run_in_background(self.session.restricted.report, self._show, self._failed)

    def _show(self, report: dict) -> None:
        consent_yes = self.tr("yes, %1")
        for category in report["categories"]:
            for m in category["matters"]:
                consent = consent_yes.replace("%1", m["consent_on"] or "") if m["client_consent"] else self.tr("not recorded")
                purpose = self.tr("work product") if m["purpose"] == "attorney_work_product" else self.tr("profile requires")
                cells = [
                    category_label(category["category"]), m["client"], m["matter_id"][:8], str(m["count"]), f"{purpose} ({m['enabled_by']})",
                    consent, m["expires_on"], m["purge_on"],
                ]
                self.model.appendRow([QStandardItem(text) for text in cells])
        held = [f"{category_label(c['category'])}: {c['count']}" for c in report["categories"] if c["count"]]
        text = self.tr("%n restricted values held.", "", report["total_values"])
        if report["retention_signed"]:
            text += " " + self.tr("Values are purged %n days after a matter is filed or closed, or when their purpose expires.", "", report["retention_days"])
        else:  # settings.retention_unsigned: the stored period purges nothing
            text += " " + self.tr(
                "Values are purged when their purpose expires. The retention period (%n days) was changed outside the app and "
                "no manager signed it, so nothing is purged after filing or closing until a manager saves the period again.",
                "",
                report["retention_days"],
            )
        if held:
            text += "\n" + "; ".join(held)
        if self.last_purge:
            text += "\n" + self.last_purge
        self.summary.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self.error.show_message(error_text(exc) if isinstance(exc, ClinicError) else self.tr("The report could not be made."))

    def save_retention_days(self) -> None:
        self.error.clear_message()
        try:
            self.session.settings.set("privacy.retention_days", self.retention.value())
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return
        self.reload()

    def purge_now(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Purge restricted data"),
            self.tr("Delete every restricted value that is past its retention date or purpose expiry now?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.purge_button.setEnabled(False)
        run_in_background(self.session.restricted.purge_due, self._purge_done, self._purge_failed)

    def _purge_done(self, result) -> None:
        self.purge_button.setEnabled(True)
        self.last_purge = self.tr("Purged %n restricted values.", "", result.values)
        self.purged.emit(result.values)
        self.reload()

    def _purge_failed(self, exc: BaseException) -> None:
        self.purge_button.setEnabled(True)
        self._failed(exc)
