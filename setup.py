"""Ships the top-level resources/ folder (fonts, icons, translations, samples) inside the wheel.

Package data can only name files inside a package, and resources/ sits beside the packages
(the source tree, `make` and the PyInstaller bundle all use it there). So a regular build
copies it to `clinic_app/resources/` in the wheel, where `clinic_app.paths.resources_dir()`
looks first. Editable installs read resources/ in place. Everything else is in pyproject.toml.
Compiled catalogues (.qm, .mo) are shipped when present: `make wheel` compiles them first.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SKIPPED_SUFFIXES = {".ts", ".po", ".pyc"}  # sources of compiled catalogues; the app reads .qm and .mo


class build_py_with_resources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "clinic_app" / "resources"
        for source in sorted((ROOT / "resources").rglob("*")):
            if source.is_file() and source.suffix not in SKIPPED_SUFFIXES and "__pycache__" not in source.parts:
                destination = target / source.relative_to(ROOT / "resources")
                self.mkpath(str(destination.parent))
                self.copy_file(str(source), str(destination))


setup(cmdclass={"build_py": build_py_with_resources})
