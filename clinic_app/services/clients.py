"""Clients: create, update, open, delete, list and search (FTS5, accent-insensitive)."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date

from clinic_app.domain.models import Client, ClientSummary
from clinic_app.errors import ValidationError
from clinic_app.roles import Permission
from clinic_app.services.record_store import RecordStore

_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Case- and accent-insensitive form for comparing names ("Hernández" == "hernandez")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def fts_query(text: str) -> str:
    """User text -> an FTS5 query: every word must match as a prefix, in any column."""
    words = _WORD.findall(text)
    return " AND ".join(f'"{w}"*' for w in words)


def validate_client(client: Client) -> None:
    problems = []
    if not client.given_name.strip():
        problems.append("given_name: required")
    if not client.family_name.strip():
        problems.append("family_name: required")
    if client.date_of_birth and not (date(1900, 1, 1) <= client.date_of_birth <= date.today()):
        problems.append("date_of_birth: must be between 1900 and today")
    if client.email and "@" not in client.email:
        problems.append("email: not an email address")
    if problems:
        raise ValidationError("the client record is not valid: " + "; ".join(problems), problems)


class ClientService:
    def __init__(self, session):
        self.session = session
        self.store = RecordStore(session, "clients", Client, "client")

    # -- records --------------------------------------------------------------------------

    def create(self, client: Client, audit: bool = True) -> Client:
        self.session.require(Permission.CLIENT_WRITE)
        validate_client(client)
        with self.session.db.transaction():
            self.store.insert(client, audit=audit)
            self.reindex(client.id)
        return client

    def update(self, client: Client, changed_fields: list[str] | None = None) -> Client:
        self.session.require(Permission.CLIENT_WRITE)
        validate_client(client)
        with self.session.db.transaction():
            self.store.update(client, changed="fields: " + ",".join(changed_fields) if changed_fields else "")
            self.reindex(client.id)
        return client

    def get(self, client_id: str, audit: bool = True) -> Client:
        """Open a client record; opening is audited as a view."""
        self.session.require(Permission.CLIENT_READ)
        client = self.store.get(client_id)
        if audit:
            self.session.record("view", "client", client_id)
        return client

    def delete(self, client_id: str) -> None:
        self.session.require(Permission.CLIENT_DELETE)
        with self.session.db.transaction() as conn:
            self.store.delete(client_id)
            conn.execute("DELETE FROM client_search WHERE client_id = ?", (client_id,))

    # -- search index -------------------------------------------------------------------

    def reindex(self, client_id: str) -> None:
        """Rebuild one client's search row from the client, its convictions and notes."""
        db = self.session.db
        with db.transaction() as conn:
            conn.execute("DELETE FROM client_search WHERE client_id = ?", (client_id,))
            row = conn.execute(
                "SELECT given_name, middle_name, family_name, aliases, notes FROM clients WHERE id = ?", (client_id,)
            ).fetchone()
            if row is None:
                return
            case_numbers = [
                r[0]
                for r in conn.execute(
                    "SELECT c.case_number FROM convictions c JOIN matters m ON m.id = c.matter_id WHERE m.client_id = ?",
                    (client_id,),
                )
            ]
            note_bodies = [r[0] for r in conn.execute("SELECT body FROM notes WHERE client_id = ?", (client_id,))]
            conn.execute(
                "INSERT INTO client_search (client_id, names, aliases, case_numbers, notes) VALUES (?,?,?,?,?)",
                (
                    client_id,
                    " ".join(p for p in row[:3] if p),
                    " ".join(json.loads(row[3])),
                    " ".join(case_numbers),
                    "\n".join([row[4], *note_bodies]),
                ),
            )

    # -- listing --------------------------------------------------------------------------

    _SUMMARY = (
        "SELECT c.id, c.given_name, c.family_name, c.date_of_birth, c.aliases, "
        "(SELECT count(*) FROM matters m WHERE m.client_id = c.id), c.updated_at FROM clients c"
    )

    @staticmethod
    def _summary(row: tuple) -> ClientSummary:
        return ClientSummary(
            id=row[0],
            given_name=row[1],
            family_name=row[2],
            date_of_birth=date.fromisoformat(row[3]) if row[3] else None,
            aliases=json.loads(row[4]),
            matter_count=row[5],
            updated_at=row[6],
        )

    def count(self, search: str = "") -> int:
        self.session.require(Permission.CLIENT_READ)
        query = fts_query(search)
        if not query:
            return self.session.db.query_one("SELECT count(*) FROM clients")[0]
        return self.session.db.query_one("SELECT count(*) FROM client_search WHERE client_search MATCH ?", (query,))[0]

    def list(self, search: str = "", offset: int = 0, limit: int = 200) -> list[ClientSummary]:
        """One page of the client list, by family name, or search hits, best first."""
        self.session.require(Permission.CLIENT_READ)
        query = fts_query(search)
        if not query:
            rows = self.session.db.query(
                f"{self._SUMMARY} ORDER BY c.family_name COLLATE NOCASE, c.given_name COLLATE NOCASE, c.id "
                "LIMIT ? OFFSET ?",
                (limit, offset),
            )
        else:
            rows = self.session.db.query(
                "WITH hits AS (SELECT client_id, rank FROM client_search WHERE client_search MATCH ? "
                "ORDER BY rank LIMIT ? OFFSET ?) "
                f"{self._SUMMARY} JOIN hits h ON h.client_id = c.id ORDER BY h.rank",
                (query, limit, offset),
            )
        return [self._summary(r) for r in rows]

    def possible_duplicates(
        self, given_name: str, family_name: str, date_of_birth: date | None, aliases: list[str] = ()
    ) -> list[ClientSummary]:
        """Same name (accent-insensitive) and birth date, or a name/alias that matches an alias."""
        self.session.require(Permission.CLIENT_READ)
        wanted_name = fold(f"{given_name} {family_name}")
        wanted_aliases = {fold(a) for a in aliases if a.strip()} | {wanted_name}
        query = fts_query(f"{given_name} {family_name}")
        candidates = []
        if query:
            candidates = self.session.db.query(
                f"{self._SUMMARY} WHERE c.id IN (SELECT client_id FROM client_search WHERE client_search MATCH ? LIMIT 500)",
                (query,),
            )
        for alias in aliases:
            alias_query = fts_query(alias)
            if alias_query:
                candidates += self.session.db.query(
                    f"{self._SUMMARY} WHERE c.id IN (SELECT client_id FROM client_search WHERE client_search MATCH ? LIMIT 500)",
                    (alias_query,),
                )
        found: dict[str, ClientSummary] = {}
        for row in candidates:
            summary = self._summary(row)
            name = fold(f"{summary.given_name} {summary.family_name}")
            same_person = name == wanted_name and date_of_birth is not None and summary.date_of_birth == date_of_birth
            alias_hit = bool({fold(a) for a in summary.aliases} & wanted_aliases) or name in wanted_aliases - {wanted_name}
            if same_person or alias_hit:
                found[summary.id] = summary
        return list(found.values())
