"""Which vault documents become lettered exhibits, how each is described, and which matter
facts they back: a support letter counts as included only when a letter by that reference
is attached; a court record belongs to the conviction whose case number (and, where two
counties share it, county) its title or file name carries."""

from __future__ import annotations

import re

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


def describe(doc: Document, convictions: list[Conviction]) -> str:
    """"Letter of support from Rev. Ana Torres", "Court record: Minute order, case BA192734"
    (a court record chosen for a conviction names its case when its title does not)."""
    label = DOC_TYPE_LABELS.get(doc.doc_type, DOC_TYPE_LABELS["other"])
    title = doc.title.strip() or doc.filename.rsplit(".", 1)[0]
    if doc.doc_type == "letter" and doc.author.strip():
        return f"{label} from {doc.author.strip()}" + (f" ({doc.title.strip()})" if doc.title.strip() else "")
    chosen = next((c for c in convictions if doc.conviction_id and c.id == doc.conviction_id), None)
    if chosen is not None and chosen.case_number.strip() and not _names(_words(title), chosen.case_number):
        title += f", case {chosen.case_number.strip()}"
    return f"{label}: {title}"


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def letter_for(reference: Reference, documents: list[Document]) -> Document | None:
    """The attached letter written by this reference (its author is the reference's name)."""
    wanted = _key(reference.name)
    return next((d for d in documents if d.doc_type == "letter" and wanted and _key(d.author) == wanted), None)


def _words(text: str) -> list[str]:
    """Letters-and-digits runs, case folded: "Minute order, case CR-123.pdf" -> minute order case cr 123 pdf."""
    return re.findall(r"[^\W_]+", text.casefold())


def _names(words: list[str], wanted: str) -> bool:
    """Whether `wanted` (a case number, a county) is there as whole words, however they were
    separated ("CASE-0001" in "case 0001"), never inside a longer one (CR-12 is not in CR-123)."""
    target = "".join(_words(wanted))
    if not target:
        return False
    for start in range(len(words)):
        joined = ""
        for word in words[start:]:
            joined += word
            if joined == target:
                return True
            if not target.startswith(joined):
                break
    return False


def same_case_number(a: str, b: str) -> bool:
    """"CASE-0001" is "case 0001": the same letters and digits, whatever separates them."""
    joined = "".join(_words(a))
    return joined != "" and joined == "".join(_words(b))


def convictions_of_record(record: Document, convictions: list[Conviction]) -> list[Conviction]:
    """The listed convictions a court record belongs to: the one chosen when it was attached
    (none if that conviction is no longer listed); else those whose case number its title or
    file name carries, and when that number is listed in more than one county, the ones whose
    county it names too (if it names one). A record naming no listed case belongs to none."""
    if record.conviction_id:
        return [c for c in convictions if c.id == record.conviction_id]
    words = _words(f"{record.title} {record.filename}")
    named = [c for c in convictions if _names(words, c.case_number)]
    in_county = [c for c in named if _names(words, c.county)]
    return in_county or named


def court_records_for(conviction: Conviction, bundle: MatterBundle) -> list[Document]:
    """The attached court records that belong to this conviction (`convictions_of_record`).
    A record naming no listed case belongs to no conviction, even when only one is listed:
    it may be another case's, or another person's."""
    return [
        d for d in bundle.documents
        if d.doc_type == "court_record" and any(c.id == conviction.id for c in convictions_of_record(d, bundle.convictions))
    ]


def unmatched_court_records(bundle: MatterBundle) -> list[tuple[int, Document]]:
    """(number among the matter's court records, from 1; record) for each that names no listed case."""
    records = [d for d in bundle.documents if d.doc_type == "court_record"]
    return [(n, d) for n, d in enumerate(records, 1) if not convictions_of_record(d, bundle.convictions)]
