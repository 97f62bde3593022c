"""Case notes. Their text is searchable (inside the encrypted index)."""

from __future__ import annotations

from clinic_app.domain.models import Note
from clinic_app.errors import ValidationError
from clinic_app.roles import Permission
from clinic_app.services import search_index
from clinic_app.services.context import ServiceContext
from clinic_app.services.record_store import RecordStore


class NoteService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        self.store = RecordStore(ctx, "notes", Note, "note")

    def save(self, note: Note) -> Note:
        self.ctx.require(Permission.CLIENT_WRITE)
        if not note.body.strip():
            raise ValidationError("note.empty", ["body: required"])
        exists = self.ctx.db.query_one("SELECT 1 FROM notes WHERE id = ?", (note.id,))
        with self.ctx.db.transaction():
            saved = self.store.update(note) if exists else self.store.insert(note)
            search_index.reindex(self.ctx.db, note.client_id)
        return saved

    def for_client(self, client_id: str) -> list[Note]:
        self.ctx.require(Permission.CLIENT_READ)
        return self.store.where("client_id = ?", (client_id,), order="created_at DESC, rowid DESC")

    def delete(self, note_id: str) -> None:
        self.ctx.require(Permission.CLIENT_WRITE)
        client_id = self.store.get(note_id).client_id
        with self.ctx.db.transaction():
            self.store.delete(note_id)
            search_index.reindex(self.ctx.db, client_id)
