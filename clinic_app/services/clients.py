"""Clients: create, update, open, delete, list and search (FTS5, accent-insensitive)."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from datetime import date

from clinic_app.domain import validation
from clinic_app.domain.collation import name_sort_key, same_name_range
from clinic_app.domain.models import Client, ClientSummary
from clinic_app.roles import NO_SESSION, Permission, operation
from clinic_app.services import search_index
from clinic_app.services.context import ServiceContext
from clinic_app.services.matters import MatterService
from clinic_app.services.record_store import BulkInsert, RecordStore, write_all
from clinic_app.services.tasks import TaskService

_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Case- and accent-insensitive form for comparing names ("Hernández" == "hernandez")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def hold_aliases(held: dict[str, list[str]], client_id: str, aliases: list[str]) -> None:
    """Add a client's aliases to a map of `ClientService.aliases_held()`."""
    for alias in {fold(a) for a in aliases if a.strip()}:
        held.setdefault(alias, []).append(client_id)


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
    def imported_rows(self, clients: list[Client], case_numbers: dict[str, list[str]]) -> list[BulkInsert]:
        """The rows of clients of an intake import, already checked by the format reader (the
        same rules as `create`), and their search rows, for `insert_imported`. Builds only, so
        an import can build one batch's while the last is written. `case_numbers` by client id."""
        sort_keys = [name_sort_key(c.family_name, c.given_name, c.middle_name) for c in clients]
        return [self.store.bulk_insert(clients, {"sort_key": sort_keys}), search_index.new_client_rows(clients, case_numbers)]

    @operation(Permission.INTAKE_IMPORT)
    def insert_imported(self, inserts: list[BulkInsert]) -> None:
        """Store `imported_rows`: one statement per table, no audit entry each (the import is audited once)."""
        write_all(self.ctx.db, inserts)

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
        "c.matter_count, c.updated_at, c.sort_key FROM clients c"  # matter_count: kept by triggers (schema 11)
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

    # Same first-level name: a range of the sort-key index (clinic_app/domain/collation.py).
    _SAME_NAME = "SELECT id, date_of_birth FROM clients INDEXED BY clients_by_sort_key WHERE sort_key >= ? AND sort_key < ?"
    # Clients whose aliases hold these words (search rows share the client's rowid).
    _ALIAS_HOLDERS = (
        "SELECT id, aliases FROM clients WHERE rowid IN (SELECT rowid FROM client_search WHERE client_search MATCH ? LIMIT 500)"
    )

    @operation(Permission.CLIENT_READ)
    def possible_duplicates(
        self, given_name: str, family_name: str, date_of_birth: date | None, aliases: list[str] = ()
    ) -> list[ClientSummary]:
        """Clients who may be this person (`possible_duplicate_ids`), as list rows."""
        ids = self.possible_duplicate_ids(given_name, family_name, date_of_birth, aliases)
        if not ids:
            return []
        rows = self.ctx.db.query(f"{self._SUMMARY} WHERE c.id IN ({', '.join('?' * len(ids))})", ids)
        by_id = {row[0]: self._summary(row) for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    @operation(Permission.CLIENT_READ)
    def possible_duplicate_ids(
        self,
        given_name: str,
        family_name: str,
        date_of_birth: date | None,
        aliases: list[str] = (),
        aliases_held: dict[str, list[str]] | None = None,
    ) -> list[str]:
        """The same family and given name (accents, case and punctuation aside: one lookup in
        the sort-key index) and birth date; or a name or alias equal to one of the other's
        aliases; or an alias that is the other's name, in either order of its words.
        `aliases_held` (from `aliases_held()`), when many clients are checked at once, stands
        for a search of the aliases per client."""
        db = self.ctx.db
        found: dict[str, None] = {}
        if date_of_birth is not None:
            born = date_of_birth.isoformat()
            found |= {cid: None for cid, day in db.query(self._SAME_NAME, same_name_range(family_name, given_name)) if day == born}
        own_aliases = [a for a in aliases if a.strip()]
        for alias in own_aliases:
            words = _WORD.findall(alias)
            for cut in range(1, len(words)):
                first, rest = " ".join(words[:cut]), " ".join(words[cut:])
                for family, given in ((rest, first), (first, rest)):
                    found |= {cid: None for cid, _day in db.query(self._SAME_NAME, same_name_range(family, given))}
        wanted = [fold(f"{given_name} {family_name}"), *(fold(a) for a in own_aliases)]
        if aliases_held is not None:
            found |= {cid: None for name in wanted for cid in aliases_held.get(name, ())}
            return list(found)
        query = " OR ".join(
            "(" + " AND ".join(f'aliases : "{w}"' for w in words) + ")"
            for words in (_WORD.findall(text) for text in [f"{given_name} {family_name}", *own_aliases])
            if words
        )
        if query:
            for cid, stored in db.query(self._ALIAS_HOLDERS, (query,)):
                if {fold(a) for a in json.loads(stored)} & set(wanted):
                    found[cid] = None
        return list(found)

    @operation(Permission.CLIENT_READ)
    def aliases_held(self) -> dict[str, list[str]]:
        """Every stored alias, folded, with the clients who hold it (one pass over the clients):
        for `possible_duplicate_ids` of many clients; add new clients with `hold_aliases`."""
        held: dict[str, list[str]] = {}
        for cid, stored in self.ctx.db.query("SELECT id, aliases FROM clients WHERE aliases <> '[]'"):
            hold_aliases(held, cid, json.loads(stored))
        return held

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
