"""`session.packets`: readiness check, packet build, notices for service, client instructions.

Checking is open to everyone (PACKET_CHECK); building anything that leaves the vault as a
PDF needs PACKET_BUILD (attorneys and managers). Builds are audited as "packet.build" with
the matter id and counts, never values.
"""

from __future__ import annotations

import json

import msgspec
from pypdf import PdfReader

from clinic_app import APP_NAME, __version__, clock
from clinic_app.domain.da_office import normalise_county
from clinic_app.errors import ClinicError, NotFound, ValidationError
from clinic_app.fileio import atomic_write
from clinic_app.packets import official_form, render
from clinic_app.collector import cyclic_gc_paused
from clinic_app.packets.assemble import BuiltPacket, assemble, assemble_notices
from clinic_app.packets.attachments import UnreadableAttachment, attachment_reader, check_attachment
from clinic_app.packets.fields import Letterhead, counties_of_conviction, display, long_date
from clinic_app.packets.readiness import BLOCKING, INFO, PROFILE_STALE_DAYS, Readiness, ReadinessItem, check, uses_official_form
from clinic_app.roles import SIGNED_IN, Permission, Role, operation
from clinic_app.services.context import ServiceContext
from clinic_app.services.da_offices import DaOfficeService
from clinic_app.services.matters import MatterService
from clinic_app.services.restricted import RestrictedService
from clinic_app.services.settings import SettingsService
from clinic_app.services.users import UserService
from clinic_app.services.profile_checks import ProfileChecks
from clinic_app.state_profiles import ProfileRegistry, StateProfile, clinic_profiles_folder


class PacketNotReady(ClinicError):
    """Building was refused: the readiness check found blocking problems."""

    def __init__(self, readiness: Readiness):
        super().__init__("packet.not_ready", count=len(readiness.blocking))
        self.readiness = readiness


class FormFieldRow(msgspec.Struct, frozen=True):
    name: str
    kind: str  # text | checkbox | radio | choice | button
    options: tuple[str, ...]
    source: str  # "" when not mapped
    value: str | None  # for the matter asked about; None without one


class Prepared(msgspec.Struct):
    ctx: render.PacketContext
    readiness: Readiness
    form_template: bytes | None


