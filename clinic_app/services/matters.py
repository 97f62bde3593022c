"""Matters and what hangs off them: convictions, support letters, DA notices."""

from __future__ import annotations

from datetime import date

from clinic_app.domain import validation
from clinic_app.domain.models import Client, Conviction, Matter, MatterBundle, Notice, Reference
from clinic_app.roles import Permission, operation
from clinic_app.services import search_index
from clinic_app.services.context import ServiceContext
from clinic_app.services.documents import DocumentService
from clinic_app.services.record_store import BulkInsert, RecordStore, write_all


class MatterService:
    def __init__(self, ctx: ServiceContext, documents: DocumentService):
        self.ctx = ctx
        self.documents = documents
        self.clients = RecordStore(ctx, "clients", Client, "client")  # read only: the bundle's client
        self.store = RecordStore(ctx, "matters", Matter, "matter")
        self.convictions = RecordStore(ctx, "convictions", Conviction, "conviction")
        self.references = RecordStore(ctx, "support_letters", Reference, "support_letter")
        self.notices = RecordStore(ctx, "notices", Notice, "notice")

    @operation(Permission.INTAKE_IMPORT)
    def imported_rows(self, imports: list) -> list[BulkInsert]:
        """The rows of matters of an intake import with their convictions, letters and notices
        (checked by the format reader), for `insert_imported` once their clients are stored.
        Builds only. `imports` are `intake_format.MatterImport`s."""
        inserts = [self.store.bulk_insert([mi.matter for mi in imports])]
        for store, name in ((self.convictions, "convictions"), (self.references, "references"), (self.notices, "notices")):
            records, positions = [], []
            for mi in imports:
                for position, record in enumerate(getattr(mi, name)):
                    record.matter_id = mi.matter.id
                    records.append(record)
                    positions.append(position)
            inserts.append(store.bulk_insert(records, {"position": positions}))
        return inserts

    @operation(Permission.INTAKE_IMPORT)
    def insert_imported(self, inserts: list[BulkInsert]) -> None:
        """Store `imported_rows`: one statement per table, not audited one by one."""
        write_all(self.ctx.db, inserts)

    @operation(Permission.CLIENT_WRITE)
    def create(self, matter: Matter, audit: bool = True) -> Matter:
        validation.raise_for_errors(validation.matter_problems(matter))
        return self.store.insert(matter, audit=audit)

    @operation(Permission.CLIENT_WRITE)
    def update(self, matter: Matter, changed_fields: list[str] | None = None) -> Matter:
        validation.raise_for_errors(validation.matter_problems(matter))
        return self.store.update(matter, changed="fields: " + ",".join(changed_fields) if changed_fields else "")

    @operation(Permission.CLIENT_READ)
    def get(self, matter_id: str) -> Matter:
        return self.store.get(matter_id)

    @operation(Permission.CLIENT_READ)
    def for_client(self, client_id: str) -> list[Matter]:
        return self.store.where("client_id = ?", (client_id,), order="created_at, rowid")

    @operation(Permission.CLIENT_DELETE)
    def delete(self, matter_id: str) -> None:
        client_id = self.store.get(matter_id).client_id
        with self.ctx.db.transaction():
            self.store.delete(matter_id)
            search_index.reindex(self.ctx.db, client_id)

    # -- child lists: saved as a whole, as the table editors present them ----------------------

    @operation(Permission.CLIENT_READ)
    def list_convictions(self, matter_id: str) -> list[Conviction]:
        return self.convictions.where("matter_id = ?", (matter_id,), order="position")

    @operation(Permission.CLIENT_READ)
    def list_references(self, matter_id: str) -> list[Reference]:
        return self.references.where("matter_id = ?", (matter_id,), order="position")

    @operation(Permission.CLIENT_READ)
    def list_notices(self, matter_id: str) -> list[Notice]:
        return self.notices.where("matter_id = ?", (matter_id,), order="position")

    def _replace(self, store: RecordStore, matter_id: str, items: list, audit: bool) -> None:
        db = self.ctx.db
        existing = {r[0] for r in db.query(f"SELECT id FROM {store.table} WHERE matter_id = ?", (matter_id,))}
        keep = {item.id for item in items}
        with db.transaction() as conn:
            for gone in existing - keep:
                conn.execute(f"DELETE FROM {store.table} WHERE id = ?", (gone,))
                if audit:
                    self.ctx.record("delete", store.object_type, gone)
            for position, item in enumerate(items):
                item.matter_id = matter_id
                if item.id in existing:
                    store.update(item, extra={"position": position})
                else:
                    store.insert(item, extra={"position": position}, audit=audit)

    @operation(Permission.CLIENT_WRITE)
    def save_convictions(self, matter_id: str, convictions: list[Conviction], audit: bool = True) -> None:
        client_id = self.store.get(matter_id).client_id
        born = self.ctx.db.query_one("SELECT date_of_birth FROM clients WHERE id = ?", (client_id,))
        born = date.fromisoformat(born[0]) if born and born[0] else None
        validation.raise_for_errors(validation.convictions_problems(convictions, born))
        with self.ctx.db.transaction():
            self._replace(self.convictions, matter_id, convictions, audit)
            search_index.reindex(self.ctx.db, client_id)

    @operation(Permission.CLIENT_WRITE)
    def save_references(self, matter_id: str, references: list[Reference], audit: bool = True) -> None:
        validation.raise_for_errors(validation.listed("references", references, validation.reference_problems))
        self._replace(self.references, matter_id, references, audit)

    @operation(Permission.CLIENT_WRITE)
    def save_notices(self, matter_id: str, notices: list[Notice], audit: bool = True) -> None:
        validation.raise_for_errors(validation.listed("notices", notices, validation.notice_problems))
        self._replace(self.notices, matter_id, notices, audit)

    @operation(Permission.CLIENT_READ)
    def bundle(self, matter_id: str, with_documents: bool = False) -> MatterBundle:
        """The matter with its client and lists; documents without content unless asked."""
        matter = self.get(matter_id)
        bundle = MatterBundle(
            client=self.clients.get(matter.client_id),
            matter=matter,
            convictions=self.list_convictions(matter_id),
            references=self.list_references(matter_id),
            notices=self.list_notices(matter_id),
        )
        if with_documents:
            bundle.documents = self.documents.for_matter(matter_id, with_content=True)
        return bundle
