"""`session.restricted`: the purpose-bound restricted store for immigration facts and attorney
work product, one service assembled from four modules with one job each:

- restricted_store.py: purposes and values (encrypted under the attorneys' key), what leaves
- restricted_import.py: which imported restricted keys are kept or dropped, and why
- restricted_retention.py: retention and purges
- restricted_report.py: the privacy report (counts, never values)

The rules themselves are in restricted_store.py's docstring and docs/privacy.md.
"""

from __future__ import annotations

from clinic_app.services.restricted_import import ImportOutcome, RestrictedImportPolicy
from clinic_app.services.restricted_report import PrivacyReport
from clinic_app.services.restricted_retention import PurgeResult, RestrictedRetention
from clinic_app.services.restricted_store import (
    DEFAULT_PURPOSE_DAYS,
    MAX_VALUE_LENGTH,
    RESTRICTED_KEY,
    RestrictedPurpose,
    RestrictedStore,
    RestrictedSummary,
    RestrictedValue,
    purpose_to_json,
)

__all__ = [
    "DEFAULT_PURPOSE_DAYS",
    "MAX_VALUE_LENGTH",
    "RESTRICTED_KEY",
    "ImportOutcome",
    "PurgeResult",
    "RestrictedPurpose",
    "RestrictedService",
    "RestrictedSummary",
    "RestrictedValue",
    "purpose_to_json",
]


class RestrictedService(RestrictedStore, RestrictedImportPolicy, RestrictedRetention, PrivacyReport):
    """What the session offers as `session.restricted`."""
