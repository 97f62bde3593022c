"""The published JSON Schema and the importer agree."""

import json
from pathlib import Path

import jsonschema
import pytest

from clinic_app.errors import ValidationError
from clinic_app.intake_format import parse_intake

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "intake-format.schema.json").read_text(encoding="utf-8"))
SAMPLE = json.loads((ROOT / "tests" / "fixtures" / "intake_unicode.json").read_text(encoding="utf-8"))


def test_sample_is_valid_for_both():
    jsonschema.validate(SAMPLE, SCHEMA)
    assert len(parse_intake(SAMPLE)) == 4


@pytest.mark.parametrize(
    "path, value",
    [
        (("clients", 0, "date_of_birth"), "12/04/1979"),
        (("clients", 0, "ssn"), "000-00-0000"),
        (("clients", 0, "matters", 0, "route"), "sideways"),
        (("clients", 0, "matters", 0, "convictions", 0, "level"), "felonious"),
        (("clients", 0, "matters", 0, "references", 0, "years_known"), -3),
        (("clients", 0, "preferred_language"), "Spanish!"),
    ],
)
def test_bad_documents_are_refused_by_both(path, value):
    doc = json.loads(json.dumps(SAMPLE))
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)
    with pytest.raises(ValidationError):
        parse_intake(doc)
