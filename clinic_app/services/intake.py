"""Importing and exporting `clinic-intake` documents. Import is all-or-nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from clinic_app import clock
from clinic_app.intake_format import FORMAT, VERSION, client_to_json, matter_to_json, parse_client, read_document
from clinic_app.roles import AnyOf, Permission, operation
from clinic_app.services.clients import ClientService
from clinic_app.services.context import ServiceContext
from clinic_app.services.matters import MatterService
from clinic_app.services.record_store import BulkInsert
from clinic_app.services.restricted import RestrictedService


@dataclass
class _Batch:
    """Parsed clients (`intake_format.ClientImport`s) and the rows that store them and their matters."""

    items: list
    clients: list[BulkInsert]
    matters: list[BulkInsert]


@dataclass
class ImportResult:
    clients: list[dict] = field(default_factory=list)  # {"id": ..., "matters": [...]}
    dropped: list[str] = field(default_factory=list)  # restricted keys not stored, by location
    restricted_stored: list[str] = field(default_factory=list)


class IntakeService:
    def __init__(self, ctx: ServiceContext, clients: ClientService, matters: MatterService, restricted: RestrictedService):
        self.ctx = ctx
        self.clients = clients
        self.matters = matters
        self.restricted = restricted

    @operation(Permission.INTAKE_IMPORT)
    def import_document(self, document, progress=None) -> ImportResult:
        """Store a clinic-intake document (its bytes, or a parsed value) in one transaction:
        each client is decoded and checked in turn (the validation module's rules, as the
        services apply them), made rows and written in batches, a hundred rows a statement
        (`Database.insert_rows`); the first problem rolls everything back, so a bad document
        changes nothing. Only a few batches of decoded clients are alive at a time.

        Decoding and writing take turns on this thread: a second thread decoding ahead made
        the writer wait for the GIL after each statement and cost more CPU and time
        (docs/intake-format.md); in the app it would also slow the GUI thread."""
        raws = read_document(document)
        today = clock.today()
        result = ImportResult()
        total = len(raws)

        def parse(start: int) -> _Batch:
            end = min(start + self.BATCH, total)
            items = [parse_client(raws[n], n, today) for n in range(start, end)]
            raws[start:end] = [None] * (end - start)  # done with these clients' bytes
            return self._rows(items)

        with self.ctx.db.transaction():
            for start in range(0, total, self.BATCH):
                self._store_batch(parse(start), result)
                if progress:
                    progress(min(start + self.BATCH, total), total)
            self.ctx.record(
                "import",
                "intake",
                "",
                f"clients: {len(result.clients)}; matters: {sum(len(c['matters']) for c in result.clients)}; "
                f"restricted keys dropped: {len(result.dropped)}",
            )
        return result

    BATCH = 500  # clients per group of INSERT statements (and per progress report)

    def _rows(self, items: list) -> _Batch:
        """A batch of parsed clients made rows (no statement yet)."""
        matters = [mi for item in items for mi in item.matters]
        case_numbers = {
            item.client.id: [c.case_number for mi in item.matters for c in mi.convictions if c.case_number] for item in items
        }
        return _Batch(items, self.clients.imported_rows([item.client for item in items], case_numbers), self.matters.imported_rows(matters))

    def _store_batch(self, batch: _Batch, result: ImportResult) -> None:
        self.clients.insert_imported(batch.clients)
        self.matters.insert_imported(batch.matters)
        for item in batch.items:
            for mi in item.matters:
                if mi.restricted:  # stored only where the matter has a purpose (privacy service)
                    stored, dropped = self.restricted.accept_import(mi)
                    result.restricted_stored += stored
                    result.dropped += dropped
            result.clients.append({"id": item.client.id, "matters": [mi.matter.id for mi in item.matters]})

    @operation(Permission.INTAKE_IMPORT)
    def store_clients(self, items: list, result: ImportResult) -> None:
        """Parsed clients with their matters (`intake_format.ClientImport`s, already checked),
        stored as the import stores them, unaudited (callers audit); ids kept as they are."""
        for start in range(0, len(items), self.BATCH):
            self._store_batch(self._rows(items[start : start + self.BATCH]), result)

    @operation(Permission.INTAKE_EXPORT)
    def export_document(self, client_id: str | None = None) -> dict:
        """The clinic-intake document for one client or all of them. Audited."""
        if client_id:
            ids = [self.clients.get(client_id, audit=False).id]
        else:
            ids = [r[0] for r in self.ctx.db.query("SELECT id FROM clients ORDER BY family_name, given_name, id")]
        document = self.document_for(ids)
        self.ctx.record("export", "intake", client_id or "", f"clients: {len(ids)}")
        return document

    @operation(AnyOf(Permission.INTAKE_EXPORT, Permission.BUNDLE_SEND))
    def document_for(self, client_ids: list[str], progress=None) -> dict:
        """The clinic-intake document of these clients, in this order (callers check roles and audit)."""
        clients = []
        for n, cid in enumerate(client_ids):
            client = self.clients.get(cid, audit=False)
            matters = [matter_to_json(self.matters.bundle(m.id)) for m in self.matters.for_client(cid)]
            clients.append(client_to_json(client, matters))
            if progress and (n % 100 == 0 or n + 1 == len(client_ids)):
                progress(n + 1, len(client_ids))
        return {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": clock.now_iso(),
            "exported_by": self.ctx.user.username,
            "clients": clients,
        }
