"""Domain records. Plain dataclasses with UUID ids and who/when stamps; no I/O here.

Immigration status, citizenship, place of birth, A-number and SSN are deliberately not
fields of any of these types (see docs/privacy.md); restricted facts live in their own
purpose-bound store.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

_VERSION_7 = 0x7 << 76
_VARIANT = 0b10 << 62
_RANDOM = ((1 << 12) - 1) << 64 | ((1 << 62) - 1)  # rand_a and rand_b of RFC 9562


_RANDOM_DRAW = 400  # ids' random bits per os.urandom call, per thread
_random_bits = threading.local()


def _reset_random_bits() -> None:
    """A forked child draws its own bits (never the parent's pool)."""
    global _random_bits
    _random_bits = threading.local()


os.register_at_fork(after_in_child=_reset_random_bits)


def _next_random() -> int:
    """80 bits from os.urandom, drawn 400 ids at a time by each thread: an import of 100,000
    clients makes ~450,000 ids, and a system call each was ~10 % of its parsing."""
    pool = getattr(_random_bits, "pool", None)
    if not pool:
        data = os.urandom(10 * _RANDOM_DRAW)
        pool = _random_bits.pool = [int.from_bytes(data[i : i + 10]) for i in range(0, len(data), 10)]
    return pool.pop()


def new_id() -> str:
    """A UUID version 7 (RFC 9562; `uuid.uuid7` from Python 3.14): the time in milliseconds,
    then 74 random bits. Ids made one after another sort together, so each index of the vault
    grows at its end: an import of 100,000 clients touches far fewer pages than with random
    (version 4) ids. The moment it holds is the record's `created_at`, stored beside it anyway."""
    value = time.time_ns() // 1_000_000 << 80 | _next_random() & _RANDOM | _VERSION_7 | _VARIANT
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class Level(str, Enum):
    FELONY = "felony"
    MISDEMEANOR = "misdemeanor"
    INFRACTION = "infraction"


class Route(str, Enum):
    DIRECT = "direct"
    COR = "cor"  # Certificate of Rehabilitation


class NameOrder(str, Enum):
    """How the client's full name is written: "José Hernández" or "Nguyễn Thị Hồng"."""

    GIVEN_FIRST = "given_first"
    FAMILY_FIRST = "family_first"


class MatterStatus(str, Enum):
    INTAKE = "intake"
    PREPARING = "preparing"
    NOTICES_SERVED = "notices_served"
    FILED = "filed"
    CLOSED = "closed"


@dataclass
class Stamps:
    created_at: str = ""
    created_by: str = ""
    updated_at: str = ""
    updated_by: str = ""


@dataclass
class Address:
    street: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""
    country: str = ""

    def is_empty(self) -> bool:
        return not any((self.street, self.city, self.state, self.postal_code, self.country))

    def lines(self) -> list[str]:
        city_line = " ".join(p for p in (f"{self.city}," if self.city else "", self.state, self.postal_code) if p)
        return [line for line in (self.street, city_line.strip(" ,"), self.country) if line]


@dataclass
class Client:
    given_name: str
    family_name: str
    middle_name: str = ""
    aliases: list[str] = field(default_factory=list)
    date_of_birth: date | None = None
    phone: str = ""
    email: str = ""
    mailing_address: Address = field(default_factory=Address)
    preferred_language: str = "en"  # BCP 47
    notes: str = ""
    name_order: NameOrder = NameOrder.GIVEN_FIRST
    id: str = field(default_factory=new_id)
    stamps: Stamps = field(default_factory=Stamps)

    @property
    def full_name(self) -> str:
        """The name as the client writes it (packet, header, review)."""
        return display_name(self.given_name, self.family_name, self.middle_name, self.name_order)

    @property
    def list_name(self) -> str:
        """'Family, Given Middle' for lists, whatever the name order."""
        return list_name(self.given_name, self.family_name, self.middle_name)


def _is_cjk(text: str) -> bool:
    return bool(text) and all(
        "\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" or ch.isspace() for ch in text
    )


def display_name(given: str, family: str, middle: str = "", order: NameOrder | str = NameOrder.GIVEN_FIRST) -> str:
    """The full name in the client's order: "José Luis Hernández", or family first
    ("Nguyễn Thị Hồng"). Names written in Chinese, Japanese or Korean script always put the
    family name first, with no space (张伟)."""
    if _is_cjk(given) and _is_cjk(family) and not middle:
        return f"{family}{given}"
    parts = (family, middle, given) if NameOrder(order) is NameOrder.FAMILY_FIRST else (given, middle, family)
    return " ".join(p for p in parts if p)


def list_name(given: str, family: str, middle: str = "") -> str:
    """'Family, Given Middle' (the client list and indexes), for either name order."""
    rest = " ".join(p for p in (given, middle) if p)
    return f"{family}, {rest}" if family and rest else family or rest


@dataclass(slots=True)  # 100,000 of them in a scrolled list: no per-row __dict__
class ClientSummary:
    """A row of the client list: enough to show and open, nothing more."""

    id: str
    given_name: str
    family_name: str
    date_of_birth: date | None
    aliases: list[str]
    matter_count: int
    updated_at: str
    sort_key: str = ""  # clinic_app/domain/collation.py; with the id, where the next page starts

    @property
    def full_name(self) -> str:
        return display_name(self.given_name, self.family_name)

    @property
    def list_name(self) -> str:
        return list_name(self.given_name, self.family_name)


@dataclass
class CompensationEntry:
    """PC 4807.2: anyone paid or given a gift for helping with the application."""

    name: str
    amount: str  # as written ("$150", "gift card"); never parsed


@dataclass
class Conviction:
    matter_id: str
    state: str = "CA"
    county: str = ""
    court: str = ""
    case_number: str = ""
    offense: str = ""
    code_section: str = ""
    level: Level | None = None
    current_level: Level | None = None  # after PC 17(b) / Prop 47
    offense_date: date | None = None
    conviction_date: date | None = None
    sentence: str = ""
    supervision_end: date | None = None
    dismissed_1203_4: date | None = None
    pardon_requested: bool = True
    id: str = field(default_factory=new_id)
    stamps: Stamps = field(default_factory=Stamps)


@dataclass
class Reference:
    """A support letter: requested, then received."""

    matter_id: str
    name: str
    relationship: str = ""
    years_known: int | None = None
    letter_received: bool = False
    letter_date: date | None = None
    id: str = field(default_factory=new_id)
    stamps: Stamps = field(default_factory=Stamps)


@dataclass
class Notice:
    """Notice of Intent to Apply for Clemency served on a county DA (PC 4804)."""

    matter_id: str
    county: str
    served_on: date | None = None
    method: str = ""  # personal, mail, certified mail, ...
    served_by: str = ""  # the adult who served it, named in the declaration of service
    mailed_from: str = ""  # place of mailing ("Los Angeles, California"), for service by mail
    article_number: str = ""  # certified mail article number
    id: str = field(default_factory=new_id)
    stamps: Stamps = field(default_factory=Stamps)


@dataclass
class Matter:
    client_id: str
    kind: str = "pardon"
    state: str = "CA"
    route: Route = Route.DIRECT
    status: MatterStatus = MatterStatus.INTAKE
    urgent_need: bool = False
    urgent_need_details: str = ""
    reasons: str = ""  # factor 4: the need for a pardon
    offense_circumstances: str = ""  # factor 2
    rehabilitation: str = ""  # factor 3
    family_community: str = ""  # factor 1
    compensation: list[CompensationEntry] = field(default_factory=list)  # empty = none paid
    employment: list[dict] = field(default_factory=list)
    education: list[dict] = field(default_factory=list)
    community_service: list[dict] = field(default_factory=list)
    applicant_signed_on: date | None = None
    filed_on: date | None = None
    closed_on: date | None = None
    id: str = field(default_factory=new_id)
    stamps: Stamps = field(default_factory=Stamps)


@dataclass
class Document:
    """An attachment stored inside the vault. `content` is loaded only on request."""

    client_id: str
    filename: str
    media_type: str
    doc_type: str = "other"  # court_record, discharge, letter, certificate, evidence_of_need, other
    matter_id: str | None = None
    sha256: str = ""
    size: int = 0
    title: str = ""  # "Minute order, case BA192734"; printed in the exhibit index
    author: str = ""  # a support letter's writer: the reference's name
    conviction_id: str | None = None  # a court record's conviction, when chosen (else its title's case number ties it)
    content: bytes | None = None
    id: str = field(default_factory=new_id)
    stamps: Stamps = field(default_factory=Stamps)


@dataclass
class Task:
    client_id: str
    title: str
    due_on: date | None = None
    done: bool = False
    matter_id: str | None = None
    id: str = field(default_factory=new_id)
    stamps: Stamps = field(default_factory=Stamps)


@dataclass
class Note:
    client_id: str
    body: str
    matter_id: str | None = None
    id: str = field(default_factory=new_id)
    stamps: Stamps = field(default_factory=Stamps)


@dataclass
class User:
    username: str
    role: str
    id: str = field(default_factory=new_id)
    created_at: str = ""
    created_by: str = ""
    full_name: str = ""  # as signed on letters
    title: str = ""  # "Staff Attorney"
    bar_number: str = ""  # State Bar number of an attorney


@dataclass
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    object_type: str
    object_id: str
    detail: str
    prev_hash: str
    hash: str


@dataclass
class MatterBundle:
    """Everything a packet or an export needs about one matter, loaded together."""

    client: Client
    matter: Matter
    convictions: list[Conviction] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
