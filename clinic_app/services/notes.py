"""Case notes. Their text is searchable (inside the encrypted index)."""

from __future__ import annotations

from clinic_app.domain.models import Note
from clinic_app.errors import ValidationError
from clinic_app.roles import Permission, operation
from clinic_app.services import search_index
from clinic_app.services.context import ServiceContext
from clinic_app.services.record_store import RecordStore


class NoteService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        self.store = RecordStore(ctx, "notes", Note, "note")

    @operation(Permission.CLIENT_WRITE)
    def save(self, note: Note) -> Note:
        if not note.body.strip():
            raise ValidationError("note.empty", ["body: required"])
        exists = self.ctx.db.query_one("SELECT 1 FROM notes WHERE id = ?", (note.id,))
        with self.ctx.db.transaction():
            saved = self.store.update(note) if exists else self.store.insert(note)
            search_index.reindex(self.ctx.db, note.client_id)
        return saved

    @operation(Permission.CLIENT_READ)
    def for_client(self, client_id: str) -> list[Note]:
        return self.store.where("client_id = ?", (client_id,), order="created_at DESC, rowid DESC")

    @operation(Permission.CLIENT_WRITE)
    def delete(self, note_id: str) -> None:
        client_id = self.store.get(note_id).client_id
        with self.ctx.db.transaction():
            self.store.delete(note_id)
            search_index.reindex(self.ctx.db, client_id)
