"""The official application form a clinic supplies: its fields, where each one's value comes
from, and the mapping file kept beside the profiles.

`profile form STATE FILE.pdf` copies the form to `<vault>/profiles/<STATE>-application.pdf`;
`profile map STATE FIELD SOURCE` records in `<vault>/profiles/<STATE>.form.json` which
record value fills which form field. Neither file holds client data. A source is a field key
of the profile format ("client.full_name", "matter.urgent_need", "clinic.name") or one
conviction by position ("conviction[0].case_number"; the first conviction a pardon is asked
for is also plain "conviction.case_number").
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from clinic_app.domain.models import MatterBundle
from clinic_app.errors import NotFound, ValidationError
from clinic_app.fileio import atomic_write
from clinic_app.packets.fields import Letterhead, raw_value
from clinic_app.state_profiles import FIELD_KEYS, FormMapping

MAPPING_FORMAT = "clinic-intake-form-mapping/1"
_CONVICTION = re.compile(r"^conviction\[(\d{1,2})\]\.(\w+)$")
RADIO_FLAG, PUSHBUTTON_FLAG = 1 << 15, 1 << 16


@dataclass(frozen=True)
class FormField:
    name: str
    kind: str  # text | checkbox | radio | choice | button
    options: tuple[str, ...] = ()  # export values of a checkbox, radio group or choice list


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
    try:
        reader = PdfReader(io.BytesIO(template))
        if reader.is_encrypted:
            raise ValidationError("form.encrypted")
        found = reader.get_fields() or {}
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ValidationError("form.unreadable") from exc
    fields = [_field(name, f) for name, f in found.items() if f.get("/FT")]
    if not fields:
        raise ValidationError("form.no_fields")
    return fields


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


def write_mapping(folder: Path, state: str, mapping: FormMapping) -> None:
    data = {"format": MAPPING_FORMAT, "template": mapping.template.name, "document": mapping.document, "fields": dict(sorted(mapping.fields.items()))}
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(mapping_path(folder, state), (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())


def store_form(folder: Path, state: str, template: bytes, current: FormMapping | None) -> tuple[list[FormField], FormMapping]:
    """Keep the clinic's copy of the official form; mappings of fields it still has are kept."""
    fields = read_fields(template)
    names = {f.name for f in fields}
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(template_path(folder, state), template)
    kept = {k: v for k, v in (current.fields if current else {}).items() if k in names}
    mapping = FormMapping(template_path(folder, state), "application", kept)
    write_mapping(folder, state, mapping)
    return fields, mapping


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
