""""I checked this profile today": a person's word that a state profile still matches the
official sources, recorded in the vault (meta table, no client data) and in the audit log.

The shipped profile file carries its own `last_verified`; this records the clinic's own check,
which is what an attorney vouches for before building a final packet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clinic_app import clock
from clinic_app.errors import ValidationError
from clinic_app.roles import Permission, operation
from clinic_app.services.context import ServiceContext

_KEY = "profile_checked:"


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
        value = self.ctx.meta(_KEY + state.upper())
        if not value:
            return None
        day, _, who = value.partition(" ")
        return ProfileCheck(state.upper(), date.fromisoformat(day), who)

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
            self.ctx.record("profile.checked", "profile", state)
        return check
