"""Schema 1: users, settings, clients and their matters, attachments, tasks, notes, audit log."""

STAMPS = "created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL"

STATEMENTS = [
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL)",
    """CREATE TABLE users (
        id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE COLLATE NOCASE, role TEXT NOT NULL
            CHECK (role IN ('paralegal','attorney','manager')),
        slot_id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, created_by TEXT NOT NULL)""",
    f"""CREATE TABLE clients (
        id TEXT PRIMARY KEY, given_name TEXT NOT NULL, family_name TEXT NOT NULL, middle_name TEXT NOT NULL,
        aliases TEXT NOT NULL, date_of_birth TEXT, phone TEXT NOT NULL, email TEXT NOT NULL,
        mailing_address TEXT NOT NULL, preferred_language TEXT NOT NULL, notes TEXT NOT NULL, {STAMPS})""",
    "CREATE INDEX clients_by_name ON clients (family_name COLLATE NOCASE, given_name COLLATE NOCASE)",
    # Search index, kept in step by the client service; diacritics folded so "hernandez" finds "Hernández".
    """CREATE VIRTUAL TABLE client_search USING fts5(
        client_id UNINDEXED, names, aliases, case_numbers, notes,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')""",
    f"""CREATE TABLE matters (
        id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        kind TEXT NOT NULL, state TEXT NOT NULL, route TEXT NOT NULL, status TEXT NOT NULL,
        urgent_need INTEGER NOT NULL, urgent_need_details TEXT NOT NULL, reasons TEXT NOT NULL,
        offense_circumstances TEXT NOT NULL, rehabilitation TEXT NOT NULL, family_community TEXT NOT NULL,
        compensation TEXT NOT NULL, employment TEXT NOT NULL, education TEXT NOT NULL,
        community_service TEXT NOT NULL, applicant_signed_on TEXT, filed_on TEXT, closed_on TEXT, {STAMPS})""",
    "CREATE INDEX matters_by_client ON matters (client_id)",
    f"""CREATE TABLE convictions (
        id TEXT PRIMARY KEY, matter_id TEXT NOT NULL REFERENCES matters(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, state TEXT NOT NULL, county TEXT NOT NULL, court TEXT NOT NULL,
        case_number TEXT NOT NULL, offense TEXT NOT NULL, code_section TEXT NOT NULL, level TEXT,
        current_level TEXT, offense_date TEXT, conviction_date TEXT, sentence TEXT NOT NULL,
        supervision_end TEXT, dismissed_1203_4 TEXT, pardon_requested INTEGER NOT NULL, {STAMPS})""",
    "CREATE INDEX convictions_by_matter ON convictions (matter_id, position)",
    f"""CREATE TABLE support_letters (
        id TEXT PRIMARY KEY, matter_id TEXT NOT NULL REFERENCES matters(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, name TEXT NOT NULL, relationship TEXT NOT NULL, years_known INTEGER,
        letter_received INTEGER NOT NULL, letter_date TEXT, {STAMPS})""",
    "CREATE INDEX letters_by_matter ON support_letters (matter_id, position)",
    f"""CREATE TABLE notices (
        id TEXT PRIMARY KEY, matter_id TEXT NOT NULL REFERENCES matters(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, county TEXT NOT NULL, served_on TEXT, method TEXT NOT NULL,
        served_by TEXT NOT NULL, {STAMPS})""",
    "CREATE INDEX notices_by_matter ON notices (matter_id, position)",
    f"""CREATE TABLE documents (
        id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        matter_id TEXT REFERENCES matters(id) ON DELETE SET NULL, filename TEXT NOT NULL,
        media_type TEXT NOT NULL, doc_type TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
        content BLOB NOT NULL, {STAMPS})""",
    "CREATE INDEX documents_by_client ON documents (client_id)",
    f"""CREATE TABLE tasks (
        id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        matter_id TEXT REFERENCES matters(id) ON DELETE SET NULL, title TEXT NOT NULL, due_on TEXT,
        done INTEGER NOT NULL, {STAMPS})""",
    "CREATE INDEX tasks_by_client ON tasks (client_id)",
    f"""CREATE TABLE notes (
        id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        matter_id TEXT REFERENCES matters(id) ON DELETE SET NULL, body TEXT NOT NULL, {STAMPS})""",
    "CREATE INDEX notes_by_client ON notes (client_id)",
    # Append-only, hash-chained. Values never go in `detail`, only field names and counts.
    """CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
        object_type TEXT NOT NULL, object_id TEXT NOT NULL, detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL, hash TEXT NOT NULL)""",
    "CREATE INDEX audit_by_object ON audit_log (object_id)",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
]


def apply(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
