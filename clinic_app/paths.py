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
    """The resources/ folder: in a PyInstaller bundle, inside the installed package (a wheel,
    see setup.py), or at the top of a source tree (also editable installs)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    here = Path(__file__).resolve().parent
    installed = here / "resources"
    return installed if installed.is_dir() else here.parent / "resources"


def font_path(name: str) -> Path:
    return resources_dir() / "fonts" / name
