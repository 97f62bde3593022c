"""History: the audit entries about this client and its matters (who did what, when)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout

from ui.models.audit_table_model import AuditTableModel
from ui.pages.workspace_tab import WorkspaceTab


class HistoryTab(WorkspaceTab):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = AuditTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(self.tr("History"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def reload(self) -> None:
        self.model.set_rows(self.session.clients.history(self.client_id))

    def clear(self) -> None:
        super().clear()
        self.model.clear()
