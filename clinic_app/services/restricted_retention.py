"""Retention of restricted facts: values go when their purpose expires or N days after the
matter is filed or closed (`privacy.retention_days`); purging overwrites them in the file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from clinic_app import audit, clock
from clinic_app.findings import Finding
from clinic_app.roles import MAY_PURGE, SIGNED_IN, Permission, Role, allows, operation
from clinic_app.translation import _

# A purpose's expiry is an attorney's (open_purpose, RESTRICTED_ACCESS), but its row is every
# key holder's to write: it counts as the newest entry naming it that such a role signed.
_PURPOSE_OPEN = "restricted.purpose.open"
_NAMES_EXPIRY = re.compile(r"^purpose (\S+): .*; expires (\d{4}-\d{2}-\d{2})$")


def expiry_unsigned(count: int) -> Finding:
    return Finding(
        "restricted.expiry_unsigned",
        _("restricted purposes whose expiry was changed outside the app (not as an attorney signed it): {count}; the signed expiry holds")
        .format(count=count),
        count=count,
    )


@dataclass
class PurgeResult:
    values: int = 0
    purposes: int = 0
    matters: list[str] = field(default_factory=list)


class RestrictedRetention:
    """Part of RestrictedService (restricted.py); runs as the system actor at every opening."""

    @operation(SIGNED_IN)
    def retention_days(self) -> int:
        return int(self.settings.get("privacy.retention_days"))

    @operation(MAY_PURGE)
    def due(self, today: date | None = None) -> list[tuple[str, str, str]]:
        """(purpose id, matter id, reason) for purposes whose values must go now."""
        today = today or clock.today()
        # Retention not as a manager signed it (raw SQL, or an older version's value): purge
        # nothing by it rather than sooner than the clinic chose (services/settings.py).
        cutoff = (today - timedelta(days=self.retention_days())).isoformat() if self.settings.retention_signed() else ""
        rows = self.ctx.db.query(
            "SELECT p.id, p.matter_id, p.expires_on, "
            "min(coalesce(m.filed_on, '9999-12-31'), coalesce(m.closed_on, '9999-12-31')) <= :cutoff "
            "FROM restricted_purposes p JOIN matters m ON m.id = p.matter_id ORDER BY p.matter_id, p.created_at",
            {"cutoff": cutoff},
        )
        named = self._named_expiries()
        due = []
        for purpose_id, matter_id, stored, retention_over in rows:
            if self._expiry(purpose_id, stored, named, today) <= today:
                due.append((purpose_id, matter_id, "purpose expired"))
            elif retention_over:
                due.append((purpose_id, matter_id, "retention after the matter was filed or closed"))
        return due

    def _named_expiries(self) -> dict[str, list[tuple[date, tuple]]]:
        """Per purpose id, the expiries its audit entries name (with the row), newest first."""
        rows = self.ctx.db.query(
            f"SELECT {audit.COLUMNS}, sig FROM audit_log WHERE object_id IN (SELECT matter_id FROM restricted_purposes) "
            "AND action = ? ORDER BY seq DESC",
            (_PURPOSE_OPEN,),
        )
        named: dict[str, list[tuple[date, tuple]]] = {}
        for row in rows:
            match = _NAMES_EXPIRY.match(str(row[6] or ""))
            if match:
                try:
                    named.setdefault(match[1], []).append((date.fromisoformat(match[2]), row))
                except ValueError:
                    continue
        return named

    def _signed_expiry(self, entries: list[tuple[date, tuple]]) -> date | None:
        holders = {role for role in Role if allows(Permission.RESTRICTED_ACCESS, role)}
        return next((named for named, row in entries if self.ctx.grants.acted_as(holders, row)), None)

    def _expiry(self, purpose_id: str, stored: str, named, today: date) -> date:
        """The expiry that counts: the signed one; the stored one only when nothing signed names
        one (a purpose an older version opened). Signatures are checked only where the answer
        could differ today (a date on or before it), not for every purpose at every opening."""
        stored_on = date.fromisoformat(stored)
        entries = named.get(purpose_id, [])
        if stored_on > today and all(d > today for d, _row in entries):
            return stored_on
        return self._signed_expiry(entries) or stored_on

    @operation(SIGNED_IN)
    def unsigned_expiries(self, today: date | None = None) -> int:
        """How many purposes' stored expiry is not the signed one (all of them with `today`
        None, as `vault check` asks; otherwise those where it matters on that day)."""
        named, count = self._named_expiries(), 0
        for purpose_id, stored in self.ctx.db.query("SELECT id, expires_on FROM restricted_purposes"):
            entries = named.get(purpose_id, [])
            if today is not None and date.fromisoformat(stored) > today and all(d > today for d, _row in entries):
                continue
            signed = self._signed_expiry(entries)
            count += signed is not None and signed.isoformat() != stored
        return count

    @operation(MAY_PURGE)
    def purge_due(self, today: date | None = None) -> PurgeResult:
        """Run retention now: on demand, or as the system actor at every opening (any role)."""
        return self._purge(self.due(today), actor_note="automatic" if self.ctx.system else "on demand")

    @operation(MAY_PURGE)
    def purge_matter(self, matter_id: str) -> PurgeResult:
        """Delete every restricted fact and purpose of one matter now (e.g. the client asks)."""
        self._matter_state(matter_id)
        rows = self.ctx.db.query("SELECT id FROM restricted_purposes WHERE matter_id = ?", (matter_id,))
        return self._purge([(r[0], matter_id, "on request") for r in rows], actor_note="on demand")

    def _purge(self, targets: list[tuple[str, str, str]], actor_note: str) -> PurgeResult:
        result = PurgeResult()
        if not targets:
            return result
        with self.ctx.db.transaction() as conn:
            for purpose_id, matter_id, reason in targets:
                gone = conn.execute("DELETE FROM restricted_values WHERE purpose_id = ?", (purpose_id,)).rowcount
                conn.execute("DELETE FROM restricted_purposes WHERE id = ?", (purpose_id,))
                result.values += gone
                result.purposes += 1
                if matter_id not in result.matters:
                    result.matters.append(matter_id)
                self.ctx.record(
                    "restricted.purge", "matter", matter_id, f"purpose {purpose_id}; values: {gone}; {reason}; {actor_note}"
                )
        self._checkpoint()
        return result

    def _checkpoint(self) -> None:
        """Move overwritten pages from the WAL into the database file and empty the WAL."""
        self.ctx.db.checkpoint()
