"""Create/read/update/delete for one table of stamped dataclass records, with audit entries."""

from __future__ import annotations

import typing
from dataclasses import dataclass

from clinic_app import clock
from clinic_app.errors import NotFound
from clinic_app.storage import rows
from clinic_app.storage.database import insert_statements


@dataclass
class BulkInsert:
    """Rows for one table as the statements that store them (`storage.database.insert_statements`),
    built ahead: an import builds the next batch's while SQLite writes this one's."""

    statements: list[tuple[str, list]]

    @classmethod
    def of(cls, head: str, row: str, rows: list[list]) -> BulkInsert:
        """`head` ("INSERT INTO t (a, b) VALUES"), one `row` ("(?,?)") per row."""
        return cls(insert_statements(head, row, rows))

    def write(self, db) -> None:
        db.execute_each(self.statements)


def write_all(db, inserts: list[BulkInsert]) -> None:
    """Store bulk inserts in order, in one transaction."""
    with db.transaction():
        for insert in inserts:
            insert.write(db)


class RecordStore:
    def __init__(self, ctx, table: str, cls: type, object_type: str):
        self.ctx = ctx
        self.table = table
        self.cls = cls
        self.object_type = object_type
        self.columns = rows.columns_of(cls)

    def _stamp(self, record: typing.Any, new: bool) -> None:
        now, who = clock.now_iso(), self.ctx.user.username
        if new or not record.stamps.created_at:
            record.stamps.created_at, record.stamps.created_by = now, who
        record.stamps.updated_at, record.stamps.updated_by = now, who

    def insert(self, record: typing.Any, extra: dict | None = None, audit: bool = True) -> typing.Any:
        self._stamp(record, new=True)
        row = rows.to_row(record) | (extra or {})
        sql, params = rows.insert_sql(self.table, row)
        with self.ctx.db.transaction() as conn:
            conn.execute(sql, params)
            if audit:
                self.ctx.record("create", self.object_type, record.id)
        return record

    def bulk_insert(self, records: list, extras: dict[str, list] | None = None) -> BulkInsert:
        """New records stamped and made rows, for one statement that stores them unaudited one
        by one (bulk imports; nothing is read or written here). `extras`: more columns, one
        value per record each (a sort key, a position)."""
        now, who = clock.now_iso(), self.ctx.user.username
        for record in records:
            stamps = record.stamps
            stamps.created_at = stamps.updated_at = now
            stamps.created_by = stamps.updated_by = who
        names = rows.bulk_columns(self.cls)
        table = [rows.bulk_values(record) for record in records]
        for name, values in (extras or {}).items():
            names.append(name)
            for row, value in zip(table, values, strict=True):
                row.append(value)
        return BulkInsert.of(f"INSERT INTO {self.table} ({', '.join(names)}) VALUES", f"({','.join('?' * len(names))})", table)

    def update(self, record: typing.Any, extra: dict | None = None, changed: str = "") -> typing.Any:
        self._stamp(record, new=False)
        row = rows.to_row(record) | (extra or {})
        sql, params = rows.update_sql(self.table, row)
        with self.ctx.db.transaction() as conn:
            if conn.execute(sql, params).rowcount == 0:
                raise NotFound("record.not_found", kind=self.object_type, record_id=record.id)
            self.ctx.record("update", self.object_type, record.id, changed)
        return record

    def get(self, record_id: str) -> typing.Any:
        found = self.where("id = ?", (record_id,))
        if not found:
            raise NotFound("record.not_found", kind=self.object_type, record_id=record_id)
        return found[0]

    def where(self, condition: str, params: tuple = (), order: str = "rowid") -> list[typing.Any]:
        sql = f"SELECT {', '.join(self.columns)} FROM {self.table} WHERE {condition} ORDER BY {order}"
        return [rows.from_row(self.cls, self.columns, r) for r in self.ctx.db.query(sql, params)]

    def delete(self, record_id: str) -> None:
        with self.ctx.db.transaction() as conn:
            if conn.execute(f"DELETE FROM {self.table} WHERE id = ?", (record_id,)).rowcount == 0:
                raise NotFound("record.not_found", kind=self.object_type, record_id=record_id)
            self.ctx.record("delete", self.object_type, record_id)
