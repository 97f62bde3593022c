"""What the signing attorney reads in a packet: where the signature falls, what the
application says about an urgent need, what the cover letter says about the Supreme Court."""

from __future__ import annotations

import html
import io
import re
import subprocess
from dataclasses import replace

from pypdf import PdfReader

from clinic_app.domain.models import Level
from clinic_app.packets.render import TEXT_WIDTH
from clinic_app.state_profiles import BUILTIN_FOLDER
from tests.core.packet_helpers import flat, make_matter, pdf_pages
from tests.core.test_packets_build import pages_text, part_texts


def test_the_application_signature_shares_a_page_with_the_section_before_it(session):
    """The signature section was kept together with a nested KeepTogether, which ReportLab
    measures as endlessly tall: it always started a page of its own, nearly empty. Then, with
    two convictions (California) or in New York, the last section alone went over with the
    signature: a page of "Date signed" and the declaration, showing nothing it declares true."""
    packet = session.packets.build(make_matter(session, counties=("Los Angeles",)))
    pages = [flat(t) for t in part_texts(packet, "application")]
    assert len(pages) == 2
    assert "Representative Clinic or attorney Test Clinic" in pages[1] and "Signature of applicant" in pages[1]
    for state, counties, before_last in (("CA", ("Los Angeles", "Orange"), "Representative Clinic or attorney"), ("NY", ("Kings",), "Reasons and rehabilitation Reason for the pardon")):
        pages = [flat(t) for t in part_texts(session.packets.build(make_matter(session, state=state, counties=counties)), "application")]
        (signed,) = [page for page in pages if "Signature of applicant" in page]
        assert before_last in signed, (state, signed[:200])


def test_the_urgent_need_is_stated_in_the_application_and_flagged_above_the_re_line(session):
    """PC 4812(c): expedited review is considered when the applicant indicates the urgent
    need "in the application", so its description is there, not only in the cover letter."""
    packet = session.packets.build(make_matter(session, urgent=True))
    application = flat(" ".join(part_texts(packet, "application")))
    assert "Urgent need (PC 4812(c)) Yes" in application
    assert "Urgent need: description A hearing is set for next month." in application
    cover = flat(part_texts(packet, "cover_letter")[0])
    assert cover.index("EXPEDITED REVIEW REQUESTED (Penal Code section 4812(c))") < cover.index("Re: Application for Gubernatorial Pardon")


def test_an_urgent_need_the_client_chose_not_to_state_is_printed_nowhere(session):
    """Details left on a matter whose flag was switched off (the client decided, after advice,
    not to raise it) never reach the packet, the application included."""
    matter_id = make_matter(session, urgent=False)
    matter = session.matters.get(matter_id)
    matter.urgent_need_details = "Removal hearing set for March 3."
    session.matters.update(matter)
    packet = session.packets.build(matter_id)
    everything = flat(" ".join(pages_text(packet.pdf)))
    assert "Removal hearing" not in everything and "EXPEDITED" not in everything
    assert "Urgent need (PC 4812(c)) No" in everything


def test_the_cover_letter_states_the_supreme_court_route_for_two_unreduced_felony_cases(session):
    """Cal. Const. art. V 8(a): said to the Governor's Office in the letter itself (the count
    in words, as a letter writes it, not "in 2 separate cases"). When a
    reduced felony makes the count, whether it counts is the attorney's call: the letter is
    silent and the file copy keeps the warning."""
    both = session.packets.build(make_matter(session, levels=(Level.FELONY, Level.FELONY)))
    cover = flat(" ".join(part_texts(both, "cover_letter")))
    assert "felony convictions in two separate cases, the Governor may grant this pardon only on the recommendation of the California Supreme Court" in cover
    assert "Penal Code sections 4802 and 4850–4852" in cover

    matter_id = make_matter(session, given="Rosa", levels=(Level.FELONY, Level.FELONY))
    convictions = session.matters.bundle(matter_id).convictions
    session.matters.save_convictions(matter_id, [replace(convictions[0], current_level=Level.MISDEMEANOR), convictions[1]])
    reduced = session.packets.build(matter_id)
    assert "Supreme Court" not in flat(" ".join(part_texts(reduced, "cover_letter")))
    assert "later reduced" in flat(" ".join(pages_text(reduced.file_copy)))

    one = session.packets.build(make_matter(session, given="Luz", levels=(Level.FELONY, Level.MISDEMEANOR)))
    assert "Supreme Court" not in flat(" ".join(pages_text(one.pdf)))


