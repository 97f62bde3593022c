"""The Spanish UI catalogue is complete, consistent with its sources, and loads in Qt."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import translations as tool  # noqa: E402  (tools/translations.py: the lupdate -> fill -> lrelease loop)

TS = tool.TS
PLACEHOLDER = re.compile(r"%L?\d+|%n|\{[A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}")  # Qt %1/%n, Python {0}/{name:.1f}
TAG = re.compile(r"</?[A-Za-z][^>]*>")
MNEMONIC = re.compile(r"&(?!&)(?=\S)(?![A-Za-z#0-9]+;)")


def catalogue():
    """The current messages (strings that left the sources are kept only as memory)."""
    return [(context, message) for context, message in tool.messages(ET.parse(TS)) if not tool.is_retired(message)]


def forms(message) -> list[str]:
    element = message.find("translation")
    if message.get("numerus") == "yes":
        return [f.text or "" for f in element.findall("numerusform")]
    return [element.text or ""]


def label(context: str, message) -> str:
    return f"{context}::{message.findtext('source')}"


def test_every_string_is_translated():
    unfinished = [label(c, m) for c, m in catalogue() if tool.translation_of(m) is None]
    assert not unfinished, f"{len(unfinished)} untranslated; run tools/translations.py --todo todo.json: {unfinished[:10]}"


def test_spanish_plurals_have_two_forms():
    wrong = [label(c, m) for c, m in catalogue() if m.get("numerus") == "yes" and len(forms(m)) != 2]
    assert not wrong


def test_placeholders_tags_and_mnemonics_match_the_source():
    problems = []
    for context, message in catalogue():
        source = message.findtext("source") or ""
        for text in forms(message):
            if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(text)):
                # A singular form may spell the number out only when the source has %n.
                if not (message.get("numerus") == "yes" and set(PLACEHOLDER.findall(text)) <= set(PLACEHOLDER.findall(source))):
                    problems.append(f"placeholders differ: {label(context, message)} -> {text}")
            if sorted(TAG.findall(source)) != sorted(TAG.findall(text)):
                problems.append(f"markup differs: {label(context, message)} -> {text}")
            if len(MNEMONIC.findall(source)) != len(MNEMONIC.findall(text)):
                problems.append(f"keyboard shortcut (&) differs: {label(context, message)} -> {text}")
            if source.startswith(" ") != text.startswith(" ") or source.endswith("\n") != text.endswith("\n"):
                problems.append(f"leading space or trailing newline differs: {label(context, message)}")
    assert not problems, "\n".join(problems)


def test_the_catalogue_is_up_to_date_with_the_ui_sources(tmp_path):
    fresh = tmp_path / "fresh_es.ts"
    tool.run_lupdate(fresh)
    expected = {(c, m.findtext("source"), m.findtext("comment")) for c, m in tool.messages(ET.parse(fresh))
                if not tool.is_retired(m)}
    present = {(c, m.findtext("source"), m.findtext("comment")) for c, m in catalogue()}
    assert expected - present == set(), "new UI strings: run tools/translations.py and translate them"
    assert present - expected == set(), "strings no longer in the UI: run tools/translations.py"


def test_the_compiled_catalogue_translates_in_qt(tmp_path, qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    qm = tmp_path / "clinic_app_es.qm"
    tool.run_lrelease(TS, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        context, message = next((c, m) for c, m in catalogue() if c and m.get("numerus") != "yes")
        source = message.findtext("source")
        assert QCoreApplication.translate(context, source) == forms(message)[0]
        assert QCoreApplication.translate(context, source) != source or source in ("—",)
    finally:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize(
    "text",
    ["Save", "Row %1, %2: %3", "%n clients", "<b>Restricted data</b> &amp; {name}", "&Unlock", "Copy && paste",
     "Backup written: {0} ({1:.1f} MB)."],
)
def test_pseudo_locale_keeps_placeholders_and_grows_the_text(text):
    from ui.i18n import pseudo_localise

    pseudo = pseudo_localise(text)
    assert PLACEHOLDER.findall(pseudo) == PLACEHOLDER.findall(text)
    assert TAG.findall(pseudo) == TAG.findall(text)
    assert pseudo.startswith("[") and pseudo.endswith("]")
    visible = len(TAG.sub("", text))
    assert len(TAG.sub("", pseudo)) >= visible * 1.3
    assert pseudo != text


def test_pseudo_translator_applies_to_every_tr_call(qapp, monkeypatch):
    from PySide6.QtCore import QCoreApplication

    from ui import i18n

    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    try:
        assert i18n.install_translators(qapp) == i18n.PSEUDO
        assert QCoreApplication.translate("UnlockPage", "&Unlock").startswith("[&Ûñļöçķ")
        assert QCoreApplication.translate("X", "%n file(s)", None, 2).startswith("[2 ")
    finally:
        i18n.install_translators(qapp, "en")


def test_language_choice_order(qapp, monkeypatch):
    from ui import i18n

    monkeypatch.delenv(i18n.PSEUDO_ENV, raising=False)
    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    monkeypatch.setattr(i18n, "system_language", lambda: "es")
    i18n.set_language_setting(i18n.SYSTEM)
    assert i18n.chosen_language() == "es"
    i18n.set_language_setting("en")
    assert i18n.chosen_language() == "en"
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "es")
    assert i18n.chosen_language() == "es"
    with pytest.raises(ValueError):
        i18n.set_language_setting("fr")


def test_system_language_picks_the_first_supported_tag():
    from ui.i18n import system_language

    assert system_language(["es-MX", "en-US"]) == "es"
    assert system_language(["fr-CA", "es_US"]) == "es"
    assert system_language(["ko-KR"]) == "en"


def test_spanish_loads_from_the_resources_folder(tmp_path, qapp, monkeypatch):
    from PySide6.QtCore import QCoreApplication

    from ui import i18n

    (tmp_path / "translations").mkdir()
    tool.run_lrelease(TS, tmp_path / "translations" / "clinic_app_es.qm")
    monkeypatch.setattr(i18n, "resources_dir", lambda: tmp_path)
    try:
        assert i18n.install_translators(qapp, "es") == "es"
        assert QCoreApplication.translate("UnlockPage", "&Unlock") == "&Desbloquear"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"  # Qt's own catalogue
    finally:
        i18n.install_translators(qapp, "en")
    assert QCoreApplication.translate("UnlockPage", "&Unlock") == "&Unlock"


def test_translation_tool_keeps_translations_when_a_string_moves(tmp_path):
    """A string that changes context, or comes back after leaving the sources, keeps its Spanish
    text (the .ts, including its vanished entries, is the memory)."""
    ts = tmp_path / "moved.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="es">'
        "<context><name>Old</name><message><source>Clients</source><translation>Clientes</translation></message>"
        '<message><source>Bye</source><translation type="vanished">Adiós</translation></message></context>'
        '<context><name>Back</name><message><source>Bye</source><translation type="unfinished"></translation></message></context>'
        '<context><name>New</name><message><source>Clients</source><translation type="unfinished"></translation></message>'
        '<message><source>Brand new</source><translation type="unfinished"></translation></message></context></TS>',
        encoding="utf-8",
    )
    missing = tool.fill(ts, tool.load_memory(ts))
    assert missing == [("New", "Brand new", False)]
    current = {(c, m.findtext("source"), tool.translation_of(m)) for c, m in tool.messages(ET.parse(ts)) if not tool.is_retired(m)}
    assert current == {("Old", "Clients", "Clientes"), ("New", "Clients", "Clientes"), ("New", "Brand new", None), ("Back", "Bye", "Adiós")}


def ui_source() -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in sorted((ROOT / "ui").rglob("*.py"))}


def test_every_catalogue_context_is_one_qt_uses_at_run_time():
    """self.tr() looks strings up under the class name; a context lupdate invents (a wrapper's
    empty context, a variable name like 'parent') would never be found, leaving English."""
    sources = "\n".join(ui_source().values())
    classes = set(re.findall(r"^\s*class (\w+)", sources, re.M))
    literal = set(re.findall(r"(?:translate|QT_TRANSLATE_NOOP|QT_TR_NOOP)\(\s*[\"'](\w+)[\"']", sources))
    unknown = sorted({c for c, _ in catalogue()} - classes - literal)
    assert not unknown, f"contexts no class or translate() call uses: {unknown}"


def test_translatable_calls_are_visible_to_lupdate():
    problems = []
    for path, text in ui_source().items():
        for number, line in enumerate(text.splitlines(), 1):
            where = f"{path.relative_to(ROOT)}:{number}"
            if re.search(r"\bf[\"'][^\"']*\{[^}]*\btr\(\s*[\"']", line):
                problems.append(f"{where}: tr('literal') inside an f-string is invisible to lupdate")
            if re.search(r"\b(?!self\b)[A-Za-z_]\w*\.tr\(", line):
                problems.append(f"{where}: other.tr() uses the other object's class as context")
            if re.search(r"\btr\s*=\s*lambda", line):
                problems.append(f"{where}: a tr wrapper hides the context from lupdate")
            wrapper = re.search(r"(?<![\w.])(\w*tr)\(\s*[\"']", line)
            if wrapper and wrapper.group(1) != "str":
                problems.append(f"{where}: {wrapper.group(1)}('literal') is not a call lupdate extracts")
    assert not problems, "\n".join(problems)


PLURAL_HEDGE = re.compile(r"\w\((s|es)\)")  # "client(s)", "match(es)": plural forms are written out instead


def english_catalogue():
    return [(c, m) for c, m in tool.messages(ET.parse(tool.TS_EN)) if not tool.is_retired(m)]


def test_no_plural_hedge_in_sources_or_translations():
    hedged = [label(c, m) for c, m in catalogue() + english_catalogue()
              if any(PLURAL_HEDGE.search(t) for t in [m.findtext("source") or "", *forms(m)])]
    assert not hedged, 'write "%n clients" with tr(..., n) and its English/Spanish forms, not "(s)": ' + "; ".join(hedged)


def test_spanish_plural_forms_differ():
    """Two identical forms are a singular copied into the plural slot (or the other way round)."""
    same = [label(c, m) for c, m in catalogue() if m.get("numerus") == "yes" and len(set(forms(m))) < 2]
    assert not same, same


def test_every_plural_has_english_singular_and_plural(tmp_path):
    fresh = tmp_path / "fresh_en.ts"
    tool.run_lupdate(fresh, "en")
    expected = {(c, m.findtext("source")) for c, m in tool.messages(ET.parse(fresh)) if not tool.is_retired(m)}
    present = {(c, m.findtext("source")): m for c, m in english_catalogue()}
    assert expected == set(present), "plural strings changed: run tools/translations.py --language en --todo todo.json"
    unfinished = [f"{c}::{s}" for (c, s), m in present.items() if tool.translation_of(m) is None or len(forms(m)) != 2]
    assert not unfinished, unfinished
    wrong = [f"{c}::{s}" for (c, s), m in present.items() if forms(m)[1] != s]
    assert not wrong, f"the English plural form is the source text itself: {wrong}"


@pytest.mark.parametrize("language, one, many", [
    ("en", "Imported 1 client.", "Imported 3 clients."),
    ("es", "Se importó 1 cliente.", "Se importaron 3 clientes."),
])
def test_plurals_read_right_in_the_running_app(qapp, language, one, many):
    from PySide6.QtCore import QCoreApplication

    from ui.i18n import install_translators

    for ts in tool.CATALOGUES.values():
        tool.run_lrelease(ts, ts.with_suffix(".qm"))
    try:
        assert install_translators(qapp, language) == language
        assert QCoreApplication.translate("MainWindow", "Imported %n clients.", None, 1) == one
        assert QCoreApplication.translate("MainWindow", "Imported %n clients.", None, 3) == many
    finally:
        install_translators(qapp, "en")


def test_plurals_are_self_tr_calls_that_lupdate_marks_as_plurals():
    """lupdate marks `self.tr(text, "", n)` as a plural (%n forms) but not
    `QCoreApplication.translate(context, text, None, n)`: such a string would get one form."""
    import ast

    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "translate"
                    and len(node.args) + len(node.keywords) >= 4):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, "use self.tr(text, '', n) in a QObject class: " + ", ".join(found)


def test_sizes_and_durations_are_written_as_the_ui_language_writes_them(qapp):
    """QLocale follows the UI language: the backup's "2,1 MB" and a document's "26.214" bytes
    in Spanish, not Python's "2.1" and "26,214"."""
    from ui.i18n import install_translators
    from ui.labels import number_text

    assert (number_text(2.14, 1), number_text(26214)) == ("2.1", "26,214")
    install_translators(qapp, "es")
    try:
        assert (number_text(2.14, 1), number_text(26214)) == ("2,1", "26.214")
    finally:
        install_translators(qapp, "en")
