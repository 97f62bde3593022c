"""Render two sample packets of fictional applicants to PNG pages in docs/samples/.

    .venv/bin/python tools/packet_samples.py [--all-pages OUT_DIR]

A throwaway vault in a temp folder; SOURCE_DATE_EPOCH fixed so the renders do not change
from run to run. Needs pdftoppm (poppler-utils).
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("CLINIC_INSECURE_TEST_KDF", "1")  # throwaway vault: cheap key derivation
os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image  # noqa: E402

from clinic_app.demo import minute_order_pdf  # noqa: E402
from clinic_app.domain.models import Address, Client, Conviction, Level, Matter, Notice, Reference  # noqa: E402
from clinic_app.lifecycle import create_vault  # noqa: E402
from clinic_app.vault import Vault  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "docs" / "samples"


def photo_certificate() -> bytes:
    image = Image.new("RGB", (1200, 850), (250, 246, 230))
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    draw.rectangle((30, 30, 1170, 820), outline=(120, 90, 30), width=8)
    draw.text((420, 380), "CERTIFICATE OF COMPLETION (fictional)", fill=(60, 40, 10))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def letter_pdf(author: str, text: str) -> bytes:
    """A one-page fictional support letter."""
    from reportlab.pdfgen import canvas

    from clinic_app.pdf_fonts import REGULAR, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1, initialFontName=REGULAR)
    c.setFont(REGULAR, 11)
    for i, line in enumerate(["December 2, 2025", "", "Dear Governor,", "", text, "", "Sincerely,", author, "(fictional letter for a sample packet)"]):
        c.drawString(72, 700 - 16 * i, line)
    c.showPage()
    c.save()
    return buffer.getvalue()


def sample_california(session) -> str:
    client = Client("José", "Hernández", aliases=["Jose Hernandez"], date_of_birth=date(1979, 3, 14), phone="(323) 555-0142",
                    email="jose.h@example.org", mailing_address=Address("418 South Soto Street", "Los Angeles", "CA", "90033"),
                    preferred_language="es")
    session.clients.create(client)
    matter = Matter(
        client.id,
        urgent_need=True,
        urgent_need_details="Mr. Hernández has a hearing before the immigration court on March 3, 2026.",
        reasons="A pardon would let me stay with my wife and three children, who are all U.S. citizens, and keep my job.",
        offense_circumstances="In 1999 I was 20 and took part in a burglary with friends. In 2004 I was caught with drugs while I was using. "
        "I pleaded guilty both times and I accept what I did.\n\nI completed probation and paid all restitution.",
        rehabilitation="I finished a residential treatment program in 2005 and have been sober since. "
        "I earned my GED and a commercial driver's licence.",
        family_community="I coach a youth soccer team and volunteer at the parish food bank. My children depend on me.",
        employment=[{"employer": "Eastside Freight", "role": "Truck driver", "from": "2008"}],
        education=[{"school": "LA Adult School", "what": "GED", "year": "2006"}],
        applicant_signed_on=date(2025, 12, 18),
    )
    session.matters.create(matter)
    session.matters.save_convictions(matter.id, [
        Conviction(matter.id, county="Los Angeles", court="Superior Court of California, County of Los Angeles", case_number="BA192734",
                   offense="Burglary, second degree", code_section="PC 459", level=Level.FELONY, current_level=Level.FELONY,
                   offense_date=date(1999, 7, 2), conviction_date=date(1999, 11, 8), sentence="3 years formal probation, 120 days county jail",
                   supervision_end=date(2002, 11, 8), dismissed_1203_4=date(2010, 4, 12)),
        Conviction(matter.id, county="Orange", court="Superior Court of California, County of Orange", case_number="04CF1187",
                   offense="Possession of a controlled substance", code_section="HS 11350(a)", level=Level.FELONY, current_level=Level.MISDEMEANOR,
                   offense_date=date(2004, 2, 20), conviction_date=date(2004, 6, 1), sentence="Deferred entry of judgment; 18 months",
                   supervision_end=date(2005, 12, 1)),
    ])
    session.matters.save_references(matter.id, [
        Reference(matter.id, "Rev. Ana Torres", "Pastor", 12, True, date(2025, 11, 30)),
        Reference(matter.id, "Dana Whitfield", "Employer", 15, True, date(2025, 12, 2)),
    ])
    session.matters.save_notices(matter.id, [
        Notice(matter.id, "Los Angeles", date(2025, 12, 1), "certified mail", "María López", "Los Angeles, California", "9407 1118 9956 2210 4417 09"),
        Notice(matter.id, "Orange", date(2025, 12, 1), "personal delivery", "María López"),
    ])
    session.documents.add(client.id, "minute-order-BA192734.pdf", minute_order_pdf("BA192734", "Los Angeles"), "court_record", matter.id,
                          title="Minute order, case BA192734")
    session.documents.add(client.id, "minute-order-04CF1187.pdf", minute_order_pdf("04CF1187", "Orange"), "court_record", matter.id,
                          title="Minute order, case 04CF1187")
    session.documents.add(client.id, "treatment-certificate.png", photo_certificate(), "certificate", matter.id, title="Residential treatment, completion certificate")
    session.documents.add(client.id, "torres-letter.pdf", letter_pdf("Rev. Ana Torres", "I have known José for twelve years as a member of our parish."), "letter", matter.id,
                          author="Rev. Ana Torres")
    return matter.id


def sample_new_york(session) -> str:
    client = Client("Wei", "Zhang", aliases=["张伟"], date_of_birth=date(1984, 8, 9), phone="(718) 555-0110",
                    mailing_address=Address("41-12 Main Street, Apt 3B", "Flushing", "NY", "11355"))
    session.clients.create(client)
    matter = Matter(
        client.id, state="NY",
        reasons="A pardon would prevent my deportation and separation from my daughter.",
        offense_circumstances="In 2006 I sold counterfeit goods at a market stall. I was 21.",
        rehabilitation="I have run a licensed restaurant since 2012 and employ eight people.",
        family_community="I care for my daughter and my elderly mother.",
        applicant_signed_on=date(2025, 12, 10),
    )
    session.matters.create(matter)
    session.matters.save_convictions(matter.id, [
        Conviction(matter.id, state="NY", county="Queens", court="Criminal Court of the City of New York, Queens County",
                   case_number="2006QN041122", offense="Trademark counterfeiting, third degree", code_section="PL 165.71",
                   level=Level.MISDEMEANOR, conviction_date=date(2006, 9, 14), sentence="Conditional discharge, 1 year",
                   supervision_end=date(2007, 9, 14)),
    ])
    session.matters.save_references(matter.id, [Reference(matter.id, "Lin Mei", "Neighbor", 10, True, date(2025, 11, 20))])
    session.documents.add(client.id, "lin-letter.pdf", letter_pdf("Lin Mei", "Mr. Zhang has been a good neighbor and a fair employer for ten years."), "letter", matter.id, author="Lin Mei")
    return matter.id


def render(pdf: Path, out_prefix: Path, pages: list[int], dpi: int = 60) -> list[Path]:
    made = []
    for number in pages:
        target = out_prefix.with_name(f"{out_prefix.name}-p{number:02d}")
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(number), "-l", str(number), str(pdf), str(target)], check=True)
        made.append(target.with_suffix(".png"))
    return made


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--all-pages", metavar="DIR", help="also render every page of both packets here (to look at)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        vault = Vault(Path(tmp) / "vault")
        session, _ = create_vault(vault, "attorney", "sample vault password 1", clinic_name="Eastside Community Legal Clinic")
        try:
            session.users.set_signature("attorney", full_name="Alex Kim", title="Staff Attorney", bar_number="000000")  # fictional
            for state in ("CA", "NY"):  # the attorney vouches for the profiles (the samples show the worksheet)
                session.profile_checks.record(state)
            for key, value in {"clinic.name": "Eastside Community Legal Clinic", "clinic.address": "1200 East 1st Street\nLos Angeles, CA 90033",
                               "clinic.phone": "(323) 555-0100", "clinic.email": "pardons@eastside-clinic.example"}.items():
                session.settings.set(key, value)
            session.da_offices.set("Los Angeles", address="211 West Temple Street\nLos Angeles, CA 90012")
            session.da_offices.set("Orange", address="300 North Flower Street\nSanta Ana, CA 92703")
            ca, ny = sample_california(session), sample_new_york(session)
            outputs = {
                "ca-packet": session.packets.build(ca).pdf,
                "ca-instructions-es": session.packets.instructions(ca),
                "ny-packet": session.packets.build(ny).pdf,
            }
        finally:
            session.lock()
        SAMPLES.mkdir(parents=True, exist_ok=True)
        for old in SAMPLES.glob("*.png"):
            old.unlink()
        chosen = {"ca-packet": [1, 2, 3, 4, 7, 9, 11, 12, 13], "ca-instructions-es": [1], "ny-packet": [1, 2, 5]}
        for name, pdf in outputs.items():
            path = Path(tmp) / f"{name}.pdf"
            path.write_bytes(pdf)
            from pypdf import PdfReader

            count = len(PdfReader(io.BytesIO(pdf)).pages)
            pages = [p for p in chosen[name] if p <= count] + ([count] if name.endswith("packet") else [])
            print(name, render(path, SAMPLES / name, pages))
            if args.all_pages:
                Path(args.all_pages).mkdir(parents=True, exist_ok=True)
                subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(Path(args.all_pages) / name)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
