"""The states a matter can be in: every state profile in use (shipped or the clinic's own),
their names in the UI language and their routes. Profiles are read once per run."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication

from clinic_app.domain.models import Route
from clinic_app.errors import ClinicError
from clinic_app.state_profiles import ProfileRegistry, clinic_profiles_folder


def vault_states(session) -> list[str]:
    """States with a profile for this vault, California first."""
    states = ProfileRegistry(clinic_profiles_folder(session.vault.folder)).states()
    return sorted(states, key=lambda s: (s != "CA", s))


@lru_cache(maxsize=None)
def shipped_states() -> list[str]:
    return ProfileRegistry().states()


@lru_cache(maxsize=32)
def state_routes(state: str) -> tuple[tuple[str, str], ...]:
    """(route id, name) of a state's profile; the shipped file is read once per run."""
    try:
        return tuple((r.id, r.name) for r in ProfileRegistry().get(state).routes)
    except ClinicError:
        return ((Route.DIRECT.value, Route.DIRECT.value),)


def state_label(state: str) -> str:
    names = {
        "CA": QCoreApplication.translate("state", "California"),
        "NY": QCoreApplication.translate("state", "New York"),
    }
    return names.get(state, state)
