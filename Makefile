# Two commands do all the set-up on a fresh Debian machine:
#   make run   - create .venv, install the app (and Qt's system libraries if missing and we are root), open it
#   make test  - the same plus test extras, then the whole suite offscreen
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

# Qt runtime libraries (measured on a bare bookworm, see shared stack notes).
QT_OFFSCREEN_DEBS := libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0
QT_XCB_DEBS := libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
  libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 \
  libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
# Tools the test suite and the screenshot script use (PDF to PNG, virtual screen); the idle
# lock's popup test and the bundle screenshots run on Xvfb with Qt's xcb platform.
TEST_DEBS := poppler-utils xvfb xauth
# Compiled translations, not committed (rules below): the UI's .qm (Qt) and the core's .mo (gettext).
QM_FILES := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))
MO_FILES := $(patsubst %.po,%.mo,$(wildcard resources/locale/*/LC_MESSAGES/*.po))
CATALOGUES := $(QM_FILES) $(MO_FILES)

.PHONY: run test system-deps-run system-deps-test venv venv-test package wheel translations screenshots bench clean

run: system-deps-run $(VENV)/.installed $(CATALOGUES)
	$(VENV)/bin/clinic-app

test: system-deps-test $(VENV)/.installed-test $(CATALOGUES)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

# The Linux one-folder bundle in dist/clinic-intake/ (skipped when the sources are unchanged).
package: system-deps-test $(VENV)/.installed-test
	$(PY) packaging/build.py --archive

# A wheel in dist/ with the fonts, icons and compiled catalogues inside (see setup.py).
wheel: $(VENV)/.installed-test $(CATALOGUES)
	$(PY) -m pip wheel --no-deps --no-build-isolation -q -w dist .

# .qm and .mo for `make run` and `make test`; packaging/build.py compiles them the same way for the bundle.
resources/translations/%.qm: resources/translations/%.ts | $(VENV)/.installed
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

resources/locale/%/LC_MESSAGES/clinic_app.mo: resources/locale/%/LC_MESSAGES/clinic_app.po | $(VENV)/.installed
	$(PY) tools/core_catalogue.py --compile-only

# Refresh both catalogues from the sources (keeps existing translations) and report what is missing:
# the UI's Qt .ts from ui/, the core's gettext .po from clinic_app/.
translations: $(VENV)/.installed
	$(PY) tools/translations.py
	$(PY) tools/core_catalogue.py

# docs/screenshots (English) and docs/screenshots/es: every screen the three tools show, at
# the fixed 1180×740 window. For other screens and the dark palette see tools/screenshots.py.
screenshots: system-deps-test $(VENV)/.installed-test $(CATALOGUES)
	for lang in en es; do out=docs/screenshots; [ $$lang = en ] || out=docs/screenshots/$$lang; \
	  QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py --language $$lang --out $$out && \
	  QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots_more.py --language $$lang --out $$out && \
	  xvfb-run -a env QT_QPA_PLATFORM=xcb $(PY) tools/screenshots_bundles.py --language $$lang --out $$out || exit 1; \
	done

bench: $(VENV)/.installed-test $(CATALOGUES)
	$(PY) bench/run_all.py

# Install missing Debian packages only when we may (root with apt); otherwise say what is missing.
define ensure_debs
	@missing=""; for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing system packages:$$missing"; \
	    (apt-get install -y -qq --no-install-recommends $$missing >/dev/null 2>&1 || \
	     (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null)); \
	  else echo "note: missing system packages:$$missing (install them with apt-get as root)"; fi; \
	fi
endef

system-deps-run:
	@command -v dpkg-query >/dev/null || exit 0
	$(call ensure_debs,$(QT_OFFSCREEN_DEBS) $(QT_XCB_DEBS))

system-deps-test:
	@command -v dpkg-query >/dev/null || exit 0
	$(call ensure_debs,$(QT_OFFSCREEN_DEBS) $(QT_XCB_DEBS) $(TEST_DEBS))

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Re-install when pyproject.toml changes; otherwise both targets are no-ops. The Qt wheels
# depend on the Python version (docs/runtime.md): a venv that still holds the other pair's
# wheels (pip check fails) gets its Qt wheels installed afresh.
define install_app
	$(PIP) install -e $(1)
	@$(PY) -m pip check >/dev/null 2>&1 || { \
	  echo "Qt wheels of another PySide6 release in $(VENV): installing them afresh"; \
	  $(PIP) uninstall -y pyside6-pdf pyside6-addons pyside6-essentials shiboken6 && \
	  $(PIP) install -e $(1); }
endef

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(call install_app,.)
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(call install_app,'.[test]')
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) build dist *.egg-info