def test_dates_in_the_notice_and_the_letters_table_stay_on_one_line(session):
    """"September 10," on one line and "2001" on the next, in the notice served on the DA."""
    from datetime import date, timedelta

    matter_id = make_matter(session, counties=("Los Angeles",))
    bundle = session.matters.bundle(matter_id)
    session.matters.save_convictions(matter_id, [replace(bundle.convictions[0], offense_date=date(2001, 5, 14), conviction_date=date(2001, 9, 10))])
    (reference,) = bundle.references
    long_dated = date(2024, 9, 30) if date.today() > date(2024, 9, 30) else date.today() - timedelta(days=1)
    session.matters.save_references(matter_id, [replace(reference, letter_date=long_dated)])
    session.documents.add(bundle.client.id, "letter.pdf", pdf_pages(1, "Letter"), "letter", matter_id, author=reference.name)
    packet = session.packets.build(matter_id)
    (notice,) = part_texts(packet, "notice_of_intent")
    assert "September 10, 2001" in notice
    (index,) = part_texts(packet, "exhibit_index")
    assert "September 30, 2024" in index


def test_a_date_in_the_cover_letter_never_breaks_over_two_lines(session):
    """The Re: line ended "born May 17," and put "1980" alone on the next line; the same for a
    conviction's date in its bullet. Whatever the names' lengths, each date is on one line."""
    broken = []
    for given in ("José", "Ana María", "Maximiliano", "Guadalupe Esperanza", "Li"):
        packet = session.packets.build(make_matter(session, given=given), draft=True, file_copy=False)
        words = word_boxes(packet.pdf, 1)
        for i, (word, _x, top) in enumerate(words[:-2]):
            if word in ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"):
                day, year = words[i + 1], words[i + 2]
                if re.fullmatch(r"\d{1,2},", day[0]) and re.fullmatch(r"\d{4}\W?", year[0]) and not top == day[2] == year[2]:
                    broken.append((given, word, day[0], year[0]))
    assert not broken, broken


def test_new_york_application_calls_the_conviction_date_what_it_is(session):
    """The applicant signs it: the date recorded is the conviction's, never called the sentence's."""
    packet = session.packets.build(make_matter(session, state="NY", counties=("Kings",)))
    application = flat(" ".join(part_texts(packet, "application")))
    assert "Date of conviction June 1, 2001" in application and "Date of sentence" not in application


def test_new_yorks_affirmation_stays_profile_data_and_each_check_says_it_is_not_sworn(session):
    """The NY application closes with an affirmation that is not under penalty of perjury. CPLR
    2106 (2024) prescribes one for statements used in an action in New York; the clemency form's
    own words are unconfirmed. So the words stay the profile's, and the attorney is told so at
    every check and in the file copy; a clinic that adopts the statute's words prints them."""
    matter_id = make_matter(session, state="NY", counties=("Kings",))
    (item,) = [i for i in session.packets.check(matter_id).items if i.code == "affirmation_wording"]
    assert "not an affirmation under penalty of perjury" in item.message and "CPLR 2106" in item.message
    packet = session.packets.build(matter_id)
    assert "not an affirmation under penalty of perjury" in flat(" ".join(pages_text(packet.file_copy)))
    assert "affirmation_wording" not in session.packets.check(make_matter(session, given="Ana")).codes()  # California's is statutory

    statute = ("I affirm this ___ day of ______, ____, under the penalties of perjury under the laws of New York, which may include a fine or "
               "imprisonment, that the foregoing is true, and I understand that this document may be filed in an action or proceeding in a court of law.")
    shipped = (BUILTIN_FOLDER / "NY.toml").read_text(encoding="utf-8")
    profiles = session.vault.folder / "profiles"
    profiles.mkdir()
    (profiles / "NY.toml").write_text(re.sub(r'^declaration = ".*"$', f'declaration = "{statute}"', shipped, flags=re.M), encoding="utf-8")
    adopted = session.packets.build(make_matter(session, given="Rosa", state="NY", counties=("Kings",)), draft=True)
    assert statute in flat(" ".join(part_texts(adopted, "application")))


