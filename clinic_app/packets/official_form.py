"""The official application form a clinic supplies: its fields, where each one's value comes
from, and the mapping file kept beside the profiles.

`profile form STATE FILE.pdf` copies the form to `<vault>/profiles/<STATE>-application.pdf`;
`profile map STATE FIELD SOURCE` records in `<vault>/profiles/<STATE>.form.json` which
record value fills which form field, beside what was stored when and by whom (the file's
name, its pages and fields), so the app can say which form is in use without parsing it.
`profile form STATE --remove` deletes both. Neither file holds client data. A source is a field key
of the profile format ("client.full_name", "matter.urgent_need", "clinic.name") or one
conviction by position ("conviction[0].case_number"; the first conviction a pardon is asked
for is also plain "conviction.case_number").
"""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import msgspec
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from clinic_app.domain.models import MatterBundle
from clinic_app.errors import NotFound, ValidationError
from clinic_app.fileio import atomic_write
from clinic_app.packets.fields import Letterhead, raw_value
from clinic_app.state_profile_format import FIELD_KEYS
from clinic_app.state_profiles import FormMapping

MAPPING_FORMAT = "clinic-intake-form-mapping/1"
_CONVICTION = re.compile(r"^conviction\[(\d{1,2})\]\.(\w+)$")
RADIO_FLAG, PUSHBUTTON_FLAG = 1 << 15, 1 << 16


class FormField(msgspec.Struct, frozen=True):
    name: str
    kind: str  # text | checkbox | radio | choice | button
    options: tuple[str, ...] = ()  # export values of a checkbox, radio group or choice list


class StoredForm(msgspec.Struct, frozen=True):
    """Which official form a state's packets use: what the app shows beside the mapping."""

    file_name: str  # as the clinic attached it ("BPH-pardon-application.pdf")
    pages: int
    fields: int
    stored_on: date | None  # None for a form named in the clinic's profile file itself
    stored_by: str
    from_profile_file: bool = False  # named by `[form]` in a clinic profile: changed there, not here


def sources() -> list[str]:
    """Every source a field may be mapped to, as the mapping view offers them."""
    out = [f"{record}.{name}" for record in ("client", "matter", "clinic") for name in FIELD_KEYS[record]]
    out += [f"conviction.{name}" for name in FIELD_KEYS["conviction"]]
    out += [f"conviction[{i}].{name}" for i in range(3) for name in FIELD_KEYS["conviction"]]
    return out


def check_source(source: str) -> None:
    match = _CONVICTION.match(source)
    record, _, name = source.partition(".")
    if match:
        record, name = "conviction", match.group(2)
    if record not in ("client", "matter", "clinic", "conviction") or name not in FIELD_KEYS.get(record, ()):
        raise ValidationError("form.unknown_source", source=source)


def source_value(source: str, bundle: MatterBundle, letterhead: Letterhead, restricted: dict | None = None):
    """The record value a source names, or None when the matter has none."""
    match = _CONVICTION.match(source)
    if match:
        index = int(match.group(1))
        conviction = bundle.convictions[index] if index < len(bundle.convictions) else None
        return raw_value(f"conviction.{match.group(2)}", bundle, letterhead, conviction, restricted)
    first = next((c for c in bundle.convictions if c.pardon_requested), None)
    return raw_value(source, bundle, letterhead, first, restricted)


def read_fields(template: bytes) -> list[FormField]:
    """The form's fields in file order; refuses what is not a fillable PDF."""
    return open_form(template)[1]


def open_form(template: bytes) -> tuple[PdfReader, list[FormField]]:
    """The form opened (once: the packet fills the reader it read the fields from) and its
    fields in file order; refuses what is not a fillable PDF."""
    try:
        reader = PdfReader(io.BytesIO(template))
        if reader.is_encrypted:
            raise ValidationError("form.encrypted")
        found = reader.get_fields() or {}
        len(reader.pages)  # reads the page tree: a broken one fails here
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ValidationError("form.unreadable") from exc
    fields = [_field(name, f) for name, f in found.items() if f.get("/FT")]
    if not fields:
        raise ValidationError("form.no_fields")
    return reader, fields


def _field(name: str, f) -> FormField:
    kind = str(f.get("/FT"))
    flags = int(f.get("/Ff", 0))
    if kind == "/Tx":
        return FormField(name, "text")
    if kind == "/Ch":
        options = tuple(str(o[1] if isinstance(o, list) else o) for o in f.get("/Opt", []))
        return FormField(name, "choice", options)
    if kind == "/Btn":
        if flags & PUSHBUTTON_FLAG:
            return FormField(name, "button")
        states = tuple(str(s).lstrip("/") for s in f.get("/_States_", []) if str(s) != "/Off")
        return FormField(name, "radio" if flags & RADIO_FLAG else "checkbox", states)
    return FormField(name, "button")


