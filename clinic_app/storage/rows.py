"""Converting domain dataclasses to table rows and back, driven by their type hints."""

from __future__ import annotations

import dataclasses
import enum
import json
import typing
from datetime import date
from functools import cache

from clinic_app.domain.models import Address, CompensationEntry, Stamps

STAMP_COLUMNS = ("created_at", "created_by", "updated_at", "updated_by")


@cache
def _hints(cls: type) -> dict[str, typing.Any]:
    return typing.get_type_hints(cls)


def _base_type(hint: typing.Any) -> typing.Any:
    """`date | None` -> date; list[str] -> list."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin is typing.Union or (origin is not None and str(origin) == "<class 'types.UnionType'>"):
        return _base_type(args[0]) if args else hint
    if origin is not None:
        return origin
    return hint


def _to_sql(value: typing.Any) -> typing.Any:
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Address):
        return json.dumps(_flat_dict(value), ensure_ascii=False)
    if isinstance(value, list):
        return json.dumps([_flat_dict(v) if dataclasses.is_dataclass(v) else v for v in value], ensure_ascii=False)
    return value


def _flat_dict(record: typing.Any) -> dict[str, typing.Any]:
    """`dataclasses.asdict` for the flat records stored as JSON (an address, a compensation
    entry: text fields only), without its deep copy of every value."""
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}


def _from_sql(hint: typing.Any, value: typing.Any, field_name: str) -> typing.Any:
    if value is None:
        return None
    base = _base_type(hint)
    if base is date:
        return date.fromisoformat(value)
    if base is bool:
        return bool(value)
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return base(value)
    if base is Address:
        return Address(**json.loads(value))
    if base is list:
        items = json.loads(value)
        if field_name == "compensation":
            return [CompensationEntry(**i) for i in items]
        return items
    return value


def columns_of(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if f.name not in ("stamps", "content")] + list(STAMP_COLUMNS)


def _converter(hint: typing.Any) -> typing.Callable[[typing.Any], typing.Any]:
    """How one field's values go into a column, decided once per field from its type hint;
    values of plain types (text, numbers) pass through as they are."""
    base = _base_type(hint)
    if base in (str, int, float) or base is typing.Any:
        return lambda v: _to_sql(v) if isinstance(v, (enum.Enum, bool, date, list, Address)) else v
    if base is date:
        return lambda v: None if v is None else v.isoformat() if isinstance(v, date) else _to_sql(v)
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return lambda v: v._value_ if isinstance(v, enum.Enum) else v  # not `.value`: a slow descriptor
    if base is list:
        return lambda v: "[]" if v == [] else _to_sql(v)
    if base is Address:
        return lambda v: json.dumps(_flat_dict(v), ensure_ascii=False) if isinstance(v, Address) else _to_sql(v)
    if base is bool:
        return lambda v: int(v) if isinstance(v, bool) else _to_sql(v)
    return _to_sql


@cache
def _row_plan(cls: type) -> tuple[tuple[str, typing.Callable], ...]:
    hints = _hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls) if f.name not in ("stamps", "content"))


def to_row(record: typing.Any) -> dict[str, typing.Any]:
    row = {name: convert(getattr(record, name)) for name, convert in _row_plan(type(record))}
    stamps: Stamps = record.stamps
    row["created_at"], row["created_by"] = stamps.created_at, stamps.created_by
    row["updated_at"], row["updated_by"] = stamps.updated_at, stamps.updated_by
    return row


@cache
def _bulk_row_maker(cls: type) -> typing.Callable[[typing.Any], list]:
    """One function per record class, written out field by field as `dataclasses` writes
    `__init__` (about twice as fast as looping over a plan): text and numbers are read as
    they are, the other fields through their converter."""
    hints = _hints(cls)
    converters: dict[str, typing.Callable] = {}
    values = []
    for name, convert in _row_plan(cls):
        if _base_type(hints[name]) in (str, int, float):
            values.append(f"r.{name}")
        else:
            converters[f"_{name}"] = convert
            values.append(f"_{name}(r.{name})")
    values += [f"s.{column}" for column in STAMP_COLUMNS]
    source = f"def row(r):\n    s = r.stamps\n    return [{', '.join(values)}]\n"
    exec(source, converters)  # noqa: S102 - names are the dataclass's own fields
    return converters["row"]


def bulk_columns(cls: type) -> list[str]:
    """The columns of `bulk_values`' rows, in order."""
    return [name for name, _ in _row_plan(cls)] + list(STAMP_COLUMNS)


def bulk_values(record: typing.Any) -> list[typing.Any]:
    """`to_row` as a list of values in `bulk_columns` order, for bulk inserts of records that
    hold their declared types (built by the intake reader from typed structs): text and
    numbers go in untouched, only dates, enums, flags, lists and addresses are converted."""
    return _bulk_row_maker(type(record))(record)


def from_row(cls: type, names: list[str], values: tuple) -> typing.Any:
    data = dict(zip(names, values))
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name == "stamps":
            kwargs["stamps"] = Stamps(*(data.get(c, "") for c in STAMP_COLUMNS))
        elif f.name in data:
            kwargs[f.name] = _from_sql(hints[f.name], data[f.name], f.name)
    return cls(**kwargs)


def insert_sql(table: str, row: dict[str, typing.Any]) -> tuple[str, list]:
    names = list(row)
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", [row[n] for n in names]


def update_sql(table: str, row: dict[str, typing.Any], keep: tuple[str, ...] = ("created_at", "created_by")) -> tuple[str, list]:
    names = [n for n in row if n != "id" and n not in keep]
    return f"UPDATE {table} SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?", [row[n] for n in names] + [row["id"]]
