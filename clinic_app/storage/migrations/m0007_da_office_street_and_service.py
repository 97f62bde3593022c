"""Schema 7: a district attorney's address as street, city and ZIP (a notice cannot be served
to "somewhere in California"), and the facts a declaration of service by mail needs: the
place of mailing and, for certified mail, the article number.

Existing one-box addresses whose last line reads "City, ST 12345" are split; others keep
their text in `address` and show as missing until someone fills the fields in."""

import re

LAST_LINE = re.compile(r"^(?P<city>[^,]+),\s*(?P<state>[A-Za-z]{2})\s+(?P<zip>\d{5}(?:-\d{4})?)$")


def apply(conn) -> None:
    for column in ("street", "city", "zip"):
        conn.execute(f"ALTER TABLE da_offices ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    for column in ("mailed_from", "article_number"):
        conn.execute(f"ALTER TABLE notices ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    rows = conn.execute("SELECT state, county, address FROM da_offices WHERE address != ''").fetchall()
    for state, county, address in rows:
        lines = [line.strip() for line in address.splitlines() if line.strip()]
        match = LAST_LINE.match(lines[-1]) if len(lines) >= 2 else None
        if match and match["state"].upper() == state:
            conn.execute(
                "UPDATE da_offices SET street = ?, city = ?, zip = ? WHERE state = ? AND county = ?",
                ("\n".join(lines[:-1]), match["city"].strip(), match["zip"], state, county),
            )