def test_a_final_packet_on_the_checked_worksheet_never_says_not_for_filing(session):
    """Final on the worksheet needs an attorney's recorded check; the packet they then mail
    must not tell the Governor's Office, in red on three pages, that it is not for filing. The
    draft keeps the mark (and DRAFT) so it cannot be taken for the final."""
    matter_id = make_matter(session)
    final = session.packets.build(matter_id)
    pages = [flat(t) for t in pages_text(final.pdf)]
    assert not any("not for filing" in t or "Worksheet" in t or "DRAFT" in t for t in pages)
    application = flat(" ".join(part_texts(final, "application")))
    assert application.startswith("Application for Gubernatorial Pardon") and "Prepared by counsel" in application
    assert "I declare under penalty of perjury" in application and "has not supplied" not in application
    draft = session.packets.build(matter_id, draft=True)
    assert all(flat(t).startswith("Worksheet — not for filing") for t in part_texts(draft, "application"))
    assert "has not supplied" in flat(" ".join(part_texts(draft, "application")))


def test_each_notice_is_followed_by_its_declaration_of_service_and_the_letter_says_when(session):
    """PC 4804: the Governor acts at least 10 days after service, proved by affidavit. The cover
    letter says who was served and when; each county's proof follows the notice it proves."""
    from datetime import date, timedelta

    packet = session.packets.build(make_matter(session, served={"Los Angeles": 30, "Orange": 12}))
    kinds = [(p.kind, p.title.rsplit(": ", 1)[-1]) for p in packet.parts if p.kind in ("notice_of_intent", "proof_of_service")]
    assert kinds == [
        ("notice_of_intent", "Los Angeles County"), ("proof_of_service", "Los Angeles County"),
        ("notice_of_intent", "Orange County"), ("proof_of_service", "Orange County"),
    ]
    served = lambda days: f"{(date.today() - timedelta(days=days)):%B} {(date.today() - timedelta(days=days)).day}, {(date.today() - timedelta(days=days)).year}"  # noqa: E731
    cover = flat(" ".join(part_texts(packet, "cover_letter")))
    assert (
        f"As Penal Code section 4804 requires, the Notice of Intent to Apply for Clemency was served on the District Attorney of "
        f"Los Angeles County on {served(30)} and the District Attorney of Orange County on {served(12)}; the declarations of service are enclosed."
    ) in cover
    new_york = session.packets.build(make_matter(session, state="NY", counties=("Kings",), given="Ana"))
    assert "4804" not in flat(" ".join(pages_text(new_york.pdf))) and "served on" not in flat(" ".join(part_texts(new_york, "cover_letter")))


def test_another_states_conviction_is_history_never_asked_of_this_governor(session):
    """The Governor of California cannot pardon a Nevada conviction: the cover letter asks only
    for the state's own, the check says to uncheck it, and no court record is asked for it."""
    from datetime import date

    from clinic_app.domain.models import Conviction

    matter_id = make_matter(session, counties=("Los Angeles",))
    bundle = session.matters.bundle(matter_id)
    nevada = Conviction(matter_id, state="NV", county="Clark", case_number="08M12345X", offense="Petty larceny", code_section="NRS 205.240",
                        level=Level.MISDEMEANOR, conviction_date=date(2008, 3, 3))
    session.matters.save_convictions(matter_id, [*bundle.convictions, nevada])
    readiness = session.packets.check(matter_id)
    (item,) = [i for i in readiness.items if i.code == "pardon_out_of_state"]
    assert item.field_ref.endswith(".pardon_requested") and "a conviction in NV, which a CA pardon cannot reach" in item.message
    assert not [i for i in readiness.items if i.code == "court_record_missing" and "(Clark)" in i.message]
    packet = session.packets.build(matter_id)
    cover = flat(" ".join(part_texts(packet, "cover_letter")))
    assert "for a pardon of the following conviction: • Los Angeles County, case CASE-0001" in cover and "08M12345X" not in cover
    assert "08M12345X" in flat(" ".join(part_texts(packet, "application")))  # all convictions, including other states


