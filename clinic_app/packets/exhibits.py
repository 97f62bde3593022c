"""Which vault documents become lettered exhibits, how each is described, and which matter
facts they back: a support letter counts as included only when a letter by that reference
is attached; a court record belongs to the conviction whose case number its title or file
name carries."""

from __future__ import annotations

from clinic_app.domain.models import Conviction, Document, MatterBundle, Reference

DOC_TYPE_LABELS = {
    "court_record": "Court record",
    "discharge": "Proof of completed sentence",
    "certificate": "Certificate or record of rehabilitation",
    "letter": "Letter of support",
    "evidence_of_need": "Evidence of urgent need",
    "other": "Supporting document",
}


def exhibit_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def exhibit_documents(bundle: MatterBundle, order: tuple[str, ...]) -> list[Document]:
    """The matter's attachments in profile order; evidence of urgent need only when flagged."""
    docs = [d for d in bundle.documents if d.doc_type != "evidence_of_need" or bundle.matter.urgent_need]
    rank = {t: i for i, t in enumerate(order)}
    return sorted(docs, key=lambda d: rank.get(d.doc_type, len(rank)))


def describe(doc: Document) -> str:
    """"Letter of support from Rev. Ana Torres", "Court record: Minute order, case BA192734"."""
    label = DOC_TYPE_LABELS.get(doc.doc_type, DOC_TYPE_LABELS["other"])
    title = doc.title.strip() or doc.filename.rsplit(".", 1)[0]
    if doc.doc_type == "letter" and doc.author.strip():
        return f"{label} from {doc.author.strip()}" + (f" ({doc.title.strip()})" if doc.title.strip() else "")
    return f"{label}: {title}"


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def letter_for(reference: Reference, documents: list[Document]) -> Document | None:
    """The attached letter written by this reference (its author is the reference's name)."""
    wanted = _key(reference.name)
    return next((d for d in documents if d.doc_type == "letter" and wanted and _key(d.author) == wanted), None)


def _compact(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def court_records_for(conviction: Conviction, bundle: MatterBundle) -> list[Document]:
    """Court records naming the conviction's case number; with one conviction asked for, any."""
    records = [d for d in bundle.documents if d.doc_type == "court_record"]
    number = _compact(conviction.case_number)
    named = [d for d in records if number and number in _compact(f"{d.title} {d.filename}")]
    if named:
        return named
    requested = [c for c in bundle.convictions if c.pardon_requested]
    return records if requested == [conviction] else []
