"""The SQLCipher connection: keying, pragmas, and one serialised transaction helper.

The vault's database is opened only through this module (`Database`, `connect_raw`);
`sqlcipher3` is imported here and, for backup files, in backup/container.py and
backup/verify.py. The connection may be used from a worker thread (the UI's background
tasks), so every access takes `lock`.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import sqlcipher3.dbapi2 as sqlcipher

from clinic_app.cancellation import Cancelled
from clinic_app.errors import AuthenticationFailed, CorruptVault, VaultLocked
from clinic_app.translation import N_, _, number_words

DatabaseError = sqlcipher.DatabaseError
IntegrityError = sqlcipher.IntegrityError

_NOT_A_DATABASE = 26  # SQLITE_NOTADB
_DAMAGE_CODES = {11, _NOT_A_DATABASE}  # SQLITE_CORRUPT, SQLITE_NOTADB (SQLCipher's failed page HMAC reports NOTADB)
_SMALLEST_PAGE = 512
_INTERRUPTED = 9  # SQLITE_INTERRUPT
# SQLite's own default limit since 3.32 (this build allows more): `insert_rows` keeps under it.
_MAX_PARAMETERS = 32766
ROWS_PER_STATEMENT = 100  # a bigger statement costs more to prepare and to keep in the statement cache


def is_damage(exc: BaseException) -> bool:
    return isinstance(exc, sqlcipher.DatabaseError) and (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in _DAMAGE_CODES


def check_not_truncated(path: Path) -> None:
    """A database file is whole pages, at least one; anything else was cut short."""
    size = Path(path).stat().st_size
    if size < _SMALLEST_PAGE or size % _SMALLEST_PAGE:
        raise CorruptVault("vault.damaged")


@contextmanager
def damage_named() -> Iterator[None]:
    """Report a damaged page as CorruptVault (exit 1, 'restore a backup'), never a crash; a
    statement interrupted because someone stopped the work (`Database.taken`) as Cancelled."""
    try:
        yield
    except sqlcipher.DatabaseError as exc:
        if is_damage(exc):
            raise CorruptVault("vault.damaged") from exc
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF == _INTERRUPTED:
            raise Cancelled() from exc
        raise


def key_pragma(key: bytes) -> str:
    # A raw 256-bit key: SQLCipher skips its own PBKDF2 (we derive keys with Argon2id).
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect_raw(path: Path | str, key: bytes) -> sqlcipher.Connection:
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(key_pragma(key))
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def insert_statements(head: str, row: str, rows: list[Sequence]) -> list[tuple[str, list]]:
    """(sql, parameters) that insert `rows`: `head` ("INSERT INTO t (a, b) VALUES") with one
    `row` ("(?,?)") per row, many rows a statement. Each statement is one long step of SQLite
    without the GIL: executemany gives it up and takes it back for every row, and a thread busy
    in Python meanwhile (the import's parse-ahead) holds up each row by up to a switch interval."""
    most = _MAX_PARAMETERS // max(1, len(rows[0])) if rows else 1
    return [
        (f"{head} {','.join([row] * count)}", [value for values in rows[start : start + count] for value in values])
        for start, count in _statement_sizes(len(rows), most)
    ]


def _statement_sizes(count: int, most: int) -> Iterator[tuple[int, int]]:
    """(start, rows) of the statements that insert `count` rows: `ROWS_PER_STATEMENT` (or what
    the parameter limit allows) at a time, the rest in powers of two, so that a run of imports
    prepares (and the connection's statement cache holds) a handful of statements per table."""
    most = max(1, min(ROWS_PER_STATEMENT, most))
    start = 0
    while start < count:
        left = count - start
        size = most if left >= most else 1 << (left.bit_length() - 1)
        yield start, size
        start += size


class Database:
    def __init__(self, path: Path, key: bytes):
        self.path = Path(path)
        self.lock = threading.RLock()
        self._depth = 0
        self.conn = connect_raw(self.path, key)
        try:
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError as exc:
            self.conn.close()
            raise AuthenticationFailed("vault.key_does_not_open") from exc
        try:
            with damage_named():
                self._set_pragmas()
        except BaseException:
            self.conn.close()
            raise

    def _set_pragmas(self) -> None:
        for pragma in (
            "PRAGMA foreign_keys = ON",
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = FULL",
            "PRAGMA secure_delete = ON",  # deleted rows are overwritten, not left in free pages
            "PRAGMA temp_store = MEMORY",
            "PRAGMA cache_size = -32768",  # 32 MiB: search at 100k clients as fast as plaintext; 64 held 16 MiB more (bench/)
        ):
            self.conn.execute(pragma)

    def _live(self) -> sqlcipher.Connection:
        """The connection, or VaultLocked when a lock closed it (call with `lock` held)."""
        if self.conn is None:
            raise VaultLocked("vault.locked")
        return self.conn

    @contextmanager
    def transaction(self) -> Iterator[sqlcipher.Connection]:
        """BEGIN IMMEDIATE ... COMMIT; nested calls join the outer transaction."""
        with self.lock, damage_named():
            outer = self._depth == 0
            if outer:
                self._live().execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self._depth -= 1
                if outer:
                    self.conn.execute("ROLLBACK")
                raise
            else:
                self._depth -= 1
                if outer:
                    self.conn.execute("COMMIT")

    def query(self, sql: str, params: tuple | list | dict = ()) -> list[tuple]:
        with self.lock, damage_named():
            return self._live().execute(sql, params).fetchall()

    def query_one(self, sql: str, params: tuple | list | dict = ()) -> tuple | None:
        with self.lock, damage_named():
            return self._live().execute(sql, params).fetchone()

    def execute(self, sql: str, params: tuple | list | dict = ()) -> None:
        with self.lock, damage_named():
            self._live().execute(sql, params)

    def executemany(self, sql: str, rows: list) -> None:
        with self.lock, damage_named():
            self._live().executemany(sql, rows)

    def insert_rows(self, head: str, row: str, rows: list[Sequence]) -> None:
        """`head` ("INSERT INTO t (a, b) VALUES") with one `row` ("(?,?)") per row, many rows a
        statement (`insert_statements`)."""
        self.execute_each(insert_statements(head, row, rows))

    def execute_each(self, statements: list[tuple[str, list]]) -> None:
        """(sql, parameters) in turn: `insert_statements` made ahead, on another thread."""
        with self.lock, damage_named():
            conn = self._live()
            for sql, params in statements:
                conn.execute(sql, params)

    def rekey(self, new_key: bytes) -> None:
        with self.lock:
            self._live().execute(key_pragma(new_key).replace("PRAGMA key", "PRAGMA rekey"))

    def checkpoint(self) -> None:
        """Copy the WAL into the main file and empty it."""
        with self.lock, damage_named():
            self._live().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def structure_problems(self) -> list[str]:
        """SQLite's structural check (seconds on a large vault; `interrupt` stops it)."""
        with self.lock:
            return pragma_problems(self._live(), STRUCTURE_CHECK)

    def interrupt(self) -> None:
        """Stop the statement another thread is running on this connection (it gets an
        'interrupted' DatabaseError): SQLite allows this from any thread, without the lock, so
        locking the vault need not wait for a long read."""
        conn = self.conn
        if conn is not None:
            conn.interrupt()

    @contextmanager
    def taken(self) -> Iterator[None]:
        """Hold the connection now, from whatever another thread is doing with it: its running
        statement is interrupted until this thread has the lock, so a transaction it had open
        rolls back (its callers let go of the lock only then) and nothing it had not committed
        stays. For locking the vault while background work runs; tell that work to stop first,
        or it takes the connection again after this."""
        self._seize()
        try:
            yield
        finally:
            self.lock.release()

    def interrupt_and_roll_back(self) -> None:
        """What `taken` does on the way in, letting go at once: the running statement of another
        thread is interrupted and its transaction rolled back before this returns. For quitting,
        whose exit backup needs the connection next on a thread of its own; tell the work to
        stop first, as for `taken`."""
        self._seize()
        self.lock.release()

    def _seize(self) -> None:
        """Take `lock`, interrupting whoever holds it until they let go; roll back what they left open."""
        while not self.lock.acquire(timeout=0.005):
            self.interrupt()
        try:
            if self.conn is not None and self.conn.in_transaction:  # its ROLLBACK was interrupted too
                self.conn.execute("ROLLBACK")
        except BaseException:
            self.lock.release()
            raise

    def close(self) -> None:
        with self.lock:
            if self.conn is None:
                return
            try:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlcipher.DatabaseError:
                pass
            self.conn.close()
            self.conn = None  # type: ignore[assignment]


PAGE_CHECK = "PRAGMA cipher_integrity_check"  # SQLCipher's page HMACs; cannot be interrupted
STRUCTURE_CHECK = "PRAGMA integrity_check"


def integrity_damage(conn: sqlcipher.Connection) -> list[Damage]:
    """SQLCipher's page HMAC check, then SQLite's structural check; one code per problem."""
    return pragma_damage(conn, PAGE_CHECK) + pragma_damage(conn, STRUCTURE_CHECK)


# SQLCipher's and SQLite's own words for damage are English (and change between versions): the
# checks report them as codes with our sentences, worded in the current language (gettext), so
# `vault check` and Clinic ▸ Check the vault say them in the person's language.
DAMAGE_TEXT = {
    "page_altered": N_("page {page} is damaged or was changed outside the app (it fails its authentication code)"),
    "structure": N_("the structure is damaged: {detail}"),  # SQLite's row, for whoever restores or repairs
    "check_stopped_damaged": N_("{check} stopped: the file is damaged"),
    "check_stopped_not_a_database": N_("{check} stopped: the file is not a database this key opens, or its first page is damaged"),
    "check_stopped": N_("{check} stopped (SQLite error {code})"),
    "cut_short": N_("the database file is cut short ({size} bytes)"),
    "no_key_slot_opens": N_("no key slot opens the database"),
}
CHECK_NAMES = {PAGE_CHECK: N_("the page check"), STRUCTURE_CHECK: N_("the structure check")}
_FAILED_PAGE = re.compile(r"HMAC verification failed for page (\d+)")


class Damage(NamedTuple):
    """One problem of a damaged database: a DAMAGE_TEXT code and its parameters (a `check` is a
    pragma, `size` a number of bytes); `damage_line` words it in the current language."""

    code: str
    params: dict


def damage_line(code: str, **params) -> str:
    if "check" in params:
        params["check"] = _(CHECK_NAMES.get(params["check"], params["check"]))
    if "size" in params:
        params["size"] = number_words(params["size"])
    return _(DAMAGE_TEXT[code]).format(**params)


def pragma_damage(conn: sqlcipher.Connection, pragma: str) -> list[Damage]:
    """The check's problems as codes; none when sound."""
    try:
        rows = [r[0] for r in conn.execute(pragma).fetchall() if r[0] != "ok"]
    except sqlcipher.DatabaseError as exc:  # so damaged the check itself cannot run
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code in _DAMAGE_CODES:
            return [Damage("check_stopped_not_a_database" if code == _NOT_A_DATABASE else "check_stopped_damaged", {"check": pragma})]
        return [Damage("check_stopped", {"check": pragma, "code": code})]
    found = []
    for row in rows:
        page = _FAILED_PAGE.fullmatch(row.strip())
        found.append(Damage("page_altered", {"page": page[1]}) if page else Damage("structure", {"detail": row}))
    return found


def pragma_problems(conn: sqlcipher.Connection, pragma: str) -> list[str]:
    """The check's problems, one line each in our words; none when sound."""
    return [damage_line(d.code, **d.params) for d in pragma_damage(conn, pragma)]


def page_problems(path: Path | str, key: bytes) -> list[str]:
    """The page HMAC check on a connection of its own: it cannot be interrupted, and it holds
    no snapshot, so the vault's own connection (and locking it) never waits for it."""
    conn = connect_raw(path, key)
    try:
        return pragma_problems(conn, PAGE_CHECK)
    finally:
        conn.close()