def test_the_declaration_of_service_is_dated_once(session):
    """"Executed on ___ at ___" says when and where; a second blank "Date" beside the signature
    invites two different dates on one declaration."""
    packet = session.packets.build(make_matter(session, counties=("Los Angeles",)))
    (declaration,) = [flat(t) for t in part_texts(packet, "proof_of_service")]
    assert declaration.count("Executed on") == 1
    assert "Signature of person who served the notice Printed name: Ana Server" in declaration
    assert "Date" not in declaration.split("Executed on", 1)[1]


def test_an_urgent_california_packet_prints_no_immigration_identity_facts(vault):
    """PC 4812(e): eligibility does not depend on immigration status, and the California
    profile asks for none. With status, citizenship, A-number, birthplace and SSN stored for the
    matter (an attorney's work product, with consent), an urgent packet, its file copy, the
    notices and the client's sheet print none of them, nor ask for them."""
    from datetime import timedelta

    from clinic_app import clock
    from clinic_app.lifecycle import open_session
    from clinic_app.restricted_categories import PurposeKind, category_of
    from tests.conftest import PASSWORD

    facts = {"immigration_status": "CANARY-STATUS", "citizenship": "CANARY-CITIZEN", "a_number": "A-CANARY-123",
             "place_of_birth": "CANARY-BIRTHPLACE", "ssn": "CANARY-SSN"}
    with open_session(vault, "attorney", PASSWORD) as s:
        matter_id = make_matter(s, urgent=True)
        s.restricted.open_purpose(matter_id, PurposeKind.ATTORNEY_WORK_PRODUCT, sorted({category_of(f) for f in facts}, key=str),
                                  client_consent=True, expires_on=clock.today() + timedelta(days=30))
        for field, value in facts.items():
            s.restricted.put(matter_id, field, value)
        packet = s.packets.build(matter_id)
        printed = flat(" ".join(pages_text(packet.pdf) + pages_text(packet.file_copy) + pages_text(s.packets.notices(matter_id))
                                + pages_text(s.packets.instructions(matter_id))))
    assert "EXPEDITED REVIEW REQUESTED" in printed
    for value in facts.values():
        assert value not in printed
    for asked in ("A-number", "Alien", "Citizenship", "citizenship", "Place of birth", "place of birth", "Country of birth",
                  "Social Security", "SSN", "Immigration status", "immigration status"):
        assert asked not in printed, asked


def test_a_district_attorney_address_checked_over_a_year_ago_is_flagged(session):
    """Offices move: a notice served at an address nobody has checked for years may not reach
    the DA (PC 4804). A year, as for the profile itself."""
    from datetime import date, timedelta

    matter_id = make_matter(session, counties=("Los Angeles",))
    assert "da_address_stale" not in session.packets.check(matter_id).codes()
    checked = date.today() - timedelta(days=400)
    session.da_offices.set("Los Angeles", address="211 West Temple Street\nLos Angeles, CA 90012", verified_on=checked, source="county website")
    (item,) = [i for i in session.packets.check(matter_id).items if i.code == "da_address_stale"]
    assert item.severity == "warning" and item.field_ref == "da_office:Los Angeles.verified_on"
    assert f"last verified on {checked:%B} {checked.day}, {checked.year}, over a year ago" in item.message


