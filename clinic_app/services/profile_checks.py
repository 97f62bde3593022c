""""I checked this profile today": a person's word that a state profile still matches the
official sources, recorded in the vault (meta table, no client data) and in the audit log.

The shipped profile file carries its own `last_verified`; this records the clinic's own check,
which is what an attorney vouches for before building a final packet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from clinic_app import audit, clock
from clinic_app.errors import ValidationError
from clinic_app.roles import Permission, Role, allows, operation
from clinic_app.services.context import ServiceContext

_KEY = "profile_checked:"  # written for older versions; `last` reads the audit log
_CHECKED, _AUDIT_OBJECT = "profile.checked", "profile"


@dataclass(frozen=True)
class ProfileCheck:
    state: str
    checked_on: date
    checked_by: str


class ProfileChecks:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    @operation(Permission.PACKET_CHECK)
    def last(self, state: str) -> ProfileCheck | None:
        """The newest check, as the audit entry its maker signed: the `meta` row is any key
        holder's to write (a paralegal could vouch in an attorney's name), the entry is not."""
        state = state.upper()
        rows = self.ctx.db.query(
            f"SELECT {audit.COLUMNS}, sig FROM audit_log WHERE object_id = ? AND object_type = ? AND action = ? ORDER BY seq DESC",
            (state, _AUDIT_OBJECT, _CHECKED),
        )
        vouching = {role for role in Role if allows(Permission.PACKET_BUILD, role)}
        for row in rows:
            if self.ctx.grants.acted_as(vouching, row):
                at, actor = row[1], row[2]
                return ProfileCheck(state, clock.calendar_date(datetime.fromisoformat(at)), actor)
        return None

    @operation(Permission.PACKET_BUILD)
    def record(self, state: str) -> ProfileCheck:
        """Attorneys and managers vouch that they compared the profile with its sources today."""
        state = state.upper()
        if not state.isalpha() or len(state) != 2:
            raise ValidationError("profile.bad_state_code")
        check = ProfileCheck(state, clock.today(), self.ctx.user.username)
        with self.ctx.db.transaction() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (_KEY + state, f"{check.checked_on.isoformat()} {check.checked_by}"),
            )
            self.ctx.record(_CHECKED, _AUDIT_OBJECT, state)
        return check