class PacketService:
    def __init__(
        self,
        ctx: ServiceContext,
        matters: MatterService,
        da_offices: DaOfficeService,
        restricted: RestrictedService,
        settings: SettingsService,
        users: UserService,
    ):
        self.ctx = ctx
        self.matters = matters
        self.da_offices = da_offices
        self.restricted = restricted
        self.settings = settings
        self.users = users

    # -- profiles --------------------------------------------------------------------------

    @property
    def profiles(self) -> ProfileRegistry:
        return ProfileRegistry(clinic_profiles_folder(self.ctx.folder))

    @property
    def profiles_folder(self):
        return clinic_profiles_folder(self.ctx.folder)

    @operation(SIGNED_IN)
    def profile_for(self, state: str) -> StateProfile:
        """The state's profile, with the clinic's official form and its mapping when stored."""
        profile = self.profiles.get(state)
        mapping = official_form.read_mapping(self.profiles_folder, state)
        return profile.with_form(mapping) if mapping else profile

    # -- the official form -----------------------------------------------------------------

    @operation(Permission.PACKET_BUILD)
    def store_form(self, state: str, template: bytes, file_name: str = "") -> list[official_form.FormField]:
        """Keep the clinic's copy of the official (fillable) application for `state`, or
        replace it (mappings of fields the new form still has are kept). It takes the place of
        a form a clinic profile file names until `remove_form`."""
        profile = self.profile_for(state)
        fields, _mapping = official_form.store_form(
            self.profiles_folder, profile.state, template, profile.form, file_name, clock.today(), self.ctx.user.username
        )
        self.ctx.record("profile.form_stored", "profile", profile.state, f"fields {len(fields)}")
        return fields

    @operation(Permission.PACKET_CHECK)
    def stored_form(self, state: str) -> official_form.StoredForm | None:
        """Which official form `state`'s packets fill (None: the app's worksheet)."""
        profile = self.profile_for(state)
        return official_form.stored_form(self.profiles_folder, profile.state, profile.form)

    @operation(Permission.PACKET_BUILD)
    def remove_form(self, state: str) -> None:
        """Forget the official form stored for `state` and its field mapping; packets go back
        to the app's worksheet."""
        profile = self.profile_for(state)
        if profile.form is not None and official_form.from_profile_file(self.profiles_folder, profile.state):
            raise ValidationError("form.in_profile_file", state=profile.state)
        if not official_form.remove_form(self.profiles_folder, profile.state):
            raise NotFound("form.not_stored", state=profile.state)
        self.ctx.record("profile.form_removed", "profile", profile.state)

    @operation(Permission.PACKET_BUILD)
    def map_form_field(self, state: str, field_name: str, source: str) -> None:
        """Fill form field `field_name` from `source` ("-" removes the mapping)."""
        profile = self.profile_for(state)
        official_form.map_field(self.profiles_folder, profile.state, profile.form, field_name, source)
        self.ctx.record("profile.form_mapped", "profile", profile.state, f"field {field_name}")

    @operation(Permission.PACKET_CHECK)
    def form_fields(self, state: str, matter_id: str | None = None) -> list[FormFieldRow]:
        """The official form's fields with their source and, for an open matter, the value each
        would get: what the mapping view shows."""
        profile = self.profile_for(state)
        if profile.form is None or not profile.form.template.is_file():
            raise NotFound("form.not_stored", state=profile.state)
        fields = official_form.read_fields(profile.form.template.read_bytes())
        bundle = self.matters.bundle(matter_id) if matter_id else None
        letterhead = self.letterhead()
        rows = []
        for f in fields:
            source = profile.form.fields.get(f.name, "")
            value = display(official_form.source_value(source, bundle, letterhead)) if bundle is not None and source else None
            rows.append(FormFieldRow(f.name, f.kind, f.options, source, value))
        return rows

    @operation(Permission.PACKET_CHECK)
    def letterhead(self) -> Letterhead:
        lines = self.settings.letterhead()
        return Letterhead(lines.name, lines.address, lines.phone, lines.email)

    def _signer(self) -> render.Signer:
        """The user building the packet signs its cover letter."""
        user = self.users.get(self.ctx.user.username)
        return render.Signer(user.full_name, user.title, user.bar_number)

    def _signer_problems(self, signer: render.Signer) -> list[ReadinessItem]:
        """A final packet is signed by a named person, and an attorney gives a bar number."""
        name = self.ctx.user.username
        where = f"user:{name}"
        items = []
        if not signer.full_name:
            items.append(ReadinessItem(BLOCKING, "signer_full_name_missing", f"Your full name is not set; the cover letter is signed with it. Set it with: clinic-app user set {name} --full-name \"...\" (or Users in the app).", where, params={"username": name}))
        if self.ctx.role is Role.ATTORNEY and not signer.bar_number:
            items.append(ReadinessItem(BLOCKING, "signer_bar_number_missing", f"Your State Bar number is not set; the cover letter is signed with it. Set it with: clinic-app user set {name} --bar-number N (or Users in the app).", where, params={"username": name}))
        return items

    def _filing_problems(self, profile: StateProfile, confirm_checked: bool) -> list[ReadinessItem]:
        """A final packet on the worksheet or on a never-verified profile needs a person's check."""
        worksheet = not uses_official_form(profile)
        if not worksheet and profile.last_verified is not None:
            return []
        checks = ProfileChecks(self.ctx)
        if confirm_checked:
            checks.record(profile.state)
            return []
        last = checks.last(profile.state)
        if last is not None and (clock.today() - last.checked_on).days <= PROFILE_STALE_DAYS:
            return []
        why = " and ".join(
            w for w in ("the application is the app's worksheet, not the official form" if worksheet else "", "the profile has never been verified" if profile.last_verified is None else "") if w
        )
        return [
            ReadinessItem(
                BLOCKING,
                "profile_check_needed",
                f"A final {profile.state} packet needs your check: {why}. Build a draft, or record that you checked it "
                f"(clinic-app profile checked {profile.state}, or packet build --confirm-checked).",
                f"profile:{profile.state}",
                params={"state": profile.state},
            )
        ]

    # -- readiness -------------------------------------------------------------------------

    @operation(Permission.PACKET_CHECK)
    def check(self, matter_id: str) -> Readiness:
        return self._prepare(matter_id).readiness

    def _prepare(self, matter_id: str, draft: bool = False, convert: bool = False) -> Prepared:
        bundle = self.matters.bundle(matter_id, with_documents=True)
        profile = self.profile_for(bundle.matter.state)
        lines = self.settings.letterhead()
        letterhead = Letterhead(lines.name, lines.address, lines.phone, lines.email)
        counties = counties_of_conviction(bundle, profile.state) if profile.notices else []
        offices = {county: self.da_offices.find(county, profile.state) for county in counties}
        readiness = check(bundle, profile, offices.get, letterhead, clock.today())
        if not lines.signed:  # a name or number no manager signed must not go out on a filing
            readiness.items.append(ReadinessItem(BLOCKING, "letterhead_unsigned", "The letterhead is not as a manager signed it (changed outside the app, or set with an older version or before a restore or a password reset); a manager saves it again in Clinic settings. A draft can be built.", "settings:letterhead"))
        converted: dict[str, PdfReader] = {}  # opened once here when building; only checked otherwise
        for doc in bundle.documents:
            try:
                if convert:
                    converted[doc.id] = attachment_reader(doc)
                else:
                    check_attachment(doc)
            except UnreadableAttachment as exc:
                readiness.items.append(ReadinessItem(BLOCKING, "attachment_unreadable", f"Attachment '{doc.filename}' cannot be merged: {exc}.", f"document:{doc.id}.content", params={"file": doc.filename}))
        restricted = self._restricted_facts(bundle.matter.id, profile, readiness, release=convert)
        form_template = None
        if profile.form is not None:
            try:
                form_template = profile.form.template.read_bytes()
            except OSError:
                readiness.items.append(ReadinessItem(BLOCKING, "form_template_missing", f"The fillable form named in the {profile.state} profile cannot be read ({profile.form.template.name}).", f"profile:{profile.state}", params={"state": profile.state, "file": profile.form.template.name}))
        ctx = render.PacketContext(bundle, profile, letterhead, offices, clock.build_time(), self.ctx.user.username, draft, self._signer(), converted, restricted)
        return Prepared(ctx, readiness, form_template)

    def _restricted_facts(self, matter_id: str, profile: StateProfile, readiness: Readiness, release: bool) -> dict[str, str]:
        """Restricted facts the profile needs (none for California). Released only when an attorney
        builds; a check only says they exist, because reading them is audited and attorney-only."""
        needed = profile.restricted_fields_needed
        if not needed:
            return {}
        names = ", ".join(needed)
        if not release:
            readiness.items.append(ReadinessItem(INFO, "restricted_fields", f"The {profile.state} packet needs restricted facts ({names}); they are checked when an attorney builds it.", f"profile:{profile.state}", params={"state": profile.state, "fields": names}))
            return {}
        if not self.ctx.may(Permission.RESTRICTED_ACCESS):
            readiness.items.append(ReadinessItem(BLOCKING, "restricted_access_needed", f"The {profile.state} packet needs restricted facts ({names}); only an attorney can build it.", f"profile:{profile.state}", params={"state": profile.state, "fields": names}))
            return {}
        values = self.restricted.for_packet(matter_id)
        for spec in profile.all_fields():
            if spec.record == "restricted" and spec.need == "required" and not values.get(spec.name, "").strip():
                readiness.items.append(ReadinessItem(BLOCKING, f"missing_{spec.name}", f"{spec.label} is missing (restricted store).", spec.key, params={"label": spec.label, "restricted": True}))
        return values

    # -- building --------------------------------------------------------------------------

    @operation(Permission.PACKET_BUILD)
    def build(self, matter_id: str, *, draft: bool = False, password: str | None = None, confirm_checked: bool = False, progress=None, file_copy: bool = True) -> BuiltPacket:
        """The packet PDF in memory. Refuses (PacketNotReady) when something blocks, unless draft.

        `confirm_checked`: the attorney records (audited) that they checked the profile and
        its application form today, which a final packet on the worksheet or on a never
        verified profile needs. `file_copy=False`: without the clinic's file copy, for a
        caller that will not save it."""
        with cyclic_gc_paused():  # reading the matter too: a full collection alone can outlast the build
            prepared = self._prepare(matter_id, draft, convert=True)
        readiness = prepared.readiness
        if not draft:
            readiness.items[:0] = self._signer_problems(prepared.ctx.signer) + self._filing_problems(prepared.ctx.profile, confirm_checked)
        if not readiness.ready and not draft:
            raise PacketNotReady(readiness)
        if any(i.code in ("attachment_unreadable", "form_template_missing") for i in readiness.blocking):
            raise PacketNotReady(readiness)  # even a draft cannot be made from these
        ctx = prepared.ctx
        profile = ctx.profile
        summary = [
            ("State profile", f"{profile.state} {profile.profile_version}" + (" (clinic's own file)" if self.profiles.is_clinic_override(profile.state) else " (shipped with the app)")),
            ("Profile last verified", long_date(profile.last_verified) or "never"),
            ("Generated by", f"{ctx.built_by} with {APP_NAME} {__version__}"),
            ("Generated at", ctx.built_at.strftime("%Y-%m-%d %H:%M UTC")),
            ("Status", "DRAFT: not for filing" if draft else "Final"),
            ("Readiness at build", f"{len(readiness.blocking)} blocking, {len(readiness.warnings)} warnings"),
        ]
        items = [(i.severity, i.message) for i in readiness.ordered()]
        packet = assemble(ctx, form_template=prepared.form_template, password=password, build_summary=summary, readiness=items, progress=progress, file_copy=file_copy)
        self.ctx.record(
            "packet.build",
            "matter",
            matter_id,
            f"profile {profile.state} {profile.profile_version}; pages {packet.page_count}; draft {draft}; encrypted {bool(password)}",
        )
        return packet

    @operation(Permission.PACKET_BUILD)
    def save(self, packet: BuiltPacket, path: str, manifest_path: str | None = None, file_copy_path: str | None = None) -> None:
        """The outgoing packet, and if asked the clinic's file copy PDF and the JSON manifest."""
        if file_copy_path and not packet.file_copy:
            raise ValueError("the packet was built without its file copy (build(file_copy=True))")
        atomic_write(path, packet.pdf)
        if file_copy_path:
            atomic_write(file_copy_path, packet.file_copy)
        if manifest_path:
            atomic_write(manifest_path, (json.dumps(packet.manifest, indent=2) + "\n").encode())

    @operation(Permission.PACKET_BUILD)
    def save_bytes(self, pdf: bytes, path: str) -> None:
        atomic_write(path, pdf)

    # -- notices for service ---------------------------------------------------------------

    NOTICE_BLOCKERS = ("unknown_county", "da_address_unknown", "missing_full_name", "missing_county", "no_convictions")

    @operation(Permission.PACKET_BUILD)
    def notices(self, matter_id: str, county: str | None = None) -> bytes:
        """The Notices of Intent alone (one per county, or one county), to serve before filing.

        Served notices come before a ready packet, so this needs only what the notices print:
        the counties and their district attorneys' addresses."""
        prepared = self._prepare(matter_id)
        ctx, profile = prepared.ctx, prepared.ctx.profile
        if not profile.notices:
            raise ClinicError("packet.no_notices", state=profile.state)
        counties = ctx.counties()
        if county is not None:
            wanted = normalise_county(county).lower()
            counties = [c for c in counties if c.lower() == wanted]
            if not counties:
                raise ClinicError("packet.county_not_in_matter", county=county)
        readiness = prepared.readiness
        blocking = [i for i in readiness.blocking if i.code in self.NOTICE_BLOCKERS]
        if blocking:
            raise PacketNotReady(Readiness(readiness.matter_id, readiness.state, readiness.profile_version, blocking))
        pdf = assemble_notices(ctx, counties)
        self.ctx.record("packet.notices", "matter", matter_id, f"counties {len(counties)}")
        return pdf

    # -- client instructions ---------------------------------------------------------------

    @operation(Permission.PACKET_BUILD)
    def instructions(self, matter_id: str, language: str | None = None) -> bytes:
        """The client's own sheet (what to sign, where it goes, what next); never part of the packet."""
        from clinic_app.packets.instructions import render_instructions  # here: a packet build does not need it

        prepared = self._prepare(matter_id)
        pdf = render_instructions(prepared.ctx, language or prepared.ctx.bundle.client.preferred_language)
        self.ctx.record("packet.instructions", "matter", matter_id)
        return pdf

