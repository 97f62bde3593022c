"""The core's gettext catalogue: words of core-made documents and the command line's messages.

The desktop app translates its own text with Qt (`ui/i18n.py`); this catalogue is for what the
core writes by itself: the client's instruction sheet, notices, the recovery-key sheet and
the CLI's `error:` lines. Sources are marked with `N_()` / `Np_()` (extracted by
`tools/core_catalogue.py`), Spanish lives in `resources/locale/es/LC_MESSAGES/clinic_app.po`
and is compiled to `.mo` by `make` (and by `packaging/build.py`).
"""

from __future__ import annotations

import gettext
import os
from contextlib import contextmanager
from functools import lru_cache

from clinic_app.paths import resources_dir

DOMAIN = "clinic_app"
LANGUAGES = ("en", "es")  # what the core has words for; English is the source language


def N_(message: str) -> str:
    """Marks a string for the catalogue; it is translated where it is used."""
    return message


def Np_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a singular/plural pair for the catalogue (ngettext at use)."""
    return singular, plural


def locale_dir():
    return resources_dir() / "locale"


@lru_cache(maxsize=8)
def translation(language: str) -> gettext.NullTranslations:
    """The catalogue for `language` ("es", "es_MX", "en"); English (no catalogue) otherwise."""
    return gettext.translation(DOMAIN, localedir=str(locale_dir()), languages=[language], fallback=True)


def environment_language() -> str:
    """The language gettext would choose from LANGUAGE, LC_ALL, LC_MESSAGES and LANG, as 'es'/'en'."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if not value:
            continue
        for candidate in value.split(":"):
            code = candidate.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
            if code in LANGUAGES:
                return code
            if code == "c" or code == "posix":
                return "en"
        if variable != "LANGUAGE":  # LANGUAGE is a list to try; the first set LC_*/LANG decides
            return "en"
    return "en"


def environment_translation() -> gettext.NullTranslations:
    return translation(environment_language())


_chosen: str | None = None  # set by the desktop app to its UI language; the CLI follows LANG


def set_language(language: str | None) -> None:
    """The language of text the core writes from now on (None: follow LANG/LANGUAGE)."""
    global _chosen
    _chosen = language


def current_language() -> str:
    return _chosen or environment_language()


def current_translation() -> gettext.NullTranslations:
    return translation(current_language())


def _babel_locale(language: str) -> str:
    """Babel's locale for a UI language: English is written as in the United States."""
    return "en_US" if language == "en" else language


def long_date(value, language: str = "en") -> str:
    """"November 26, 2026" / "26 de noviembre de 2026" from Babel's CLDR data, not the OS locale."""
    if not value:
        return ""
    from babel.dates import format_date  # here: the CLI's start-up does not pay for Babel's data

    return format_date(value, format="long", locale=_babel_locale(language))


def moment_words(moment, language: str | None = None) -> str:
    """A stored UTC moment as the clinic's local date and time, short, in the person's language
    ("11/27/26, 5:30 PM" / "27/11/26, 17:30"), from Babel's CLDR data, not the OS locale."""
    if not moment:
        return ""
    from babel.dates import format_datetime  # here: the CLI's start-up does not pay for Babel's data

    from clinic_app.clock import local_moment

    language = language or current_language()
    local = local_moment(moment)
    return format_datetime(local, format="short", tzinfo=local.tzinfo, locale=_babel_locale(language))


def number_words(value: float, decimals: int = 0) -> str:
    """A number as the current language writes it ("2.1" / "2,1", "26,214" / "26.214"), from
    Babel's CLDR data, not the OS locale."""
    from babel.numbers import format_decimal  # here: the CLI's start-up does not pay for Babel's data

    language = current_language()
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_babel_locale(language))


def _(message: str) -> str:
    """`message` in the current language (the app's UI language, else LANG)."""
    return current_translation().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return current_translation().ngettext(singular, plural, n)


def profile_words(text: str) -> str:
    """A shipped state profile's text (name, field label, notice title, guidance) in the current
    language; the catalogue holds them (tools/core_catalogue.py adds them), a clinic's own profile
    text stays as written."""
    return _(text) if text else text


def date_words(value) -> str:
    """A date in a sentence of the current language ("November 26, 2026", "26 de noviembre de 2026")."""
    return long_date(value, current_language())


# Status words at the start of a check's line (vault check, selftest, backup verify and drill); padded to one width so
# the texts line up in every language.
STATUS_WORDS = {
    # Translators: status of a check that passed, at the start of a line
    "ok": N_("ok"),
    # Translators: status of a check that found something to look at
    "warn": N_("warn"),
    # Translators: status of a check that failed
    "fail": N_("FAIL"),
    # Translators: status of a self-test step that was not run
    "skip": N_("skip"),
    # Translators: a line that only informs (restore drill)
    "info": N_("info"),
}


@contextmanager
def machine_readable():
    """English while inside: text in output meant for scripts (`--json`) whatever LANG says."""
    global _chosen
    saved, _chosen = _chosen, "en"
    try:
        yield
    finally:
        _chosen = saved


def status_line(status: str, text: str) -> str:
    """`ok   schema version 8`: a status word in the current language, then the text."""
    width = max(len(_(word)) for word in STATUS_WORDS.values())
    return f"{_(STATUS_WORDS[status]):<{width}} {text}"
