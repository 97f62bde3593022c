"""Attachments stored inside the vault (never as plaintext files)."""

from __future__ import annotations

import hashlib

from clinic_app.domain.models import Document
from clinic_app.errors import NotFound, ValidationError
from clinic_app.roles import Permission, operation
from clinic_app.services.context import ServiceContext
from clinic_app.services.record_store import RecordStore

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
ALLOWED_MEDIA_TYPES = {"application/pdf", "image/png", "image/jpeg", "image/tiff", "text/plain"}
DOC_TYPES = ("court_record", "discharge", "certificate", "letter", "evidence_of_need", "other")
MAX_TITLE = 200

_MAGIC = {b"%PDF": "application/pdf", b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def sniff_media_type(content: bytes, filename: str) -> str:
    for magic, media_type in _MAGIC.items():
        if content.startswith(magic):
            return media_type
    if content[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if filename.lower().endswith(".txt"):
        return "text/plain"
    return "application/octet-stream"


class DocumentService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        self.store = RecordStore(ctx, "documents", Document, "document")

    @operation(Permission.CLIENT_WRITE)
    def add(
        self,
        client_id: str,
        filename: str,
        content: bytes,
        doc_type: str = "other",
        matter_id: str | None = None,
        *,
        title: str = "",
        author: str = "",
        conviction_id: str | None = None,
        media_types: set[str] | frozenset[str] = frozenset(ALLOWED_MEDIA_TYPES),
    ) -> Document:
        """Store an attachment in the vault. `media_types` narrows what this caller accepts;
        `conviction_id`: the conviction of the matter a court record is the record of."""
        if doc_type not in DOC_TYPES:
            raise ValidationError("document.bad_kind", kinds=", ".join(DOC_TYPES))
        if conviction_id is not None:
            self._check_conviction(conviction_id, doc_type, matter_id)
        title, author = " ".join(title.split()), " ".join(author.split())
        if len(title) > MAX_TITLE or len(author) > MAX_TITLE:
            raise ValidationError("document.title_too_long", limit=MAX_TITLE)
        if len(content) > MAX_DOCUMENT_BYTES:
            raise ValidationError("document.too_large", megabytes=MAX_DOCUMENT_BYTES // (1024 * 1024))
        media_type = sniff_media_type(content, filename)
        if media_type not in media_types:
            raise ValidationError("document.unsupported_type", types=_names(media_types))
        doc = Document(
            client_id=client_id,
            matter_id=matter_id,
            filename=filename,
            media_type=media_type,
            doc_type=doc_type,
            sha256=hashlib.sha256(content).hexdigest(),
            size=len(content),
            title=title,
            author=author,
            conviction_id=conviction_id,
        )
        return self.store.insert(doc, extra={"content": content})

    def _check_conviction(self, conviction_id: str, doc_type: str, matter_id: str | None) -> None:
        if doc_type != "court_record":
            raise ValidationError("document.conviction_only_for_court_records")
        row = self.ctx.db.query_one("SELECT matter_id FROM convictions WHERE id = ?", (conviction_id,))
        if row is None or matter_id is None or row[0] != matter_id:
            raise ValidationError("document.conviction_not_in_matter")

    @operation(Permission.CLIENT_READ)
    def for_client(self, client_id: str) -> list[Document]:
        return self.store.where("client_id = ?", (client_id,), order="created_at, rowid")

    @operation(Permission.CLIENT_READ)
    def for_matter(self, matter_id: str, with_content: bool = False) -> list[Document]:
        docs = self.store.where("matter_id = ?", (matter_id,), order="created_at, rowid")
        if with_content:
            for doc in docs:
                doc.content = self._content(doc.id)
        return docs

    def _content(self, document_id: str) -> bytes:
        row = self.ctx.db.query_one("SELECT content FROM documents WHERE id = ?", (document_id,))
        if row is None:
            raise NotFound("document.not_found", document_id=document_id)
        return bytes(row[0])

    @operation(Permission.CLIENT_READ)
    def content(self, document_id: str) -> bytes:
        """The attachment's bytes, for preview from memory. Audited as a view."""
        data = self._content(document_id)
        self.ctx.record("view", "document", document_id)
        return data

    @operation(Permission.CLIENT_WRITE)
    def update(self, document: Document) -> Document:
        if document.conviction_id is not None:
            self._check_conviction(document.conviction_id, document.doc_type, document.matter_id)
        return self.store.update(document, changed="fields: filename,doc_type,matter_id,title,author,conviction_id")

    @operation(Permission.CLIENT_WRITE)
    def delete(self, document_id: str) -> None:
        self.store.delete(document_id)


_MEDIA_NAMES = {"application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG", "image/tiff": "TIFF", "text/plain": "plain-text"}


def _names(media_types) -> str:
    """"PDF, PNG, JPEG": a list without words, so each language can put it in a sentence."""
    return ", ".join(_MEDIA_NAMES[m] for m in _MEDIA_NAMES if m in media_types)
