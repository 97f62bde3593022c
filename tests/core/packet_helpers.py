"""Matters for packet tests: fictional applicants, convictions per county, served notices, attachments."""

from __future__ import annotations

import io
from datetime import date, timedelta

from PIL import Image
from reportlab.pdfgen import canvas

from clinic_app.domain.models import Address, Client, CompensationEntry, Conviction, Level, Matter, Notice, Reference
from clinic_app.pdf_fonts import REGULAR, register_fonts

DA_ADDRESSES = {
    "Los Angeles": "211 West Temple Street\nLos Angeles, CA 90012",
    "Orange": "300 North Flower Street\nSanta Ana, CA 92703",
}


def pdf_pages(count: int, label: str = "Attachment") -> bytes:
    """A small PDF with embedded fonts only (so font checks see the packet's own fonts)."""
    register_fonts()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1, initialFontName=REGULAR)
    for i in range(count):
        c.setFont(REGULAR, 12)
        c.drawString(72, 700, f"{label} page {i + 1}")
        c.showPage()
    c.save()
    return buffer.getvalue()


def png_image() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (600, 400), (200, 220, 240)).save(buffer, format="PNG")
    return buffer.getvalue()


def set_da_addresses(session, counties=("Los Angeles", "Orange")) -> None:
    for county in counties:
        session.da_offices.set(county, address=DA_ADDRESSES[county], verified_on=date.today() - timedelta(days=3), source="test")


def make_matter(
    session,
    *,
    given: str = "José",
    family: str = "Hernández",
    aliases: tuple[str, ...] = (),
    counties: tuple[str, ...] = ("Los Angeles", "Orange"),
    levels: tuple[Level, ...] | None = None,
    case_numbers: tuple[str, ...] | None = None,
    served: dict[str, int] | None = None,  # county -> days ago; default: all served 30 days ago
    urgent: bool = False,
    letters: bool = True,
    signed: bool = True,
    attachments: tuple[tuple[str, bytes, str], ...] = (),  # (filename, content, doc_type)
    state: str = "CA",
    language: str = "en",
    supervision_years_ago: int = 15,
    compensation: list[CompensationEntry] | None = None,
    set_addresses: bool = True,
    profile_checked: bool = True,
) -> str:
    """A complete matter. `profile_checked`: an attorney recorded today that the state's
    profile and its worksheet were checked, which a final packet on them needs."""
    today = date.today()
    client = Client(
        given_name=given,
        family_name=family,
        aliases=list(aliases),
        date_of_birth=date(1980, 5, 17),
        phone="(213) 555-0199",
        mailing_address=Address("12 Calle Sol", "Los Angeles", state if state != "CA" else "CA", "90033"),
        preferred_language=language,
    )
    session.clients.create(client)
    matter = Matter(
        client_id=client.id,
        state=state,
        urgent_need=urgent,
        urgent_need_details="A hearing is set for next month." if urgent else "",
        reasons="A pardon would let me keep my family together.",
        offense_circumstances="I was young and made a bad choice; I took responsibility.",
        rehabilitation="Completed a program; steady work since.",
        family_community="Father of three; coaches youth soccer.",
        compensation=compensation or [],
        applicant_signed_on=today - timedelta(days=2) if signed else None,
    )
    session.matters.create(matter)
    levels = levels or tuple(Level.MISDEMEANOR for _ in counties)
    case_numbers = case_numbers or tuple(f"CASE-{i + 1:04d}" for i in range(len(counties)))
    convictions = [
        Conviction(
            matter_id=matter.id,
            state=state,
            county=county,
            court=f"Superior Court, County of {county}",
            case_number=case_numbers[i],
            offense="Petty theft",
            code_section="PC 484(a)",
            level=levels[i],
            offense_date=date(2001, 3, 1),
            conviction_date=date(2001, 6, 1),
            sentence="Probation",
            supervision_end=today - timedelta(days=365 * supervision_years_ago),
        )
        for i, county in enumerate(counties)
    ]
    session.matters.save_convictions(matter.id, convictions)
    served = {c: 30 for c in counties} if served is None else served
    notices = [
        Notice(matter.id, county, today - timedelta(days=days), "certified mail", "Ana Server", "Los Angeles, California", "9407 1118 9956 0000 1234 56")
        for county, days in served.items()
    ]
    session.matters.save_notices(matter.id, notices)
    if letters:
        session.matters.save_references(matter.id, [Reference(matter.id, "Rev. Ana Torres", "Pastor", 12, True, today - timedelta(days=20))])
    for filename, content, doc_type in attachments:
        session.documents.add(client.id, filename, content, doc_type, matter.id)
    if profile_checked:
        session.profile_checks.record(state)
    if set_addresses and state == "CA":
        set_da_addresses(session, tuple(c for c in counties if c in DA_ADDRESSES))
    return matter.id


def jpeg_photo(width: int = 4000, height: int = 3000) -> bytes:
    """A phone-sized photo with an EXIF orientation tag (rotate 90)."""
    image = Image.new("RGB", (width, height), (180, 160, 140))
    exif = Image.Exif()
    exif[0x0112] = 6
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90, exif=exif)
    return buffer.getvalue()


def prepare(vault, **kwargs) -> str:
    """`make_matter` in a manager's session of a locked vault, for tests that then run the CLI."""
    from clinic_app.lifecycle import open_session
    from tests.conftest import PASSWORD

    session = open_session(vault, "manager", PASSWORD)
    try:
        return make_matter(session, **kwargs)
    finally:
        session.lock()


def flat(text: str) -> str:
    """Extracted PDF text with its line breaks and runs of spaces as single spaces."""
    return " ".join(text.split())
