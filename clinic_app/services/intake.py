"""Importing and exporting `clinic-intake` documents. Import is all-or-nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from clinic_app import clock
from clinic_app.intake_format import FORMAT, VERSION, client_to_json, matter_to_json, parse_intake
from clinic_app.roles import Permission


@dataclass
class ImportResult:
    clients: list[dict] = field(default_factory=list)  # {"id": ..., "matters": [...]}
    dropped: list[str] = field(default_factory=list)  # restricted keys not stored, by location
    restricted_stored: list[str] = field(default_factory=list)


class IntakeService:
    def __init__(self, session):
        self.session = session

    def import_document(self, document, progress=None) -> ImportResult:
        """Validate everything first, then store it in one transaction (nothing on failure)."""
        self.session.require(Permission.INTAKE_IMPORT)
        parsed = parse_intake(document)
        result = ImportResult()
        s = self.session
        total = len(parsed)
        with s.db.transaction():
            for n, item in enumerate(parsed):
                self.store_client(item, result)
                if progress and (n % 100 == 0 or n + 1 == total):
                    progress(n + 1, total)
            s.record(
                "import",
                "intake",
                "",
                f"clients: {len(result.clients)}; matters: {sum(len(c['matters']) for c in result.clients)}; "
                f"restricted keys dropped: {len(result.dropped)}",
            )
        return result

    def store_client(self, item, result: ImportResult) -> None:
        """One parsed client with its matters, unaudited (callers audit the whole import)."""
        s = self.session
        s.clients.create(item.client, audit=False)
        matter_ids = []
        for mi in item.matters:
            s.matters.create(mi.matter, audit=False)
            s.matters.save_convictions(mi.matter.id, mi.convictions, audit=False)
            s.matters.save_references(mi.matter.id, mi.references, audit=False)
            s.matters.save_notices(mi.matter.id, mi.notices, audit=False)
            stored, dropped = self._restricted(mi)
            result.restricted_stored += stored
            result.dropped += dropped
            matter_ids.append(mi.matter.id)
        result.clients.append({"id": item.client.id, "matters": matter_ids})

    def _restricted(self, mi) -> tuple[list[str], list[str]]:
        """Restricted keys are stored only where the matter has a purpose (privacy service)."""
        if not mi.restricted:
            return [], []
        accept = getattr(self.session, "accept_restricted_import", None)
        if accept is not None:
            return accept(mi)
        return [], [f"{mi.where}.restricted.{key}: dropped (no purpose recorded for this matter)" for key in mi.restricted]

    def export_document(self, client_id: str | None = None) -> dict:
        """The clinic-intake document for one client or all of them. Audited."""
        self.session.require(Permission.INTAKE_EXPORT)
        s = self.session
        if client_id:
            ids = [s.clients.get(client_id, audit=False).id]
        else:
            ids = [r[0] for r in s.db.query("SELECT id FROM clients ORDER BY family_name, given_name, id")]
        document = self.document_for(ids)
        s.record("export", "intake", client_id or "", f"clients: {len(ids)}")
        return document

    def document_for(self, client_ids: list[str], progress=None) -> dict:
        """The clinic-intake document of these clients, in this order (callers check roles and audit)."""
        s = self.session
        clients = []
        for n, cid in enumerate(client_ids):
            client = s.clients.get(cid, audit=False)
            matters = [matter_to_json(s.matters.bundle(m.id)) for m in s.matters.for_client(cid)]
            clients.append(client_to_json(client, matters))
            if progress and (n % 100 == 0 or n + 1 == len(client_ids)):
                progress(n + 1, len(client_ids))
        return {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": clock.now_iso(),
            "exported_by": s.user.username,
            "clients": clients,
        }