# -- the clinic's files ------------------------------------------------------------------------


def template_path(folder: Path, state: str) -> Path:
    return folder / f"{state.upper()}-application.pdf"


def mapping_path(folder: Path, state: str) -> Path:
    return folder / f"{state.upper()}.form.json"


def read_mapping(folder: Path, state: str) -> FormMapping | None:
    path = mapping_path(folder, state)
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != MAPPING_FORMAT:
            raise ValueError
        fields = {str(k): str(v) for k, v in data.get("fields", {}).items()}
    except (OSError, ValueError, AttributeError) as exc:
        raise ValidationError("form.bad_mapping_file", file=path.name) from exc
    return FormMapping(folder / str(data.get("template", template_path(folder, state).name)), str(data.get("document", "application")), fields)


def _stored_record(folder: Path, state: str) -> dict:
    """The "stored" record of the mapping file ({} when absent or unreadable)."""
    try:
        stored = json.loads(mapping_path(folder, state).read_text(encoding="utf-8")).get("stored", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return stored if isinstance(stored, dict) else {}


def write_mapping(folder: Path, state: str, mapping: FormMapping, stored: dict | None = None) -> None:
    """Write the mapping file; without `stored`, the record of the form already there is kept."""
    stored = _stored_record(folder, state) if stored is None else stored
    data = {"format": MAPPING_FORMAT, "template": mapping.template.name, "document": mapping.document, "fields": dict(sorted(mapping.fields.items()))}
    if stored:
        data["stored"] = stored
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(mapping_path(folder, state), (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())


def store_form(
    folder: Path, state: str, template: bytes, current: FormMapping | None, file_name: str = "", stored_on: date | None = None, stored_by: str = ""
) -> tuple[list[FormField], FormMapping]:
    """Keep the clinic's copy of the official form; mappings of fields it still has are kept."""
    reader, fields = open_form(template)
    pages = len(reader.pages)
    names = {f.name for f in fields}
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(template_path(folder, state), template)
    kept = {k: v for k, v in (current.fields if current else {}).items() if k in names}
    mapping = FormMapping(template_path(folder, state), "application", kept)
    on = stored_on.isoformat() if stored_on else ""
    write_mapping(folder, state, mapping, {"file_name": Path(file_name).name, "pages": pages, "fields": len(fields), "on": on, "by": stored_by})
    return fields, mapping


def stored_form(folder: Path, state: str, mapping: FormMapping | None) -> StoredForm | None:
    """What `store_form` recorded; for a form a profile file names, read from the PDF itself."""
    if mapping is None or not mapping.template.is_file():
        return None
    stored = _stored_record(folder, state) if mapping_path(folder, state).is_file() else {}
    if not stored:  # named in a profile file, or stored by a version that kept no record
        reader, fields = open_form(mapping.template.read_bytes())
        return StoredForm(mapping.template.name, len(reader.pages), len(fields), None, "", from_profile_file(folder, state))
    try:
        on = date.fromisoformat(stored["on"]) if stored.get("on") else None
        return StoredForm(str(stored.get("file_name") or mapping.template.name), int(stored["pages"]), int(stored["fields"]), on, str(stored.get("by", "")))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError("form.bad_mapping_file", file=mapping_path(folder, state).name) from exc


def from_profile_file(folder: Path, state: str) -> bool:
    """The state's form is named by the clinic's profile file, not stored with `store_form`."""
    return not mapping_path(folder, state).is_file()


def remove_form(folder: Path, state: str) -> bool:
    """Delete the stored form and its mapping (the mapping first: a crash between the two
    leaves an unused PDF that the next `store_form` overwrites). False when none was stored."""
    mapping = mapping_path(folder, state)
    if not mapping.is_file():
        return False
    mapping.unlink()
    template_path(folder, state).unlink(missing_ok=True)
    return True


def map_field(folder: Path, state: str, mapping: FormMapping | None, field_name: str, source: str) -> FormMapping:
    """Map one form field to a source ("-" removes the mapping)."""
    if mapping is None or not mapping.template.is_file():
        raise NotFound("form.not_stored", state=state.upper())
    fields = {f.name: f for f in read_fields(mapping.template.read_bytes())}
    if field_name not in fields:
        raise ValidationError("form.no_such_field", field=field_name, state=state.upper())
    if fields[field_name].kind == "button":
        raise ValidationError("form.push_button", field=field_name)
    updated = dict(mapping.fields)
    if source == "-":
        updated.pop(field_name, None)
    else:
        check_source(source)
        updated[field_name] = source
    mapping = FormMapping(mapping.template, mapping.document, updated, mapping.checked_value)
    write_mapping(folder, state, mapping)
    return mapping
