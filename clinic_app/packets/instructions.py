"""The client's instruction sheet: what to sign, where it goes, what happens next.

Printed in the client's preferred language (English and Spanish so far; others fall back
to English) and kept out of the submitted packet.
"""

from __future__ import annotations

from clinic_app.packets import render
from clinic_app.packets.fields import long_date
from clinic_app.packets.render import P

SPANISH_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]

TEXT = {
    "en": {
        "title": "Your pardon application: what to sign, where it goes, what happens next",
        "prepared": "Prepared for {name} by {clinic} on {date}.",
        "sign_h": "1. What you sign",
        "sign_intro": "Sign in ink on each line marked \u201cSignature of applicant\u201d:",
        "sign_application": "The application ({title})",
        "sign_compensation": "The statement of compensation (who was paid to help; \u201cnone\u201d if nobody)",
        "sign_notice": "One Notice of Intent for the district attorney of each county: {counties}",
        "sign_statement": "Your personal statement",
        "sign_not": "Do not sign the \u201cDeclaration of Service\u201d: the person who delivered the notice signs it.",
        "where_h": "2. Where it goes",
        "where_notices": "First, each Notice of Intent is delivered to the district attorney of that county, at least {days} days before the {decider} decides:",
        "where_packet": "Then the whole application goes to:",
        "channel": "How: {channel}",
        "next_h": "3. What happens next",
        "next": [
            "The {advisory} reviews the application for the {decider}. They may contact you or people who know you.",
            "There is no set timeline. It can take many months.",
            "If you move or change your phone number, tell us right away: letters go to your mailing address.",
            "If you receive a court date or any official letter, call us.",
            "Keep this sheet in a safe place.",
        ],
        "questions_h": "Questions",
        "questions": "Call {clinic}: {phone} {email}",
        "unknown_address": "(address still to be confirmed by your clinic)",
    },
    "es": {
        "title": "Su solicitud de perdón: qué firmar, a dónde va y qué sigue",
        "prepared": "Preparado para {name} por {clinic} el {date}.",
        "sign_h": "1. Lo que usted firma",
        "sign_intro": "Firme con tinta en cada línea que dice \u201cSignature of applicant\u201d (firma del solicitante):",
        "sign_application": "La solicitud ({title})",
        "sign_compensation": "La declaración de pagos (a quién se pagó por ayudar; \u201cninguno\u201d si nadie)",
        "sign_notice": "Un Aviso de intención de solicitar clemencia (Notice of Intent) para la fiscalía de cada condado: {counties}",
        "sign_statement": "Su declaración personal (Personal Statement)",
        "sign_not": "No firme la \u201cDeclaration of Service\u201d (declaración de entrega): la firma la persona que entregó el aviso.",
        "where_h": "2. A dónde va",
        "where_notices": "Primero, cada Aviso de intención se entrega a la fiscalía (District Attorney) de ese condado, por lo menos {days} días antes de que decida el {decider}:",
        "where_packet": "Después, la solicitud completa se envía a:",
        "channel": "Cómo: {channel}",
        "next_h": "3. Qué sigue",
        "next": [
            "{advisory} revisa la solicitud para el {decider}. Es posible que se comuniquen con usted o con personas que lo conocen.",
            "No hay un plazo fijo. Puede tardar muchos meses.",
            "Si se muda o cambia de teléfono, avísenos enseguida: las cartas llegan a su dirección postal.",
            "Si recibe una cita en la corte o cualquier carta oficial, llámenos.",
            "Guarde esta hoja en un lugar seguro.",
        ],
        "questions_h": "Preguntas",
        "questions": "Llame a {clinic}: {phone} {email}",
        "unknown_address": "(su clínica todavía debe confirmar la dirección)",
    },
}

CHANNELS_ES = {"mail": "por correo", "online or mail": "en línea o por correo"}
# Official names from the state profiles, as Spanish-speaking clients hear them (English kept
# in brackets where the client will see it on letters); unknown names stay in English.
NAMES_ES = {
    "Governor of California": "Gobernador de California",
    "Board of Parole Hearings": "La Junta de Audiencias de Libertad Condicional (Board of Parole Hearings)",
    "Governor of New York": "Gobernador de Nueva York",
    "Executive Clemency Bureau (DOCCS)": "La Oficina de Clemencia Ejecutiva (Executive Clemency Bureau, DOCCS)",
}


def language_of(preferred: str) -> str:
    code = (preferred or "en").split("-")[0].lower()
    return code if code in TEXT else "en"


def _date(day, language: str) -> str:
    if language == "es":
        return f"{day.day} de {SPANISH_MONTHS[day.month - 1]} de {day.year}"
    return long_date(day)


def render_instructions(ctx: render.PacketContext, preferred_language: str) -> bytes:
    lang = language_of(preferred_language)
    t = TEXT[lang]
    profile, lh = ctx.profile, ctx.letterhead
    story = [P(t["title"], "title"), P(t["prepared"].format(name=ctx.applicant, clinic=lh.name or "your clinic", date=_date(ctx.built_at.date(), lang)), "subtitle")]
    story.append(P(t["sign_h"], "h2"))
    story.append(P(t["sign_intro"]))
    application = profile.document("application")
    items = [t["sign_application"].format(title=application.title if application else "")]
    if profile.document("compensation_statement"):
        items.append(t["sign_compensation"])
    counties = ctx.counties()
    if counties:
        items.append(t["sign_notice"].format(counties=", ".join(counties)))
    if profile.document("personal_statement"):
        items.append(t["sign_statement"])
    story += [P(f"{render.UNCHECKED}  {item}") for item in items]
    if counties:
        story.append(P(t["sign_not"], "note"))
    story.append(P(t["where_h"], "h2"))
    decider = NAMES_ES.get(profile.decider, profile.decider) if lang == "es" else profile.decider
    for rule in profile.notices:
        story.append(P(t["where_notices"].format(days=rule.min_days_before_decision, decider=decider)))
        for county in counties:
            office = ctx.da_offices.get(county)
            lines = office.address_lines if office and office.has_address else [t["unknown_address"]]
            name = office.office_name if office else county
            story.append(P("•  " + ", ".join([name, *lines])))
    story.append(P(t["where_packet"]))
    story.append(P("•  " + (", ".join([*profile.submission.recipient, *profile.submission.address]) or t["unknown_address"])))
    channel = CHANNELS_ES.get(profile.submission.channel, profile.submission.channel) if lang == "es" else profile.submission.channel
    story.append(P(t["channel"].format(channel=channel), "note"))
    story.append(P(t["next_h"], "h2"))
    advisory = profile.advisory_body or profile.decider
    if lang == "es":
        advisory = NAMES_ES.get(advisory, advisory)
    story += [P("•  " + line.format(advisory=advisory, decider=decider)) for line in t["next"]]
    story += [P(t["questions_h"], "h2"), P(t["questions"].format(clinic=lh.name or "", phone=lh.phone, email=lh.email))]
    return render.build_pdf(story, t["title"])
