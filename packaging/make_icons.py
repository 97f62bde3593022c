"""Render resources/icons/clinic-intake.svg to the PNG, .ico and .icns app icons, and the
password field's eye (eye.svg, eye-off.svg) to PNGs.

Run after editing an SVG (`.venv/bin/python packaging/make_icons.py`); the outputs are
committed so a build needs neither Qt's SVG renderer nor this script, and the unlock screen
shows its eye without loading Qt's SVG icon plugin (bench/startup_bench.py).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "clinic-intake.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
EYES = ("eye", "eye-off")
EYE_SIZES = (16, 24, 32, 48)  # a line edit's small icon at 100, 150, 200 and 300 % scaling


def render_png(size: int, source: Path = SOURCE) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(source)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image

    images = {size: Image.open(io.BytesIO(render_png(size))).convert("RGBA") for size in SIZES}
    images[256].save(ICONS / "clinic-intake.png", optimize=True)
    for size in (16, 32, 48, 64, 128):
        images[size].save(ICONS / f"clinic-intake-{size}.png", optimize=True)
    # Windows: every size in one .ico (Pillow rescales from the largest given image).
    images[256].save(ICONS / "clinic-intake.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    # macOS: Pillow writes the icns sizes it supports from the 1024 px master.
    images[1024].save(ICONS / "clinic-intake.icns")
    for eye in EYES:
        for size in EYE_SIZES:
            Image.open(io.BytesIO(render_png(size, ICONS / f"{eye}.svg"))).save(ICONS / f"{eye}-{size}.png", optimize=True)
    for name in ("clinic-intake.png", "clinic-intake.ico", "clinic-intake.icns"):
        print(f"{name}: {(ICONS / name).stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
