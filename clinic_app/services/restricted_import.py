"""Import policy for restricted facts: which keys of an imported matter's `restricted` object
are stored (the profile needs them, an attorney imports, the client's consent is dated) and
which are dropped, each with its reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from clinic_app import clock
from clinic_app.restricted_categories import Category, PurposeKind, category_of
from clinic_app.roles import Permission, operation
from clinic_app.services.restricted_store import DEFAULT_PURPOSE_DAYS, MAX_VALUE_LENGTH


@dataclass
class ImportOutcome:
    stored: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


class RestrictedImportPolicy:
    """Part of RestrictedService (restricted.py); uses the store's helpers."""

    @operation(Permission.INTAKE_IMPORT)
    def accept_import(self, mi) -> tuple[list[str], list[str]]:
        """Keys of an imported matter's `restricted` object: store those the matter's profile
        needs (importer must be an attorney; `consent_on` must record the client's consent);
        drop and report every other one. Returns (stored locations, dropped messages)."""
        outcome = ImportOutcome()
        data = dict(mi.restricted or {})
        consent_raw = data.pop("consent_on", None)
        where = f"{mi.where}.restricted"
        consent_on = None
        if isinstance(consent_raw, str):
            try:
                consent_on = date.fromisoformat(consent_raw)
            except ValueError:
                consent_on = None
        needed = self._needed(mi.matter.state)
        by_category: dict[Category, list[tuple[str, str]]] = {}
        for key, raw in data.items():
            category = category_of(key)
            if category is None:
                outcome.dropped.append(f"{where}.{key}: dropped (not a restricted category)")
            elif category not in needed:
                outcome.dropped.append(f"{where}.{key}: dropped (no purpose recorded for this matter)")
            elif not self.ctx.may(Permission.RESTRICTED_ACCESS):
                outcome.dropped.append(f"{where}.{key}: dropped (only an attorney may enter restricted facts)")
            elif consent_on is None or consent_on > clock.today():
                outcome.dropped.append(f"{where}.{key}: dropped (no client consent recorded: add restricted.consent_on)")
            elif not isinstance(raw, str) or not raw.strip() or len(raw) > MAX_VALUE_LENGTH:
                outcome.dropped.append(f"{where}.{key}: dropped (must be non-empty text)")
            else:
                by_category.setdefault(category, []).append((key.lower(), raw))
        if by_category:
            purpose = self._insert_purpose(
                mi.matter.id, PurposeKind.PROFILE_REQUIRES, list(by_category), True, consent_on,
                clock.today() + timedelta(days=DEFAULT_PURPOSE_DAYS),
            )
            for category, items in by_category.items():
                for key, raw in items:
                    self._insert_value(purpose, category, key, raw, "restricted.import")
                    outcome.stored.append(f"{where}.{key}")
        return outcome.stored, outcome.dropped
