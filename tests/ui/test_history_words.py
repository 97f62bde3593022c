"""A client's history says what happened in the UI language ("viewed", "consultado"), not the
audit codes the core records ("view", "client"); an unknown code still shows as itself."""

from __future__ import annotations

from tests.ui.conftest import unlock
from tests.ui.test_main_window import seed


def history_cells(window) -> set[tuple[str, str]]:
    model = window.workspace.history.model
    return {(model.index(r, 2).data(), model.index(r, 3).data()) for r in range(model.rowCount())}


def test_history_actions_and_records_are_words_in_english_and_spanish(qapp, qtbot, main_window, vault):
    from ui.i18n import install_translators
    from ui.models.audit_table_model import AuditTableModel

    ids = seed(vault)
    unlock(main_window, "manager")
    main_window.open_client(ids["Chen"])
    assert ("viewed", "client") in history_cells(main_window)
    assert not {cell for cell in history_cells(main_window) if cell[0] in ("view", "create")}
    install_translators(qapp, "es")
    try:
        main_window.workspace.history.reload()
        assert ("consultado", "cliente") in history_cells(main_window)
    finally:
        install_translators(qapp, "en")
    action = AuditTableModel.COLUMNS[2]
    assert main_window.workspace.history.model.display_text(action, "vault.new_thing") == "vault.new_thing"
