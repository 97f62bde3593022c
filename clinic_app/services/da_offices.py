"""District attorney offices per county, kept in the vault and edited by attorneys and managers.

The Notice of Intent (PC 4804) goes to the DA of each county of conviction. A county with
no address is a readiness problem for the packet, never a crash.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clinic_app import clock
from clinic_app.errors import NotFound, ValidationError
from clinic_app.roles import Permission


@dataclass
class DaOffice:
    state: str
    county: str
    office_name: str
    address: str = ""  # several lines
    phone: str = ""
    verified_on: date | None = None  # when a person last checked the address
    source: str = ""  # where the address came from (URL or "phone call 2026-11-20")
    updated_at: str = ""
    updated_by: str = ""

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def has_address(self) -> bool:
        return bool(self.address_lines)


_COLUMNS = "state, county, office_name, address, phone, verified_on, source, updated_at, updated_by"


def _from_row(row: tuple) -> DaOffice:
    office = DaOffice(*row)
    office.verified_on = date.fromisoformat(row[5]) if row[5] else None
    return office


class DaOfficeService:
    def __init__(self, session):
        self.session = session

    def list(self, state: str = "CA") -> list[DaOffice]:
        self.session.require(Permission.PACKET_CHECK)
        rows = self.session.db.query(f"SELECT {_COLUMNS} FROM da_offices WHERE state = ? ORDER BY county", (state.upper(),))
        return [_from_row(r) for r in rows]

    def counties(self, state: str = "CA") -> list[str]:
        return [office.county for office in self.list(state)]

    def find(self, county: str, state: str = "CA") -> DaOffice | None:
        """The office for `county` (case and 'County' suffix ignored), or None if unknown."""
        self.session.require(Permission.PACKET_CHECK)
        name = normalise_county(county)
        row = self.session.db.query_one(
            f"SELECT {_COLUMNS} FROM da_offices WHERE state = ? AND county = ? COLLATE NOCASE", (state.upper(), name)
        )
        return _from_row(row) if row else None

    def get(self, county: str, state: str = "CA") -> DaOffice:
        office = self.find(county, state)
        if office is None:
            raise NotFound(f"no county named {county!r} in {state.upper()}")
        return office

    def set(
        self,
        county: str,
        state: str = "CA",
        *,
        office_name: str | None = None,
        address: str | None = None,
        phone: str | None = None,
        verified_on: date | None = None,
        source: str | None = None,
    ) -> DaOffice:
        """Change the given fields of one county's office. Attorneys and managers only."""
        self.session.require(Permission.PACKET_BUILD)
        office = self.get(county, state)
        changes = {
            "office_name": office_name,
            "address": address.replace("\\n", "\n").strip() if address is not None else None,
            "phone": phone,
            "verified_on": verified_on,
            "source": source,
        }
        changes = {k: v for k, v in changes.items() if v is not None}
        if not changes:
            raise ValidationError("nothing to change: give --office, --address, --phone, --verified or --source")
        if "office_name" in changes and not changes["office_name"].strip():
            raise ValidationError("office name: required")
        if verified_on and verified_on > clock.today():
            raise ValidationError("verified date: in the future")
        for name, value in changes.items():
            setattr(office, name, value)
        office.updated_at, office.updated_by = clock.now_iso(), self.session.user.username
        with self.session.db.transaction() as conn:
            conn.execute(
                "UPDATE da_offices SET office_name = ?, address = ?, phone = ?, verified_on = ?, source = ?, "
                "updated_at = ?, updated_by = ? WHERE state = ? AND county = ?",
                (
                    office.office_name,
                    office.address,
                    office.phone,
                    office.verified_on.isoformat() if office.verified_on else None,
                    office.source,
                    office.updated_at,
                    office.updated_by,
                    office.state,
                    office.county,
                ),
            )
            self.session.record("da_office.update", "da_office", f"{office.state}/{office.county}", "fields: " + ",".join(changes))
        return office


def normalise_county(county: str) -> str:
    name = " ".join(county.split())
    if name.lower().endswith(" county"):
        name = name[: -len(" county")]
    return name
