"""The privacy report: per category, how many restricted values, for which matters, with
purpose, consent and purge date. Never a value."""

from __future__ import annotations

from datetime import date, timedelta

from clinic_app import clock
from clinic_app.restricted_categories import Category
from clinic_app.roles import Permission, operation
from clinic_app.services.restricted_store import PURPOSE_COLUMNS, purpose_from_row


class PrivacyReport:
    """Part of RestrictedService (restricted.py)."""

    @operation(Permission.PRIVACY_REPORT)
    def report(self, today: date | None = None) -> dict:
        """Per category: how many values, for which matters, with purpose and expiry. No values."""
        today = today or clock.today()
        days = self.retention_days()
        signed = self.settings.retention_signed()
        named = self._named_expiries()
        rows = self.ctx.db.query(
            "SELECT v.category, v.matter_id, v.purpose_id, count(*) FROM restricted_values v "
            "GROUP BY v.category, v.matter_id, v.purpose_id ORDER BY v.category, v.matter_id"
        )
        purposes = {
            r[0]: purpose_from_row(r)
            for r in self.ctx.db.query(f"SELECT {PURPOSE_COLUMNS} FROM restricted_purposes")
        }
        matters = {
            r[0]: (r[1], r[2], r[3], r[4])
            for r in self.ctx.db.query(
                "SELECT m.id, c.given_name || ' ' || c.family_name, m.state, m.filed_on, m.closed_on "
                "FROM matters m JOIN clients c ON c.id = m.client_id "
                "WHERE m.id IN (SELECT matter_id FROM restricted_purposes)"
            )
        }
        categories = {c.value: {"category": c.value, "count": 0, "matters": []} for c in Category}
        for category, matter_id, purpose_id, count in rows:
            entry = categories[category]
            entry["count"] += count
            purpose = purposes[purpose_id]
            client_name, state, filed_on, closed_on = matters[matter_id]
            ended = min((d for d in (filed_on, closed_on) if d), default=None)
            retention_on = (date.fromisoformat(ended) + timedelta(days=days)) if ended and signed else None
            expires_on = self._signed_expiry(named.get(purpose_id, [])) or purpose.expires_on  # as retention counts it
            purge_on = min(d for d in (expires_on, retention_on) if d)
            entry["matters"].append(
                {
                    "matter_id": matter_id,
                    "client": client_name,
                    "state": state,
                    "count": count,
                    "purpose": purpose.kind.value,
                    "purpose_id": purpose.id,
                    "enabled_by": purpose.enabled_by,
                    "client_consent": purpose.client_consent,
                    "consent_on": purpose.consent_on.isoformat() if purpose.consent_on else None,
                    "expires_on": expires_on.isoformat(),
                    "purge_on": purge_on.isoformat(),
                }
            )
        self.ctx.record("privacy.report", "vault", "", f"values: {sum(c['count'] for c in categories.values())}")
        return {
            "generated_at": clock.now_iso(),
            "retention_days": days,
            "retention_signed": signed,
            "total_values": sum(c["count"] for c in categories.values()),
            "total_purposes": len(purposes),
            "categories": list(categories.values()),
        }
