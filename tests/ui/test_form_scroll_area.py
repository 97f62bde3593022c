"""Tab into a text box of a long form shows the whole box: Qt scrolled only the cursor's line into
view, so the intake's last story box showed one line at 1366×768 (seen in the real window)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea

from tests.ui.test_access_keys import window_of


def shown_part(area, field) -> QRect:
    """The part of `field` inside the scroll area's view, in the view's coordinates."""
    view = area.viewport()
    return QRect(field.mapTo(view, QPoint(0, 0)), field.size()).intersected(view.rect())


def test_tab_into_the_last_story_box_shows_all_of_it(qtbot, vault, message_boxes):
    window = window_of(qtbot, vault, "paralegal")
    window.new_intake()
    wizard = window.intake_wizard
    wizard.resize(860, 560)  # the intake on a 1366×768 laptop, a little shorter
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.client_page.form.given.setText("Rosa")
    wizard.client_page.form.family.setText("Morales")
    for _ in range(3):
        wizard.next()
    page = wizard.factors_page
    boxes = list(page.form.boxes.values())
    area = page.findChild(QScrollArea)
    boxes[0].setFocus()
    qtbot.waitUntil(boxes[0].hasFocus)
    for box in boxes[1:]:
        QTest.keyClick(boxes[0].window().focusWidget(), Qt.Key.Key_Tab)
        assert box.hasFocus()
        assert shown_part(area, box).height() == box.height(), (box.objectName(), shown_part(area, box), box.height())
    window.drop_data()
