"""Keep the core's gettext catalogue (CLI messages, client documents) in step with clinic_app/.

    .venv/bin/python tools/core_catalogue.py                   # extract, update the .po, compile the .mo
    .venv/bin/python tools/core_catalogue.py --todo todo.json  # also write the missing strings to fill in
    .venv/bin/python tools/core_catalogue.py --add todo.json   # merge translations from a JSON file
    .venv/bin/python tools/core_catalogue.py --compile-only    # .po -> .mo (make, packaging/build.py)

Strings are marked in the sources with `N_()`, `Np_(singular, plural)`, or used through a
translation's `gettext`/`ngettext` (`clinic_app/translation.py`). The `.po` files are
committed; the `.mo` files are built. JSON files map a msgid to its translation, or a
singular msgid to [singular, plural] for plural messages.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]  # clinic_app and tools/profile_texts.py, however this is run
SOURCES = ROOT / "clinic_app"
LOCALE_DIR = ROOT / "resources" / "locale"
DOMAIN = "clinic_app"
LANGUAGES = ("es",)
KEYWORDS = {"_": None, "N_": None, "Np_": (1, 2), "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract() -> Catalog:
    template = Catalog(project="Clinic Intake", domain=DOMAIN)
    method_map = [("**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCES), method_map=method_map, keywords=KEYWORDS, comment_tags=("Translators:",)
    ):
        template.add(message, None, [(f"clinic_app/{filename}", lineno)], auto_comments=comments, context=context)
    # The shipped state profiles' texts (names, labels, notice titles, guidance): the CLI shows
    # them through `translation.profile_words`, the app through ui/profile_texts.py.
    from profile_texts import shipped_texts

    for text in shipped_texts():
        if text not in template:
            template.add(text, None, [("clinic_app/profiles", 0)], auto_comments=["A shipped state profile's text."])
    return template


def load(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        catalog = Catalog(locale=language, domain=DOMAIN, project="Clinic Intake", fuzzy=False)
        catalog.header_comment = f"# {language} messages of the Clinic Intake core (CLI, client documents).\n# Edit with tools/core_catalogue.py; see docs/translations.md."
        return catalog
    with path.open("rb") as f:
        return read_po(f, locale=language, domain=DOMAIN)


def save(catalog: Catalog, language: str) -> None:
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        # No line numbers and no wrapping: diffs show only real changes.
        write_po(f, catalog, width=0, omit_header=False, sort_output=True, include_lineno=False)


def compile_mo(language: str) -> Path:
    catalog = load(language)
    mo = po_path(language).with_suffix(".mo")
    with mo.open("wb") as f:
        write_mo(f, catalog, use_fuzzy=False)
    return mo


def missing(catalog: Catalog) -> list:
    """Messages without a finished translation (empty, or fuzzy)."""
    out = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if message.fuzzy or not all(strings):
            out.append(message)
    return out


def merge(catalog: Catalog, added: dict) -> None:
    """Spanish has three CLDR plural forms (one, many, other); [singular, plural] fills them as
    (singular, plural, plural): "many" is the plural form used for millions."""
    for message in catalog:
        key = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
        value = added.get(key)
        if not value:
            continue
        if isinstance(message.id, (list, tuple)):
            forms = list(value) + [value[-1]] * (catalog.num_plurals - len(value))
            message.string = tuple(forms[: catalog.num_plurals])
        else:
            message.string = value
        message.flags.discard("fuzzy")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="extract -> update .po -> compile .mo for the core's messages")
    parser.add_argument("--add", metavar="JSON", action="append", default=[], help="translations to merge in")
    parser.add_argument("--todo", metavar="JSON", help="write the messages still missing to this file")
    parser.add_argument("--compile-only", action="store_true", help="only compile the .po files to .mo")
    args = parser.parse_args(argv)
    for language in LANGUAGES:
        if not args.compile_only:
            catalog = load(language)
            created = catalog.creation_date
            # No fuzzy matching: a guessed translation of a changed message is worse than none.
            catalog.update(extract(), no_fuzzy_matching=True, update_header_comment=False)
            catalog.creation_date = created  # keep the header stable so diffs show only messages
            catalog.obsolete.clear()
            for path in args.add:
                merge(catalog, json.loads(Path(path).read_text(encoding="utf-8")))
            save(catalog, language)
            todo = missing(catalog)
            print(f"{po_path(language).relative_to(ROOT)}: {len(catalog)} messages, {len(todo)} missing")
            if args.todo:
                entries = {
                    (m.id[0] if isinstance(m.id, (list, tuple)) else m.id): (["", ""] if isinstance(m.id, (list, tuple)) else "")
                    for m in todo
                }
                Path(args.todo).write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        compile_mo(language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
