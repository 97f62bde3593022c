"""Schema 12: the client search index in its current layout, by migration.

Layout 2 (each search row shares its client's rowid, so a listing tests membership per
row) used to be checked at every opening against a `search_index_version` row in `meta`.
A vault whose index is not in layout 2 yet is rebuilt here, once, in one statement, and
the row goes. A later layout change is a later migration. The row built is the one
`services/search_index.reindex` builds: names, aliases, case numbers, notes and note bodies.
"""

REBUILD = """
INSERT INTO client_search (rowid, client_id, names, aliases, case_numbers, notes)
SELECT c.rowid, c.id,
    concat_ws(' ', nullif(c.given_name, ''), nullif(c.middle_name, ''), nullif(c.family_name, '')),
    coalesce((SELECT group_concat(a.value, ' ') FROM json_each(c.aliases) a), ''),
    coalesce((SELECT group_concat(v.case_number, ' ') FROM convictions v JOIN matters m ON m.id = v.matter_id
              WHERE m.client_id = c.id), ''),
    c.notes || coalesce(char(10) || (SELECT group_concat(n.body, char(10)) FROM notes n WHERE n.client_id = c.id), '')
FROM clients c
"""


def apply(conn) -> None:
    layout = conn.execute("SELECT value FROM meta WHERE key = 'search_index_version'").fetchone()
    if layout is None or layout[0] != "2":
        conn.execute("DELETE FROM client_search")
        conn.execute(REBUILD)
    conn.execute("DELETE FROM meta WHERE key = 'search_index_version'")