def test_the_notice_names_the_applicant_where_it_says(session):
    """The notice said "the applicant named below" with the name printed above it (From:)."""
    packet = session.packets.build(make_matter(session, counties=("Los Angeles",)))
    (notice,) = [flat(t) for t in part_texts(packet, "notice_of_intent")]
    assert notice.index("From: José Hernández") < notice.index(
        "PLEASE TAKE NOTICE that José Hernández, the applicant named above, intends to apply to the Governor of California "
        "for a pardon of the conviction(s) listed below, had in the County of Los Angeles."
    )
    assert "named below" not in notice


def test_the_instruction_sheet_puts_sign_serve_file_in_that_order(session):
    """PC 4804: the applicant signs the notice, it is served on each DA, and the proof of service
    goes with the application; a notice already served is not asked to be signed again."""
    unserved = make_matter(session, served={})
    english = flat(" ".join(pages_text(session.packets.instructions(unserved, "en"))))
    steps = ["First, sign the Notice of Intent", "One Notice of Intent for the district attorney of each county: Los Angeles, Orange",
             "Then sign in ink", "after you sign it, each Notice of Intent is delivered to the district attorney",
             "Do not sign the “Declaration of Service”", "Then the whole application goes, with the proof that each notice was delivered"]
    assert all(step in english for step in steps), english
    assert [english.index(step) for step in steps] == sorted(english.index(step) for step in steps)
    spanish = flat(" ".join(pages_text(session.packets.instructions(unserved, "es"))))
    pasos = ["Primero, firme el Aviso de intención", "Después, firme con tinta", "después de que usted lo firme, cada Aviso",
             "junto con la prueba de que cada aviso fue entregado"]
    assert [spanish.index(paso) for paso in pasos] == sorted(spanish.index(paso) for paso in pasos)

    served = make_matter(session, given="Ana", served={"Los Angeles": 30})
    sheet = flat(" ".join(pages_text(session.packets.instructions(served, "en"))))
    assert "One Notice of Intent for the district attorney of each county: Orange" in sheet
    assert "each county: Los Angeles" not in sheet and "Los Angeles, CA 90012 (delivered on" in sheet


def test_the_cover_letter_keeps_its_last_paragraph_with_the_signature(session):
    """A letter long enough to turn the page before "Respectfully submitted" carries its
    closing paragraph over with it: the signature never starts page 2 alone."""
    matter_id = make_matter(session, urgent=True)
    matter = session.matters.get(matter_id)
    session.matters.update(replace(matter, urgent_need_details="The hearing is set soon. " * 24), ["urgent_need_details"])
    packet = session.packets.build(matter_id, draft=True, file_copy=False)
    pages = [flat(t) for t in pages_text(packet.pdf)[:2]]
    on = {words: [i for i, page in enumerate(pages) if words in page] for words in ("The hearing is set soon.", "enclosures are listed below",
                                                                                  "Respectfully submitted,", "Morgan Reyes", "Enclosures")}
    assert on["The hearing is set soon."] == [0]  # the letter does start on page 1
    assert on["enclosures are listed below"] == on["Respectfully submitted,"] == on["Morgan Reyes"] == on["Enclosures"] == [1], on


def test_a_long_personal_statement_keeps_its_last_paragraph_with_the_signature(session):
    """A statement that filled its first page to the bottom put "Signature of applicant" alone
    at the top of the next: a signature detached from what it signs. Nor does the paragraph go
    over whole, leaving its page half empty: its last lines go with the signature."""
    matter_id = make_matter(session)
    for repeat in (60, 66):
        session.matters.update(replace(session.matters.get(matter_id), reasons="I need the pardon for my work. " * repeat), ["reasons"])
        pages = [flat(t) for t in part_texts(session.packets.build(matter_id, draft=True, file_copy=False), "personal_statement")]
        (signed,) = [page for page in pages if "Signature of applicant" in page]
        assert "I need the pardon for my work." in signed, (repeat, signed[:160])
        assert "My need for a pardon I need the pardon for my work." in pages[0], repeat  # its heading and first lines stay


