"""Schema 4: what sealed bundles brought in (so a second import changes nothing) and who sent them.

`bundle_records` keeps every client id a bundle delivered, even after the clinic deletes or
merges that client, so carrying the same bundle in again never brings it back.
`bundle_senders` pins each sending vault's signing key on first sight.
"""


def apply(conn) -> None:
    conn.execute(
        """CREATE TABLE bundle_records (
            record_id TEXT PRIMARY KEY, bundle_id TEXT NOT NULL, sender_vault TEXT NOT NULL,
            imported_at TEXT NOT NULL, imported_by TEXT NOT NULL)"""
    )
    conn.execute(
        """CREATE TABLE bundle_senders (
            vault_id TEXT PRIMARY KEY, signing_key TEXT NOT NULL, clinic_name TEXT NOT NULL,
            first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, last_user TEXT NOT NULL)"""
    )
