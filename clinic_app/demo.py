"""A vault full of fictional clients, so a newcomer sees a living app. Deterministic."""

from __future__ import annotations

import io
import random
from datetime import date, timedelta

from clinic_app import clock
from clinic_app.domain.models import (
    Address,
    Client,
    CompensationEntry,
    Conviction,
    Level,
    Matter,
    MatterStatus,
    NameOrder,
    Note,
    Notice,
    Reference,
    Route,
    Task,
)
from clinic_app.services import search_index

# Fictional names, paired within a naming tradition (given names, family names).
NAME_GROUPS = [
    (["José", "María", "Guadalupe", "Juan Carlos", "Ana Lucía", "Rosa", "Carlos"], ["Hernández", "García", "Mendoza", "Ramírez", "López", "Morales", "Álvarez"]),
    (["Thị Hồng", "Văn Minh", "Thị Lan", "Tuấn"], ["Nguyễn", "Trần", "Lê", "Phạm"]),  # written family first
    (["Wei", "Mei", "Jian", "Xiu Ying"], ["Zhang", "Lin", "Chen", "Wang"]),
    (["Łukasz", "Kateryna", "Agnieszka", "Taras"], ["Kowalski", "Shevchenko", "Nowak", "Bondarenko"]),
    (["Aisha", "Reza", "Fatima", "Omar"], ["Rahman", "Tehrani", "Haddad", "Karimi"]),
    (["Sokha", "Dara", "Channary"], ["Chea", "Sok", "Kim"]),
    (["Darnell", "Samuel", "Keisha", "Olusegun"], ["Washington", "Okafor", "Brooks", "Adeyemi"]),
]
# Street, city, ZIP of each demo county's district attorney: public office addresses, marked
# unverified in the demo vault so readiness still asks a person to check them.
DA_ADDRESSES = {
    "Los Angeles": ("211 West Temple Street", "Los Angeles", "90012"),
    "Orange": ("300 North Flower Street", "Santa Ana", "92703"),
    "San Bernardino": ("303 West Third Street", "San Bernardino", "92415"),
    "Riverside": ("3960 Orange Street", "Riverside", "92501"),
    "San Diego": ("330 West Broadway", "San Diego", "92101"),
    "Alameda": ("1225 Fallon Street", "Oakland", "94612"),
    "Santa Clara": ("70 West Hedding Street", "San Jose", "95110"),
    "Fresno": ("2100 Tulare Street", "Fresno", "93721"),
    "Kern": ("1215 Truxtun Avenue", "Bakersfield", "93301"),
    "Sacramento": ("901 G Street", "Sacramento", "95814"),
}
COUNTIES = ["Los Angeles", "Orange", "San Bernardino", "Riverside", "San Diego", "Alameda", "Santa Clara", "Fresno", "Kern", "Sacramento"]
OFFENSES = [
    ("PC 459", "Burglary, second degree", Level.FELONY),
    ("HS 11350(a)", "Possession of a controlled substance", Level.FELONY),
    ("VC 23152(a)", "Driving under the influence", Level.MISDEMEANOR),
    ("PC 487(a)", "Grand theft", Level.FELONY),
    ("PC 484(a)", "Petty theft", Level.MISDEMEANOR),
    ("PC 245(a)(1)", "Assault with a deadly weapon", Level.FELONY),
    ("PC 594(a)", "Vandalism", Level.MISDEMEANOR),
    ("PC 470(a)", "Forgery", Level.FELONY),
]
CITIES = [("Los Angeles", "90012"), ("Santa Ana", "92701"), ("San Bernardino", "92401"), ("Riverside", "92501"), ("San Diego", "92101")]