def word_boxes(pdf: bytes, page: int) -> list[tuple[str, float, float]]:
    """(word, left edge, top) in points on one page, as pdftotext -bbox lays them out."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return [(html.unescape(word), float(x), float(y)) for x, y, word in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*?)</word>', out)]


def test_the_servers_printed_name_starts_under_the_signature_line(session):
    packet = session.packets.build(make_matter(session, counties=("Los Angeles",)))
    declaration = next(p for p in packet.parts if p.kind == "proof_of_service")
    words = word_boxes(packet.pdf, declaration.first_page)
    line = next(x for word, x, _ in words if word.startswith("____") and x < 100 and len(word) > 40)  # the signature line
    printed = next(x for word, x, _ in words if word == "Printed")
    signature = next(x for word, x, _ in words if word == "Signature")
    assert abs(printed - line) < 0.5 and abs(signature - line) < 0.5, (line, printed, signature)


def test_the_compensation_statements_title_is_one_line_and_keeps_its_statute(session):
    packet = session.packets.build(make_matter(session))
    statement = next(p for p in packet.parts if p.kind == "compensation_statement")
    words = word_boxes(packet.pdf, statement.first_page)
    title_top = next(y for word, _, y in words if word == "Statement")
    title_size = next(y for word, _, y in words if word == "Applicant:") - title_top
    assert all(abs(y - title_top) < 1 for word, _, y in words[:3]), words[:8]  # "Statement of Compensation"
    assert title_size < 30, words[:12]  # the subtitle follows on the next line, not after a wrapped title
    text = flat(pages_text(packet.pdf)[statement.first_page - 1])
    assert text.startswith("Statement of Compensation Penal Code section 4807.2 · Applicant:"), text[:120]
    letter = flat(" ".join(pages_text(packet.pdf)[:2]))
    assert "Statement of Compensation (Penal Code section 4807.2)" in letter  # the enclosure list's title unchanged


def signature_pages(packet) -> list[int]:
    """The pages of the packet's generated parts that carry a "Signature of …" label."""
    return [number for number, text in enumerate(pages_text(packet.pdf), start=1) if "Signature of" in text]


def body_left_edge(words: list[tuple[str, float, float]]) -> float:
    """Where the page's paragraphs start: the left edge most lines of the page start at."""
    starts: dict[float, int] = {}
    for top in {y for _, _, y in words}:
        first = min(x for _, x, y in words if y == top)
        starts[round(first, 1)] = starts.get(round(first, 1), 0) + 1
    return max(starts, key=starts.get)


def drawn_extents(pdf: bytes, page: int) -> list[tuple[float, float]]:
    """(left, right) in points of every line and rectangle drawn on one page (table grids and
    backgrounds, boxes, rules), through the transformations in force where each is drawn."""
    extents: list[tuple[float, float]] = []
    path: list[float] = []

    def visit(operator, operands, matrix, _text_matrix) -> None:
        a, b, c, d, e, f = matrix
        def x_of(x, y) -> float:
            return a * float(x) + c * float(y) + e
        if operator == b"re":
            x, y, w, h = operands
            extents.append(tuple(sorted((x_of(x, y), x_of(float(x) + float(w), float(y) + float(h))))))
        elif operator == b"m":
            path[:] = [x_of(*operands)]
        elif operator == b"l" and path:
            extents.append(tuple(sorted((path[-1], x_of(*operands)))))
            path.append(x_of(*operands))

    PdfReader(io.BytesIO(pdf)).pages[page - 1].extract_text(visitor_operand_before=visit)
    return extents


