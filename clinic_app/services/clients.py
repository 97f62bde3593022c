"""Clients: create, update, open, delete, list and search (FTS5, accent-insensitive)."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from datetime import date

from clinic_app.domain import validation
from clinic_app.domain.collation import name_sort_key
from clinic_app.domain.models import Client, ClientSummary
from clinic_app.roles import NO_SESSION, Permission, operation
from clinic_app.services import search_index
from clinic_app.services.context import ServiceContext
from clinic_app.services.matters import MatterService
from clinic_app.services.record_store import RecordStore
from clinic_app.services.tasks import TaskService

_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Case- and accent-insensitive form for comparing names ("Hernández" == "hernandez")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def fts_query(text: str) -> str:
    """User text -> an FTS5 query: every word must match as a prefix, in any column."""
    words = _WORD.findall(text)
    return " AND ".join(f'"{w}"*' for w in words)


class ClientService:
    def __init__(self, ctx: ServiceContext, matters: MatterService, tasks: TaskService):
        self.ctx = ctx
        self.matters = matters
        self.tasks = tasks
        self.store = RecordStore(ctx, "clients", Client, "client")

    # -- records --------------------------------------------------------------------------

    @operation(Permission.CLIENT_WRITE)
    def create(self, client: Client, audit: bool = True) -> Client:
        validation.raise_for_errors(validation.client_problems(client))
        with self.ctx.db.transaction():
            self.store.insert(client, extra=self._sort_key(client), audit=audit)
            search_index.reindex(self.ctx.db, client.id)
        return client

    @operation(Permission.INTAKE_IMPORT)
    def insert_imported(self, clients: list[Client], case_numbers: dict[str, list[str]]) -> None:
        """Clients of an intake import, already checked by the format reader (the same rules
        as `create`): one statement for the rows, one for their search rows, no audit entry
        each (the import is audited once). `case_numbers` by client id, for the index."""
        with self.ctx.db.transaction():
            self.store.insert_many(clients, {"sort_key": [name_sort_key(c.family_name, c.given_name, c.middle_name) for c in clients]})
            search_index.index_new_clients(self.ctx.db, clients, case_numbers)

    @operation(Permission.CLIENT_WRITE)
    def create_with_matter(self, client: Client, matter, convictions: list, follow_up=None) -> Client:
        """An intake from the wizard: client, first matter, convictions (and a follow-up task
        for drafts) in one transaction, so a failure stores nothing."""
        with self.ctx.db.transaction():
            self.create(client)
            matter.client_id = client.id
            self.matters.create(matter)
            self.matters.save_convictions(matter.id, convictions)
            if follow_up is not None:
                follow_up.client_id = client.id
                follow_up.matter_id = matter.id
                self.tasks.save(follow_up)
        return client

    @operation(Permission.CLIENT_WRITE)
    def update(self, client: Client, changed_fields: list[str] | None = None) -> Client:
        problems = validation.client_problems(client)
        if "date_of_birth" in (changed_fields or ["date_of_birth"]):
            problems += validation.birth_after_offenses(client.date_of_birth, self._offense_dates(client.id))
        validation.raise_for_errors(problems)
        with self.ctx.db.transaction():
            self.store.update(client, extra=self._sort_key(client), changed="fields: " + ",".join(changed_fields) if changed_fields else "")
            search_index.reindex(self.ctx.db, client.id)
        return client

    def _offense_dates(self, client_id: str) -> list[date]:
        """Each conviction's offense date, or its conviction date when that is unknown."""
        rows = self.ctx.db.query(
            "SELECT coalesce(x.offense_date, x.conviction_date) FROM convictions x JOIN matters m ON m.id = x.matter_id "
            "WHERE m.client_id = ? AND coalesce(x.offense_date, x.conviction_date) IS NOT NULL",
            (client_id,),
        )
        return [date.fromisoformat(r[0]) for r in rows]

    @operation(Permission.CLIENT_READ)
    def get(self, client_id: str, audit: bool = True) -> Client:
        """Open a client record; opening is audited as a view."""
        client = self.store.get(client_id)
        if audit:
            self.ctx.record("view", "client", client_id)
        return client

    @operation(Permission.CLIENT_DELETE)
    def delete(self, client_id: str) -> None:
        self._delete(client_id)

    @operation(Permission.BUNDLE_SEND)
    def remove_after_sending(self, client_id: str) -> None:
        """A sealed bundle now carries this client: whoever may send it may remove it here."""
        self._delete(client_id)

    def _delete(self, client_id: str) -> None:
        with self.ctx.db.transaction() as conn:
            conn.execute(search_index.DELETE_SEARCH_ROW, (client_id,))  # while the client's rowid still exists
            self.store.delete(client_id)

    @staticmethod
    def _sort_key(client: Client) -> dict:
        return {"sort_key": name_sort_key(client.family_name, client.given_name, client.middle_name)}

    # -- listing --------------------------------------------------------------------------

    _SUMMARY = (
        "SELECT c.id, c.given_name, c.family_name, c.date_of_birth, c.aliases, "
        "(SELECT count(*) FROM matters m WHERE m.client_id = c.id), c.updated_at, c.sort_key FROM clients c"
    )

    @staticmethod
    def _summary(row: tuple) -> ClientSummary:
        # A scrolled list holds 100,000 of these: names shared by many clients are stored once.
        return ClientSummary(
            id=row[0],
            given_name=sys.intern(row[1]),
            family_name=sys.intern(row[2]),
            date_of_birth=date.fromisoformat(row[3]) if row[3] else None,
            aliases=json.loads(row[4]) if row[4] != "[]" else [],
            matter_count=row[5],
            updated_at=row[6],
            sort_key=row[7],
        )

    @operation(Permission.CLIENT_READ)
    def count(self, search: str = "") -> int:
        query = fts_query(search)
        if not query:
            return self.ctx.db.query_one("SELECT count(*) FROM clients")[0]
        return self.ctx.db.query_one("SELECT count(*) FROM client_search WHERE client_search MATCH ?", (query,))[0]

    # Clients are listed by their name sort key (accents and case second, as people expect),
    # then id; a page starts after the last row of the one before (keyset), so the 500th page
    # costs what the first does. Search hits are found through FTS rowids (= client rowids;
    # reading FTS content per hit is what is slow). Few hits: look them up and sort; many hits
    # (a one- or two-letter prefix): walk the sort-key index, test membership, stop when the
    # page is full.
    _ORDER = "ORDER BY c.sort_key, c.id"
    _AFTER = "(c.sort_key, c.id) > (?, ?)"
    _SORT_HITS_BELOW = 2000
    @operation(NO_SESSION)
    def search_sql(self, hits: int) -> str:
        """The page query for a search with `hits` matches; parameters (query, key, id, limit)."""
        source = "FROM clients c" if hits < self._SORT_HITS_BELOW else "FROM clients c INDEXED BY clients_by_sort_key"
        where = f"WHERE c.rowid IN (SELECT rowid FROM client_search WHERE client_search MATCH ?) AND {self._AFTER}"
        return f"{self._SUMMARY.replace('FROM clients c', source)} {where} {self._ORDER} LIMIT ?"

    @operation(Permission.CLIENT_READ)
    def list(
        self, search: str = "", offset: int = 0, limit: int = 200, hits: int | None = None, after: ClientSummary | None = None
    ) -> list[ClientSummary]:
        """One page of the client list in name order, all clients or the search hits.

        `after`: the last row of the previous page (the list model pages this way; `offset`
        skips rows and costs what it skips). `hits` is `count(search)` when the caller already
        has it (the list model does).
        """
        query = fts_query(search)
        start = (after.sort_key, after.id) if after is not None else ("", "")
        if not query:
            sql = f"{self._SUMMARY} WHERE {self._AFTER} {self._ORDER} LIMIT ? OFFSET ?"
            rows = self.ctx.db.query(sql, (*start, limit, offset))
        else:
            if hits is None:
                hits = self.count(search)
            rows = self.ctx.db.query(f"{self.search_sql(hits)} OFFSET ?", (query, *start, limit, offset))
        return [self._summary(r) for r in rows]

    # Search rows share the client's rowid: matching on it avoids reading FTS content per hit.
    _CANDIDATES = f"{_SUMMARY} WHERE c.rowid IN (SELECT rowid FROM client_search WHERE client_search MATCH ? LIMIT 500)"

    @operation(Permission.CLIENT_READ)
    def possible_duplicates(
        self, given_name: str, family_name: str, date_of_birth: date | None, aliases: list[str] = ()
    ) -> list[ClientSummary]:
        """Same name (accent-insensitive) and birth date, or a name/alias that matches an alias."""
        wanted_name = fold(f"{given_name} {family_name}")
        wanted_aliases = {fold(a) for a in aliases if a.strip()} | {wanted_name}
        query = fts_query(f"{given_name} {family_name}")
        candidates = []
        if query:
            candidates = self.ctx.db.query(
                self._CANDIDATES,
                (query,),
            )
        for alias in aliases:
            alias_query = fts_query(alias)
            if alias_query:
                candidates += self.ctx.db.query(
                    self._CANDIDATES,
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

    # -- history --------------------------------------------------------------------------

    _HISTORY_IDS = (
        "SELECT id FROM matters WHERE client_id = :c "
        "UNION ALL SELECT id FROM documents WHERE client_id = :c "
        "UNION ALL SELECT id FROM tasks WHERE client_id = :c "
        "UNION ALL SELECT id FROM notes WHERE client_id = :c "
        "UNION ALL SELECT x.id FROM convictions x JOIN matters m ON m.id = x.matter_id WHERE m.client_id = :c "
        "UNION ALL SELECT x.id FROM support_letters x JOIN matters m ON m.id = x.matter_id WHERE m.client_id = :c "
        "UNION ALL SELECT x.id FROM notices x JOIN matters m ON m.id = x.matter_id WHERE m.client_id = :c"
    )

    @operation(Permission.AUDIT_READ)
    def history(self, client_id: str, limit: int = 500):
        """Audit entries about the client and the records hanging off it, newest first."""
        from clinic_app.audit import COLUMNS
        from clinic_app.domain.models import AuditEntry

        rows = self.ctx.db.query(
            f"SELECT {COLUMNS} FROM audit_log WHERE object_id = :c OR object_id IN ({self._HISTORY_IDS}) "
            "ORDER BY seq DESC LIMIT :limit",
            {"c": client_id, "limit": limit},
        )
        return [AuditEntry(*r) for r in rows]