def minute_order_pdf(case_number: str, county: str) -> bytes:
    """A tiny fictional court record to attach, so packets show merged attachments."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    from clinic_app.pdf_fonts import BOLD, REGULAR, register_fonts

    register_fonts(BOLD)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=LETTER, invariant=1)
    c.setFont(BOLD, 14)
    c.drawString(72, 700, f"SUPERIOR COURT OF CALIFORNIA, COUNTY OF {county.upper()}")
    c.setFont(REGULAR, 11)
    c.drawString(72, 670, f"Case {case_number} - MINUTE ORDER (fictional demo record)")
    c.drawString(72, 650, "Probation terminated; all terms completed.")
    c.showPage()
    c.save()
    return buffer.getvalue()


def populate(session, clients: int = 60, seed: int = 4812) -> int:
    """Fill an open session's vault with fictional clients. Returns how many were made."""
    rng = random.Random(seed)
    today = clock.today()
    made = 0
    with session.db.transaction():
        for i in range(clients):
            given_names, family_names = NAME_GROUPS[i % len(NAME_GROUPS)]
            combo = (i // len(NAME_GROUPS)) * 7 + i  # walks the given x family pairs of the group
            given = given_names[combo % len(given_names)]
            family = family_names[(combo // len(given_names)) % len(family_names)]
            city, postal = rng.choice(CITIES)
            # Born early enough that every conviction, its supervision and dismissal are past.
            born = date(1955 + rng.randrange(40), rng.randrange(1, 13), rng.randrange(1, 28))
            client = Client(
                name_order=NameOrder.FAMILY_FIRST if i % len(NAME_GROUPS) == 1 else NameOrder.GIVEN_FIRST,
                given_name=given,
                family_name=family,
                aliases=[f"{given.split()[0]} {family.split()[0]}".replace("á", "a").replace("é", "e")] if i % 3 == 0 else [],
                date_of_birth=born,
                phone=f"(213) 555-{1000 + i:04d}",
                email=f"client{i}@example.org" if i % 2 == 0 else "",
                mailing_address=Address(f"{100 + i * 3} Main Street", city, "CA", postal, ""),
                preferred_language="es" if i % 3 == 1 else "en",
                notes="Met at the Boyle Heights clinic night." if i % 4 == 0 else "",
            )
            session.clients.create(client, audit=False)
            matter = Matter(
                client_id=client.id,
                route=Route.DIRECT if i % 5 else Route.COR,
                status=[MatterStatus.INTAKE, MatterStatus.PREPARING, MatterStatus.NOTICES_SERVED][i % 3],
                urgent_need=i % 6 == 0,
                urgent_need_details="Immigration court hearing scheduled; client asks for expedited review." if i % 6 == 0 else "",
                reasons="A pardon would let me keep working as a home health aide and stay with my children.",
                offense_circumstances="I was 19 and took a car stereo with friends. I pleaded guilty and paid restitution.",
                rehabilitation="Completed a substance-abuse program in 2009; sober since. Certified nursing assistant.",
                family_community="Mother of two; volunteers at the parish food bank every Saturday.",
                compensation=[] if i % 4 else [CompensationEntry("Community legal clinic", "0 (free services)")],
                employment=[{"employer": "Sunrise Home Care", "role": "Home health aide", "from": "2012"}],
                applicant_signed_on=today - timedelta(days=rng.randrange(5, 60)) if i % 2 == 0 else None,
            )
            session.matters.create(matter, audit=False)
            convictions = []
            counties = [rng.choice(COUNTIES[:3])] if i % 4 else ["Los Angeles", "Orange"]
            for j, county in enumerate(counties):
                code, offense, level = OFFENSES[(i + j) % len(OFFENSES)]
                # The first offense at 19, as the personal statement says; later ones some years on.
                offended = born.replace(year=born.year + 19) + timedelta(days=rng.randrange(30, 300) + j * 365 * rng.randrange(3, 8))
                convicted = offended + timedelta(days=rng.randrange(60, 400))
                convictions.append(
                    Conviction(
                        matter_id=matter.id,
                        county=county,
                        court=f"Superior Court of California, County of {county}",
                        case_number=f"{county[:2].upper()}{rng.randrange(100000, 999999)}",
                        offense=offense,
                        code_section=code,
                        level=level,
                        current_level=Level.MISDEMEANOR if level is Level.FELONY and i % 5 == 0 else level,
                        offense_date=offended,
                        conviction_date=convicted,
                        sentence="3 years formal probation, 90 days county jail",
                        supervision_end=convicted + timedelta(days=3 * 365),
                        dismissed_1203_4=convicted + timedelta(days=4 * 365) if i % 3 == 0 else None,
                    )
                )
            session.matters.save_convictions(matter.id, convictions, audit=False)
            session.matters.save_references(
                matter.id,
                [
                    Reference(matter.id, "Rev. Ana Torres", "Pastor", 12, True, today - timedelta(days=30)),
                    Reference(matter.id, "Dana Whitfield", "Employer", 8, i % 2 == 0, None),
                ],
                audit=False,
            )
            if i % 3 == 2:
                session.matters.save_notices(
                    matter.id,
                    [Notice(matter.id, c, today - timedelta(days=rng.randrange(2, 40)), "certified mail", "María López", "Los Angeles, California", f"9407 1118 9956 {rng.randrange(10**11, 10**12)}") for c in counties],
                    audit=False,
                )
            session.tasks.store.insert(
                Task(client.id, f"Serve notice on {counties[0]} County DA", today + timedelta(days=rng.randrange(1, 30)), matter_id=matter.id),
                audit=False,
            )
            if i % 4 == 0:
                session.notes.store.insert(Note(client.id, "Client prefers calls after 5 pm.", matter.id), audit=False)
            if i % 5 == 1:
                content = minute_order_pdf(convictions[0].case_number, counties[0])
                document = _document(client.id, matter.id, convictions[0], content)
                session.documents.store.insert(document, extra={"content": content}, audit=False)
            search_index.reindex(session.db, client.id)
            made += 1
        session.record("demo.populate", "vault", session.vault_id, f"{made} fictional clients")
    return made


def _document(client_id: str, matter_id: str, conviction: Conviction, content: bytes):
    import hashlib

    from clinic_app.domain.models import Document

    return Document(
        client_id=client_id,
        matter_id=matter_id,
        filename=f"minute-order-{conviction.case_number}.pdf",
        media_type="application/pdf",
        doc_type="court_record",
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
    )
