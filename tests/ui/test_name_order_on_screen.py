"""Names on screen in the client's own order: the intake review, the workspace header, the list."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import unlock


def test_family_first_name_in_review_header_and_list(qtbot, main_window):
    unlock(main_window, "paralegal")
    main_window.new_intake()
    wizard = main_window.intake_wizard
    form = wizard.client_page.form
    form.given.setText("Thị Hồng")  # QTest types ASCII only; the order is chosen by keyboard below
    form.family.setText("Nguyễn")
    form.name_order.setFocus()
    qtbot.keyClick(form.name_order, Qt.Key.Key_Down)  # given first -> family first
    for _ in range(4):
        wizard.next()
    assert wizard.currentPage() is wizard.review_page
    assert "Nguyễn Thị Hồng" in wizard.review_page.summary.text()
    wizard.accept()
    workspace = main_window.workspace
    assert workspace.header.text() == "Nguyễn Thị Hồng"
    model = main_window.list_pane.model
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert "Nguyễn, Thị Hồng" in names  # the list says Family, Given either way


def test_header_follows_a_changed_order_after_saving(qtbot, main_window):
    from clinic_app.domain.models import Client

    unlock(main_window)
    client = main_window.session.clients.create(Client(given_name="Thị Hồng", family_name="Nguyễn"))
    main_window.list_pane.model.refresh()
    main_window.open_client(client.id, 0)
    workspace = main_window.workspace
    assert workspace.header.text() == "Thị Hồng Nguyễn"
    combo = workspace.profile.form.name_order
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    main_window.save_action.trigger()
    assert workspace.header.text() == "Nguyễn Thị Hồng"
    assert main_window.session.clients.get(client.id).full_name == "Nguyễn Thị Hồng"
