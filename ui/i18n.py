"""UI language: Qt translators for the app's strings and Qt's own, plus pseudo-localisation.

The language follows the system locale unless the user picked one. The choice is a
per-computer UI preference kept in QSettings under `ui/language` ("system", "en", "es"),
not in the vault: the unlock screen must already be in the right language, and the value
says nothing about any client. `CLINIC_LANGUAGE=es` overrides both (screenshots, support).

Pseudo-localisation (`CLINIC_PSEUDO_LOCALE=1`, or the setting "pseudo") replaces every
translated string with an accented version about 40 % longer, in [brackets], so clipped
or hard-coded text shows up in screenshots before a real translation does.
"""

from __future__ import annotations

import math
import os
import re
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from clinic_app.paths import resources_dir
from clinic_app.translation import set_language as set_core_language

# Languages the UI is translated into, by code, with their own names (never translated).
LANGUAGES = {"en": "English", "es": "Español"}
SYSTEM = "system"
PSEUDO = "pseudo"
SETTING_KEY = "ui/language"
LANGUAGE_ENV = "CLINIC_LANGUAGE"
PSEUDO_ENV = "CLINIC_PSEUDO_LOCALE"
CATALOGUE = "clinic_app"

_installed: list[QTranslator] = []  # kept referenced: Qt does not own installed translators
_current = "en"


def language_setting() -> str:
    value = QSettings().value(SETTING_KEY, SYSTEM)
    return value if value in (*LANGUAGES, SYSTEM, PSEUDO) else SYSTEM


def set_language_setting(value: str) -> None:
    """Store the user's choice; it applies the next time the app starts."""
    if value not in (*LANGUAGES, SYSTEM, PSEUDO):
        raise ValueError(f"unknown UI language {value!r}")
    QSettings().setValue(SETTING_KEY, value)


def system_language(ui_languages: list[str] | None = None) -> str:
    """The first supported language in the system's preference list, else English."""
    for tag in ui_languages if ui_languages is not None else QLocale.system().uiLanguages():
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def chosen_language() -> str:
    """What to show: the environment override, else the setting, else the system language."""
    if os.environ.get(PSEUDO_ENV) == "1":
        return PSEUDO
    wanted = os.environ.get(LANGUAGE_ENV) or language_setting()
    if wanted in LANGUAGES or wanted == PSEUDO:
        return wanted
    return system_language()


def install_translators(app: QCoreApplication | None = None, language: str | None = None) -> str:
    """Install the translators for `language` (default: chosen_language()); return the code used.

    Call after the application and organisation names are set (QSettings needs them) and
    before any window is built. Calling again replaces the earlier translators.
    """
    app = app or QCoreApplication.instance()
    language = language or chosen_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    global _current
    if language == PSEUDO:
        _install(app, PseudoTranslator(app))
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        _current = "en"
        set_core_language("en")
        return PSEUDO
    if language != "en":
        from PySide6.QtCore import QLibraryInfo  # English, the usual start, needs no Qt catalogue

        qt_catalogue = QTranslator(app)
        if qt_catalogue.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _install(app, qt_catalogue)
        else:  # Qt's own buttons (Cancel, Next) stay English; the app's strings still translate
            print(f"note: Qt's own {language} translation (qtbase_{language}.qm) was not found", file=sys.stderr)
        ours = QTranslator(app)
        if ours.load(f"{CATALOGUE}_{language}", str(resources_dir() / "translations")):
            _install(app, ours)
        else:  # a source checkout without compiled .qm files: say so once, stay usable in English
            print(f"note: no compiled {language} translation (run `make run` or tools/translations.py)", file=sys.stderr)
            language = "en"
    if language == "en":  # English plural forms ("1 client", "2 clients"): the sources hold only the plural
        english = QTranslator(app)
        if english.load(f"{CATALOGUE}_en", str(resources_dir() / "translations")):
            _install(app, english)
    QLocale.setDefault(QLocale(language))
    _current = language
    set_core_language(language)  # text the core writes (reports, documents) follows the UI
    return language


def current_language() -> str:
    """The language of the installed UI catalogue ("en" or "es"), for documents the UI writes
    for the person using it, such as the recovery sheet."""
    return _current


def _install(app: QCoreApplication, translator: QTranslator) -> None:
    app.installTranslator(translator)
    _installed.append(translator)


# -- pseudo-localisation ---------------------------------------------------------------

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# Left exactly as they are: Qt placeholders (%1, %L2, %n), Python ones ({0}, {name:.1f}), HTML tags
# and entities, and the && of a literal ampersand.
_KEEP = re.compile(r"%L?\d+|%n|\{[A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|<[^>]+>|&[A-Za-z#0-9]+;|&&")
PSEUDO_GROWTH = 0.4
_PAD = "~·"


def pseudo_localise(text: str) -> str:
    """'Save client' -> '[Šåṽé çļîéñţ ~·~·]': accented, ~40 % longer, placeholders intact."""
    if not text:
        return text
    parts, last = [], 0
    for match in _KEEP.finditer(text):
        parts.append(text[last : match.start()].translate(_ACCENTED))
        parts.append(match.group())
        last = match.end()
    parts.append(text[last:].translate(_ACCENTED))
    body = "".join(parts)
    visible = len(_KEEP.sub("", text))
    padding = math.ceil(visible * PSEUDO_GROWTH)
    pad = (_PAD * padding)[:padding]
    return f"[{body}{' ' + pad if pad else ''}]"


class PseudoTranslator(QTranslator):
    """Answers every lookup with the pseudo-localised source text (%n plurals included)."""

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D401 (Qt override)
        return pseudo_localise(source_text) if source_text else source_text

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return False
