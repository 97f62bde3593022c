"""Keep the UI catalogues in step with the sources: lupdate -> fill -> lrelease.

    .venv/bin/python tools/translations.py                   # refresh the .ts files, report what is missing
    .venv/bin/python tools/translations.py --todo todo.json  # also write the missing strings to fill in
    .venv/bin/python tools/translations.py --add todo.json   # merge translations from a JSON file
    .venv/bin/python tools/translations.py --language en --todo todo.json   # the same for English plurals

Two catalogues: Spanish (`clinic_app_es.ts`, every string) and English plurals only
(`clinic_app_en.ts`, `lupdate -pluralonly`): the sources write the plural ("%n clients") and
the English catalogue gives the singular ("%n client"), so no "(s)" is ever shown.

`resources/translations/clinic_app_es.ts` is the translation memory. lupdate keeps strings
that left the sources (marked vanished, not compiled), and before it runs every translation
in the file is remembered by its source text, so a string that moves to another class (new
context) or comes back after being removed keeps its translation.
JSON files map a source text (or "Context::source" for one context only) to the Spanish
text, or to [singular, plural] for strings with %n.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "clinic_app_es.ts"
TS_EN = ROOT / "resources" / "translations" / "clinic_app_en.ts"
LANGUAGE = "es"
CATALOGUES = {"es": TS, "en": TS_EN}  # language -> .ts; English holds only the %n plural forms


def venv_tool(name: str) -> str:
    """A console tool installed next to this Python (pyside6-lupdate, pyside6-lrelease)."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return name


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(target: Path, language: str = LANGUAGE) -> None:
    """Extract every tr()/translate() string from ui/ into `target` (keeping its translations);
    for English only the strings with %n plurals."""
    command = [venv_tool("pyside6-lupdate"), *ui_sources(), "-ts", str(target),
               "-locations", "none", "-source-language", "en", "-target-language", language, "-silent"]
    if language == "en":
        command.append("-pluralonly")
    subprocess.run(command, check=True, cwd=ROOT)


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([venv_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(tree: ET.ElementTree):
    """(context name, message element) for every message in a .ts tree."""
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def is_retired(message: ET.Element) -> bool:
    """A string no longer in the sources. lupdate keeps it (type vanished/obsolete) so its
    translation comes back if the string does; Qt does not compile it into the .qm."""
    element = message.find("translation")
    return element is not None and element.get("type") in ("obsolete", "vanished")


def translation_of(message: ET.Element, include_retired: bool = False) -> str | list[str] | None:
    """The finished translation (a list for %n plurals), or None when unfinished/empty."""
    element = message.find("translation")
    if element is None or element.get("type") == "unfinished" or (is_retired(message) and not include_retired):
        return None
    forms = [f.text or "" for f in element.findall("numerusform")]
    if message.get("numerus") == "yes":
        return forms if forms and all(forms) else None
    return element.text or None


def set_translation(message: ET.Element, value: str | list[str]) -> None:
    element = message.find("translation")
    if element is None:
        element = ET.SubElement(message, "translation")
    element.attrib.pop("type", None)
    for child in list(element):
        element.remove(child)
    if message.get("numerus") == "yes":
        forms = value if isinstance(value, list) else [value, value]
        element.text = None
        for form in forms:
            ET.SubElement(element, "numerusform").text = form
    else:
        element.text = value[0] if isinstance(value, list) else value


def load_memory(ts: Path) -> dict[str, str | list[str]]:
    memory: dict[str, str | list[str]] = {}
    if ts.exists():
        # Current translations first, so they win over retired ones for the same source text.
        ordered = sorted(messages(ET.parse(ts)), key=lambda item: is_retired(item[1]))
        for context, message in ordered:
            value = translation_of(message, include_retired=True)
            if value is not None:
                source = message.findtext("source") or ""
                memory.setdefault(source, value)
                memory.setdefault(f"{context}::{source}", value)
    return memory


def fill(ts: Path, memory: dict[str, str | list[str]]) -> list[tuple[str, str, bool]]:
    """Fill unfinished messages from memory; return (context, source, numerus) still missing."""
    tree = ET.parse(ts)
    missing = []
    for context, message in messages(tree):
        if is_retired(message) or translation_of(message) is not None:
            continue
        source = message.findtext("source") or ""
        value = memory.get(f"{context}::{source}", memory.get(source))
        if value:
            set_translation(message, value)
        else:
            missing.append((context, source, message.get("numerus") == "yes"))
    write_ts(tree, ts)
    return missing


def write_ts(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="lupdate -> fill from memory -> lrelease for the Spanish UI")
    parser.add_argument("--add", metavar="JSON", action="append", default=[], help="translations to merge in")
    parser.add_argument("--todo", metavar="JSON", help="write the strings still missing to this file")
    parser.add_argument("--no-release", action="store_true", help="do not compile the .qm")
    parser.add_argument("--language", choices=sorted(CATALOGUES), default=LANGUAGE, help="the catalogue --add and --todo apply to")
    args = parser.parse_args(argv)
    for language, ts in CATALOGUES.items():
        memory = load_memory(ts)
        if language == args.language:
            for path in args.add:
                added = json.loads(Path(path).read_text(encoding="utf-8"))
                memory.update({k: v for k, v in added.items() if v})
        run_lupdate(ts, language)
        missing = fill(ts, memory)
        run_lupdate(ts, language)  # normalises the file layout after our edit, so diffs stay small
        total = sum(1 for _, m in messages(ET.parse(ts)) if not is_retired(m))
        print(f"{ts.relative_to(ROOT)}: {total} strings, {total - len(missing)} translated, {len(missing)} missing")
        if args.todo and language == args.language:
            todo = {(f"{c}::{s}" if c else s): (["", ""] if numerus else "") for c, s, numerus in missing}
            Path(args.todo).write_text(json.dumps(todo, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if not args.no_release:
            run_lrelease(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
