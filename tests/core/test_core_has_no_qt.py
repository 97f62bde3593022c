"""The core never imports Qt: import every clinic_app module in a fresh interpreter."""

import subprocess
import sys

PROBE = r"""
import importlib, pkgutil, sys
import clinic_app
names = [m.name for m in pkgutil.walk_packages(clinic_app.__path__, "clinic_app.")]
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "ui")))
print(len(names))
print(",".join(qt))
"""


def test_importing_every_core_module_loads_no_qt():
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    count, qt_modules = proc.stdout.splitlines()
    assert int(count) >= 25  # the walk really found the core
    assert qt_modules == ""