def test_signature_lines_tables_boxes_and_rules_sit_on_the_body_texts_column(session):
    """Everything a page draws sits on the column the paragraphs run in. The signature tables,
    then the form grids, the letterhead rule, the enclosure and exhibit lists, the notice's
    receipt box and the notary's box were 12 pt wider than the frame's text width, and
    ReportLab centred them: 6 pt out on each side of the text above and below them."""
    packets = {state: session.packets.build(make_matter(session, state=state, counties=counties)) for state, counties in (("CA", ("Los Angeles", "Orange")), ("NY", ("Kings",)))}
    profiles = session.vault.folder / "profiles"  # last: a notarized application for every CA matter from here on
    profiles.mkdir()
    (profiles / "CA.toml").write_text((BUILTIN_FOLDER / "CA.toml").read_text(encoding="utf-8").replace("notarize = false", "notarize = true"), encoding="utf-8")
    packets["CA notarized"] = session.packets.build(make_matter(session, given="Ana", counties=("Los Angeles",)))
    checked, full_width = [], 0
    for name, packet in packets.items():
        edge = body_left_edge(word_boxes(packet.pdf, 1))  # the cover letter's paragraphs (a form's cells start inside their padding)
        signed = signature_pages(packet)
        generated = [page for part in packet.parts if part.kind != "attachment" for page in range(part.first_page, part.first_page + part.pages)]
        documents = [(packet.pdf, page) for page in generated] + [(packet.file_copy, page) for page in range(1, len(PdfReader(io.BytesIO(packet.file_copy)).pages) + 1)]
        for pdf, page in documents:
            for left, right in drawn_extents(pdf, page):
                assert edge - 0.5 < left and right < edge + TEXT_WIDTH + 0.5, (name, page, edge, left, right)
                full_width += right - left > TEXT_WIDTH - 0.5
            if pdf is not packet.pdf or page not in signed:
                continue
            words = word_boxes(pdf, page)
            labels = [x for i, (word, x, _) in enumerate(words) if word == "Signature" and words[i + 1][0] == "of"]
            lines = [x for word, x, _ in words if word.startswith("____") and len(word) > 40]  # a signature line: two blanks
            assert labels and lines, (name, page)
            for x in labels + lines:
                assert abs(x - edge) < 0.5, (name, page, edge, x)
            checked.append((name, page, "notary" in flat(pages_text(packet.pdf)[page - 1])))
    assert sum(1 for name, _, _ in checked if name == "CA") == 7 and sum(1 for name, _, _ in checked if name == "NY") == 2, checked
    assert any(notary for name, _, notary in checked if name == "CA notarized"), checked
    assert full_width > 60, full_width  # rules, grids, backgrounds and boxes from edge to edge were seen


def test_an_application_page_that_goes_on_with_a_section_starts_under_its_title_continued(session):
    """A long answer or the next conviction went over to the next page as a bare grid, and
    nothing on that page said which section of the application it answers."""
    matter_id = make_matter(session, counties=("Los Angeles", "Orange", "Kern", "Fresno"))
    matter = session.matters.get(matter_id)
    session.matters.update(replace(matter, reasons="I need the pardon for my work and my family, who depend on me. " * 80), ["reasons"])
    pages = [flat(t).removeprefix("Worksheet — not for filing ") for t in part_texts(session.packets.build(matter_id, draft=True, file_copy=False), "application")]
    convictions, reasons = "Convictions (all, including other states and countries)", "Reasons (continued) "
    assert [page.startswith(f"{convictions} (continued) Conviction ") for page in pages[1:3]] == [True, True], [p[:100] for p in pages]
    assert [page.startswith(reasons) for page in pages[3:-1]] == [True, True], [p[:100] for p in pages]
    assert pages[-1].startswith("Representative ") and pages[0].count("(continued)") == 0
    assert f"{convictions} Conviction 1" in pages[0] and f"{convictions} (continued)" not in " ".join(pages[3:])


def test_a_section_title_of_the_application_never_ends_a_page_alone(session):
    """With a dozen other names the applicant's table grew until "Convictions" was the last
    line of the first page, and the next page started with "Conviction 1" under no title."""
    matter_id = make_matter(session, counties=("Los Angeles", "Orange"))
    client = session.clients.get(session.matters.get(matter_id).client_id)
    session.clients.update(replace(client, aliases=[f"Other Name {i}" for i in range(14)]), ["aliases"])
    pages = [flat(t) for t in part_texts(session.packets.build(matter_id, draft=True, file_copy=False), "application")]
    convictions = "Convictions (all, including other states and countries)"
    (first,) = [k for k, page in enumerate(pages) if f"{convictions} Conviction 1 " in page]
    assert all(f"{convictions} " not in page for page in pages[:first]), [p[-120:] for p in pages]
