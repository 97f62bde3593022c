"""District attorney offices per county, kept in the vault and edited by attorneys and managers.

The Notice of Intent (PC 4804) goes to the DA of each county of conviction. An office needs
a street, a city and a valid ZIP before a notice can be final; a county without them is a
readiness problem for the packet, never a crash.
"""

from __future__ import annotations

import re
from datetime import date

from clinic_app import clock
from clinic_app.domain.da_office import ZIP, DaOffice, normalise_county, zip_problem
from clinic_app.errors import NotFound, ValidationError
from clinic_app.roles import Permission, operation
from clinic_app.services.context import ServiceContext
from clinic_app.state_profiles import get_profile

LAST_LINE = re.compile(r"^(?P<city>[^,]+),\s*(?P<state>[A-Za-z]{2})\s+(?P<zip>\S+)$")
_COLUMNS = "state, county, office_name, address, phone, verified_on, source, updated_at, updated_by, street, city, zip"


def _from_row(row: tuple) -> DaOffice:
    office = DaOffice(*row)
    office.verified_on = date.fromisoformat(row[5]) if row[5] else None
    return office


def split_address(text: str, state: str) -> dict[str, str]:
    """"211 West Temple Street\nLos Angeles, CA 90012" -> street, city, zip (the --address convenience)."""
    lines = [line.strip() for line in text.replace("\\n", "\n").splitlines() if line.strip()]
    match = LAST_LINE.match(lines[-1]) if len(lines) >= 2 else None
    if not match:
        raise ValidationError("da.address_layout", state=state.upper())
    if match["state"].upper() != state.upper():
        raise ValidationError("da.address_other_state", found=match["state"].upper(), state=state.upper())
    return {"street": "\n".join(lines[:-1]), "city": match["city"].strip(), "zip": match["zip"]}


class DaOfficeService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    @operation(Permission.PACKET_CHECK)
    def list(self, state: str = "CA") -> list[DaOffice]:
        rows = self.ctx.db.query(f"SELECT {_COLUMNS} FROM da_offices WHERE state = ? ORDER BY county", (state.upper(),))
        return [_from_row(r) for r in rows]

    @operation(Permission.PACKET_CHECK)
    def counties(self, state: str = "CA") -> list[str]:
        """The state's counties, from its profile (the 58 for California), to offer as choices."""
        try:
            listed = get_profile(state, self.ctx.folder).counties
        except NotFound:
            listed = ()
        return list(listed) or [office.county for office in self.list(state)]

    @operation(Permission.PACKET_CHECK)
    def find(self, county: str, state: str = "CA") -> DaOffice | None:
        """The office for `county` (case and 'County' suffix ignored), or None if unknown."""
        name = normalise_county(county)
        row = self.ctx.db.query_one(
            f"SELECT {_COLUMNS} FROM da_offices WHERE state = ? AND county = ? COLLATE NOCASE", (state.upper(), name)
        )
        return _from_row(row) if row else None

    @operation(Permission.PACKET_CHECK)
    def get(self, county: str, state: str = "CA") -> DaOffice:
        office = self.find(county, state)
        if office is None:
            raise NotFound("da.county_not_found", county=county, state=state.upper())
        return office

    @operation(Permission.PACKET_BUILD)
    def set(
        self,
        county: str,
        state: str = "CA",
        *,
        office_name: str | None = None,
        address: str | None = None,
        street: str | None = None,
        city: str | None = None,
        zip: str | None = None,  # noqa: A002 - the name the forms and the CLI use
        phone: str | None = None,
        verified_on: date | None = None,
        source: str | None = None,
    ) -> DaOffice:
        """Change the given fields of one county's office. Attorneys and managers only.

        `address` ("street\nCity, ST 12345") is split into street, city and ZIP."""
        office = self.get(county, state)
        if address is not None:
            if street is not None or city is not None or zip is not None:
                raise ValidationError("da.address_twice")
            parts = split_address(address, office.state) if address.strip() else {"street": "", "city": "", "zip": ""}
            street, city, zip = parts["street"], parts["city"], parts["zip"]
        changes = {
            "office_name": office_name,
            "street": "\n".join(line.strip() for line in street.replace("\\n", "\n").splitlines() if line.strip()) if street is not None else None,
            "city": " ".join(city.split()) if city is not None else None,
            "zip": zip.strip() if zip is not None else None,
            "phone": phone,
            "verified_on": verified_on,
            "source": source,
        }
        changes = {k: v for k, v in changes.items() if v is not None}
        if not changes:
            raise ValidationError("da.nothing_to_change")
        if "office_name" in changes and not changes["office_name"].strip():
            raise ValidationError("da.office_required")
        if changes.get("zip") and zip_problem(changes["zip"], office.state):
            zip_code = changes["zip"].strip()
            if not ZIP.match(zip_code):
                raise ValidationError("da.bad_zip", zip=zip_code)
            raise ValidationError("da.zip_not_in_state", zip=zip_code, state=office.state.upper())
        if verified_on and verified_on > clock.today():
            raise ValidationError("da.verified_in_future")
        for name, value in changes.items():
            setattr(office, name, value)
        if {"street", "city", "zip"} & changes.keys():
            office.address = ""  # the structured fields replace the old one-box text
        office.updated_at, office.updated_by = clock.now_iso(), self.ctx.user.username
        with self.ctx.db.transaction() as conn:
            conn.execute(
                "UPDATE da_offices SET office_name = ?, address = ?, phone = ?, verified_on = ?, source = ?, "
                "updated_at = ?, updated_by = ?, street = ?, city = ?, zip = ? WHERE state = ? AND county = ?",
                (
                    office.office_name,
                    office.address,
                    office.phone,
                    office.verified_on.isoformat() if office.verified_on else None,
                    office.source,
                    office.updated_at,
                    office.updated_by,
                    office.street,
                    office.city,
                    office.zip,
                    office.state,
                    office.county,
                ),
            )
            self.ctx.record("da_office.update", "da_office", f"{office.state}/{office.county}", "fields: " + ",".join(changes))
        return office
