"""The client's instruction sheet: what to sign, where it goes, what happens next.

Printed in the client's preferred language (the languages of the core's catalogue, English
and Spanish so far; others fall back to English) and kept out of the submitted packet.
"""

from __future__ import annotations

from clinic_app import clock
from clinic_app.packets import render
from clinic_app.packets.fields import long_date
from clinic_app.packets.render import P
from clinic_app.translation import LANGUAGES, N_, translation

# The sheet's words: English here, other languages in the core's gettext catalogue
# (resources/locale/<lang>/LC_MESSAGES/clinic_app.po). Dates come from Babel.
TITLE = N_("Your pardon application: what to sign, where it goes, what happens next")
PREPARED = N_("Prepared for {name} by {clinic} on {date}.")
SIGN_HEADING = N_("1. What you sign, in this order")
SIGN_NOTICE_FIRST = N_("First, sign the Notice of Intent: it is delivered to the district attorney before the application is sent.")
SIGN_INTRO = N_("Sign in ink on each line marked \u201cSignature of applicant\u201d:")
SIGN_INTRO_THEN = N_("Then sign in ink on each line marked \u201cSignature of applicant\u201d:")
SIGN_APPLICATION = N_("The application ({title})")
SIGN_COMPENSATION = N_("The statement of compensation (who was paid to help; \u201cnone\u201d if nobody)")
SIGN_NOTICE = N_("One Notice of Intent for the district attorney of each county: {counties}")
SIGN_STATEMENT = N_("Your personal statement")
SIGN_NOT = N_("Do not sign the \u201cDeclaration of Service\u201d: the person who delivered the notice signs it.")
WHERE_HEADING = N_("2. Where it goes")
WHERE_NOTICES = N_(
    "First, after you sign it, each Notice of Intent is delivered to the district attorney of that county. The {decider} can act no sooner than {days} days after it is delivered:"
)
NOTICE_DELIVERED = N_("delivered on {date}")
WHERE_PACKET = N_("Then the whole application goes to:")
WHERE_PACKET_WITH_PROOF = N_("Then the whole application goes, with the proof that each notice was delivered (the signed Declaration of Service), to:")
CHANNEL = N_("How: {channel}")
NEXT_HEADING = N_("3. What happens next")
NEXT = (
    N_("The {advisory} reviews the application for the {decider}. They may contact you or people who know you."),
    N_("There is no set timeline. It can take many months."),
    N_("If you move or change your phone number, tell us right away: letters go to your mailing address."),
    N_("If you receive a court date or any official letter, call us."),
    N_("Keep this sheet in a safe place."),
)
QUESTIONS_HEADING = N_("Questions")
QUESTIONS = N_("Call {clinic}: {phone} {email}")
UNKNOWN_ADDRESS = N_("(address still to be confirmed by your clinic)")
YOUR_CLINIC = N_("your clinic")
# Words the state profiles use, as clients hear them in their language (the catalogue keeps the
# English name in brackets where the client will see it on letters); unknown names stay as written.
PROFILE_WORDS = (
    N_("Governor of California"),
    N_("Board of Parole Hearings"),
    N_("Governor of New York"),
    N_("Executive Clemency Bureau (DOCCS)"),
    N_("mail"),
    N_("online or mail"),
)


def language_of(preferred: str) -> str:
    code = (preferred or "en").split("-")[0].split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def render_instructions(ctx: render.PacketContext, preferred_language: str) -> bytes:
    """The sheet in the client's language (English when the catalogue has no such language)."""
    lang = language_of(preferred_language)
    _ = translation(lang).gettext
    profile, lh = ctx.profile, ctx.letterhead
    prepared = _(PREPARED).format(name=ctx.applicant, clinic=lh.name or _(YOUR_CLINIC), date=long_date(clock.calendar_date(ctx.built_at), lang))
    story = [P(_(TITLE), "title"), P(prepared, "subtitle")]
    story.append(P(_(SIGN_HEADING), "h2"))
    counties = ctx.counties()
    # The notice is signed, then served on each DA, then filed with the application (PC 4804):
    # a notice already served was signed then, so only unserved ones are asked for.
    unsigned = [county for county in counties if not ctx.notice_for(county)]
    if unsigned:
        story.append(P(_(SIGN_NOTICE_FIRST)))
        story.append(P(f"{render.UNCHECKED}  " + _(SIGN_NOTICE).format(counties=", ".join(unsigned))))
    story.append(P(_(SIGN_INTRO_THEN if unsigned else SIGN_INTRO)))
    application = profile.document("application")
    items = [_(SIGN_APPLICATION).format(title=application.title if application else "")]
    if profile.document("compensation_statement"):
        items.append(_(SIGN_COMPENSATION))
    if profile.document("personal_statement"):
        items.append(_(SIGN_STATEMENT))
    story += [P(f"{render.UNCHECKED}  {item}") for item in items]
    story.append(P(_(WHERE_HEADING), "h2"))
    decider = _(profile.decider)  # a name the catalogue knows is put in the client's language
    for rule in profile.notices:
        story.append(P(_(WHERE_NOTICES).format(days=rule.min_days_before_decision, decider=decider)))
        for county in counties:
            office = ctx.da_offices.get(county)
            lines = office.address_lines if office and office.has_address else [_(UNKNOWN_ADDRESS)]
            name = office.office_name if office else county
            notice = ctx.notice_for(county)
            delivered = f" ({_(NOTICE_DELIVERED).format(date=long_date(notice.served_on, lang))})" if notice else ""
            story.append(P("•  " + ", ".join([name, *lines]) + delivered))
    if counties:
        story.append(P(_(SIGN_NOT), "note"))
    story.append(P(_(WHERE_PACKET_WITH_PROOF if counties else WHERE_PACKET)))
    story.append(P("•  " + (", ".join([*profile.submission.recipient, *profile.submission.address]) or _(UNKNOWN_ADDRESS))))
    story.append(P(_(CHANNEL).format(channel=_(profile.submission.channel)), "note"))
    story.append(P(_(NEXT_HEADING), "h2"))
    advisory = _(profile.advisory_body or profile.decider)
    story += [P("•  " + _(line).format(advisory=advisory, decider=decider)) for line in NEXT]
    story += [P(_(QUESTIONS_HEADING), "h2"), P(_(QUESTIONS).format(clinic=lh.name or "", phone=lh.phone, email=lh.email))]
    return render.build_pdf(story, _(TITLE))
