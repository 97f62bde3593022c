"""Packet build: a 30-page California packet with 10 attached pages, against the DOCX route.

Our route: `session.packets.build()` (readiness, ReportLab parts, pypdf merge, footer stamp,
manifest), all in memory. Baseline, measured in the same run: the route docassemble and most
clinics take: the same generated text written as a DOCX, converted by LibreOffice headless,
then the same 10 attachment pages merged with pypdf. The DOCX is built with zipfile (no extra
package) from the text of our generated parts, one page per page, so both routes print the
same words; ours also lays out tables, stamps footers and writes the manifest.

Goal: build <= 0.5 s (warm, median). Usage: python bench/packet_bench.py [runs]
"""

from __future__ import annotations

import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

os.environ.setdefault("CLINIC_INSECURE_TEST_KDF", "1")  # throwaway vault: key derivation is not measured
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader, PdfWriter  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from clinic_app.domain.models import Address, Client, Conviction, Level, Matter, Notice, Reference  # noqa: E402
from clinic_app.lifecycle import create_vault  # noqa: E402
from clinic_app.pdf_fonts import REGULAR, register_fonts  # noqa: E402
from clinic_app.vault import Vault  # noqa: E402

COUNTIES = ["Los Angeles", "Orange", "Riverside", "San Bernardino"]
GOAL_SECONDS = 0.5


def attachment(page: int) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1, initialFontName=REGULAR)
    c.setFont(REGULAR, 11)
    for line in range(40):
        c.drawString(72, 740 - line * 16, f"Court record page {page}, line {line + 1}: minute order text (fictional).")
    c.showPage()
    c.save()
    return buffer.getvalue()


def make_matter(session) -> str:
    today = date.today()
    client = Client("José", "Hernández", date_of_birth=date(1979, 3, 14), mailing_address=Address("418 South Soto Street", "Los Angeles", "CA", "90033"))
    session.clients.create(client)
    story = "I accept responsibility for what I did and have worked every day since to make it right. " * 5
    matter = Matter(client.id, reasons=story, offense_circumstances=story, rehabilitation=story, family_community=story,
                    applicant_signed_on=today - timedelta(days=5))
    session.matters.create(matter)
    session.matters.save_convictions(matter.id, [
        Conviction(matter.id, county=county, court=f"Superior Court of California, County of {county}", case_number=f"BA{100000 + i}",
                   offense="Petty theft", code_section="PC 484(a)", level=Level.MISDEMEANOR, offense_date=date(2001, 1, 1 + i),
                   conviction_date=date(2001, 6, 1 + i), sentence="Probation", supervision_end=date(2003, 6, 1))
        for i, county in enumerate(COUNTIES)
    ])
    session.matters.save_notices(matter.id, [Notice(matter.id, c, today - timedelta(days=30), "certified mail", "Ana Server", "Los Angeles, California", "9407 1118 9956 0000 1234 56") for c in COUNTIES])
    session.matters.save_references(matter.id, [Reference(matter.id, "Rev. Ana Torres", "Pastor", 12, True, today)])
    for county in COUNTIES:
        session.da_offices.set(county, address=f"1 Main Street\n{county}, CA 90000")
    for page in range(10):
        session.documents.add(client.id, f"record-{page + 1}.pdf", attachment(page + 1), "court_record", matter.id)
    return matter.id


def docx_from_pages(pages: list[str]) -> bytes:
    """A minimal DOCX: one paragraph per line, a page break between pages."""
    body = []
    for number, text in enumerate(pages):
        if number:
            body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        for line in text.splitlines():
            body.append(f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>')
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + "".join(body)
        + '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/></w:sectPr>'
        "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document)
    return buffer.getvalue()


def libreoffice_route(soffice: str, docx: bytes, attachments: list[bytes], work: Path) -> tuple[float, int]:
    """DOCX -> PDF with LibreOffice headless, then the attachments merged with pypdf."""
    started = time.perf_counter()
    source = work / "packet.docx"
    source.write_bytes(docx)
    profile = work / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(source)],
        check=True, capture_output=True, timeout=300,
    )
    writer = PdfWriter()
    writer.append(PdfReader(work / "packet.pdf"))
    for pdf in attachments:
        writer.append(PdfReader(io.BytesIO(pdf)))
    out = io.BytesIO()
    writer.write(out)
    return time.perf_counter() - started, len(writer.pages)


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as tmp:
        session, _ = create_vault(Vault(Path(tmp) / "vault"), "manager", "bench password 123", clinic_name="Bench Clinic")
        session.users.set_signature("manager", full_name="Bench Manager")
        session.profile_checks.record("CA")
        try:
            matter_id = make_matter(session)
            started = time.perf_counter()
            packet = session.packets.build(matter_id)
            cold = time.perf_counter() - started
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                packet = session.packets.build(matter_id)
                times.append(time.perf_counter() - started)
            attachments = [d.content for d in session.matters.bundle(matter_id, with_documents=True).documents]
        finally:
            session.lock()
        attached = sum(p.pages for p in packet.parts if p.kind == "attachment")
        median = statistics.median(times)
        print(f"packet: {packet.page_count} pages ({attached} attached), {len(packet.pdf) / 1024:.0f} KB")
        print(f"ours (ReportLab + pypdf, in memory): first build {cold:.3f} s; warm median {median:.3f} s, min {min(times):.3f}, max {max(times):.3f} (n={runs})")
        print(f"goal: warm median <= {GOAL_SECONDS} s: {'met' if median <= GOAL_SECONDS else 'NOT met'}")
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if not soffice:
            print("docx route: skipped: libreoffice not installed (apt-get install -y --no-install-recommends libreoffice-writer-nogui)")
            return 0
        generated_pages = []
        for part in packet.parts:
            if part.kind != "attachment":
                generated_pages += [page.extract_text() for page in PdfReader(io.BytesIO(part.pdf)).pages]
        docx = docx_from_pages(generated_pages)
        work = Path(tmp) / "lo"
        work.mkdir()
        first, pages = libreoffice_route(soffice, docx, attachments, work)  # includes creating the LibreOffice profile
        lo_times = [libreoffice_route(soffice, docx, attachments, work)[0] for _ in range(max(3, runs // 2))]
        lo_median = statistics.median(lo_times)
        print(f"docx route (LibreOffice headless + pypdf merge): first {first:.3f} s; warm median {lo_median:.3f} s (n={len(lo_times)}), {pages} pages")
        print(f"ratio docx route / ours (warm medians): {lo_median / median:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
