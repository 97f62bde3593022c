"""Paralegals: no dead ends (land on the new matter's details, grey buttons say why);
the packet preview says what to do before a build and zooms after it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView

from clinic_app.errors import ClinicError
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.packet_helpers import make_matter
from tests.ui.conftest import unlock
from ui.pages.packet_page import PacketPage


def test_paralegal_lands_on_the_new_matters_details_after_saving_an_intake(qtbot, main_window, vault):
    unlock(main_window, "paralegal")
    workspace = main_window.workspace
    main_window.new_intake()
    wizard = main_window.intake_wizard
    form = wizard.client_page.form
    form.given.setText("Tuấn")
    form.family.setText("Lê")
    for _ in range(4):
        wizard.next()
    wizard.accept()
    assert workspace.tabs.currentWidget() is workspace.matters
    assert workspace.matters.sections.currentIndex() == 0  # Details, never Restricted
    assert workspace.matters.sections.tabText(0) == "Details"
    # Saving a second intake while the Packet tab was showing still lands on Details.
    workspace.matters.sections.setCurrentWidget(workspace.matters.packet_page)
    main_window.new_intake()
    wizard = main_window.intake_wizard
    wizard.client_page.form.given.setText("Wei")
    wizard.client_page.form.family.setText("Lin")
    for _ in range(4):
        wizard.next()
    wizard.accept()
    assert workspace.matters.sections.currentIndex() == 0


def test_packet_buttons_say_why_they_are_grey(qtbot, vault, session):
    matter_id = make_matter(session)
    page = PacketPage(session, matter_id)
    qtbot.addWidget(page)
    assert not page.save_button.isEnabled() and page.save_button.toolTip() == "Build the packet first."
    # Enabled buttons keep their own tooltips (what they do), not an empty one.
    assert page.notices_button.isEnabled() and page.notices_button.toolTip().startswith("The Notices of Intent alone")
    assert page.instructions_button.isEnabled() and page.instructions_button.toolTip().startswith("The client's own sheet")
    session.lock()
    paralegal = open_session(vault, "paralegal", PASSWORD)
    try:
        page = PacketPage(paralegal, matter_id)
        qtbot.addWidget(page)
        for button in (page.build_button, page.save_button, page.print_button, page.notices_button, page.instructions_button):
            assert not button.isEnabled()
            assert button.toolTip() == "Only an attorney or a clinic manager can build packets."
        assert "Only an attorney or a clinic manager can build the packet" in page.status.text()
        assert page.preview_stack.currentWidget() is page.preview_placeholder
        assert "once an attorney or a clinic manager builds it" in page.preview_placeholder.text()
    finally:
        paralegal.lock()


def test_preview_placeholder_then_zoom_and_fit_width(qtbot, session):
    matter_id = make_matter(session)
    page = PacketPage(session, matter_id)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    assert page.preview_stack.currentWidget() is page.preview_placeholder
    assert "Build packet" in page.preview_placeholder.text()
    page.draft.setChecked(True)
    with qtbot.waitSignal(page.packet_built, timeout=30000):
        page.build_button.click()
    assert page.preview_stack.currentWidget() is page.preview_page
    assert page.preview.zoomMode() == QPdfView.ZoomMode.FitToWidth
    page.zoom_in_button.click()
    assert page.preview.zoomMode() == QPdfView.ZoomMode.Custom
    first = page.preview.zoomFactor()
    page.zoom_in_button.click()
    assert abs(page.preview.zoomFactor() - first * 1.25) < 1e-6
    assert page.zoom_label.text().endswith("%")
    page.fit_width_button.click()
    assert page.preview.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_a_refused_build_reads_as_a_sentence(qtbot, session, monkeypatch):
    matter_id = make_matter(session)
    page = PacketPage(session, matter_id)
    qtbot.addWidget(page)
    page._failed(ClinicError("packet.not_ready", count=1))
    assert page.status.text().startswith("The packet is not ready")
