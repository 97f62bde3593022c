"""Where things live. The vault folder holds everything; nothing else carries client data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from clinic_app import APP_ID, ORG_NAME

VAULT_ENV = "CLINIC_VAULT"


def default_vault_dir() -> Path:
    override = os.environ.get(VAULT_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_ID, ORG_NAME)) / "vault"


def resources_dir() -> Path:
    """The top-level resources/ folder, in a source tree or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def font_path(name: str) -> Path:
    return resources_dir() / "fonts" / name
