"""A district attorney's office for one county, and the rules every layer shares about it:
how county names compare and what makes a ZIP code one of the state's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

ZIP = re.compile(r"^\d{5}(-\d{4})?$")
# First three digits of the ZIP codes each state uses (USPS); a typo such as 09012 for 90012 is caught.
ZIP_PREFIXES = {"CA": ((900, 961),), "NY": ((5, 5), (63, 63), (100, 149))}


@dataclass
class DaOffice:
    state: str
    county: str
    office_name: str
    address: str = ""  # the old one-box address, kept only when it could not be split
    phone: str = ""
    verified_on: date | None = None  # when a person last checked the address
    source: str = ""  # where the address came from (URL or "phone call 2026-11-20")
    updated_at: str = ""
    updated_by: str = ""
    street: str = ""  # one or more lines ("211 West Temple Street", "Suite 1800")
    city: str = ""
    zip: str = ""

    @property
    def address_lines(self) -> list[str]:
        """As printed on a notice: street lines, then "City, ST 12345"."""
        if not self.has_address:
            return [line.strip() for line in self.address.splitlines() if line.strip()]
        street = [line.strip() for line in self.street.splitlines() if line.strip()]
        return street + [f"{self.city}, {self.state} {self.zip}"]

    @property
    def has_address(self) -> bool:
        """Street, city and a valid ZIP: what a notice needs to be final."""
        return bool(self.street.strip() and self.city.strip() and zip_problem(self.zip, self.state) is None)


def zip_problem(zip_code: str, state: str) -> str | None:
    """None when `zip_code` is a ZIP (or ZIP+4) of `state`, else what is wrong."""
    if not ZIP.match(zip_code.strip()):
        return "a ZIP code is 5 digits, or 5+4 (90012 or 90012-3210)"
    prefix = int(zip_code.strip()[:3])
    ranges = ZIP_PREFIXES.get(state.upper())
    if ranges and not any(low <= prefix <= high for low, high in ranges):
        return f"{zip_code.strip()} is not a {state.upper()} ZIP code"
    return None


def normalise_county(county: str) -> str:
    name = " ".join(county.split())
    if name.lower().endswith(" county"):
        name = name[: -len(" county")]
    return name
