"""Retention of restricted facts: values go when their purpose expires or N days after the
matter is filed or closed (`privacy.retention_days`); purging overwrites them in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from clinic_app import clock
from clinic_app.roles import MAY_PURGE, SIGNED_IN, operation


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
            "SELECT p.id, p.matter_id, p.expires_on <= :today FROM restricted_purposes p JOIN matters m ON m.id = p.matter_id "
            "WHERE p.expires_on <= :today "
            "OR min(coalesce(m.filed_on, '9999-12-31'), coalesce(m.closed_on, '9999-12-31')) <= :cutoff "
            "ORDER BY p.matter_id, p.created_at",
            {"today": today.isoformat(), "cutoff": cutoff},
        )
        return [
            (purpose_id, matter_id, "purpose expired" if expired else "retention after the matter was filed or closed")
            for purpose_id, matter_id, expired in rows
        ]

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
