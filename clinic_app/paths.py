"""Where things live. The vault folder holds everything; nothing else carries client data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from clinic_app import APP_ID, ORG_NAME

VAULT_ENV = "CLINIC_VAULT"
VAULT_DB_NAME = "vault.db"
KEYSLOT_COPY_NAMES = ("keyslots.json", "keyslots.copy.json")  # the key-slot file and its second copy


def default_vault_dir() -> Path:
    override = os.environ.get(VAULT_ENV)
    if override:
        return Path(override)
    import platformdirs  # late: it imports tempfile, shutil and the compressors (~10 ms)

    return Path(platformdirs.user_data_dir(APP_ID, ORG_NAME)) / "vault"


def vault_exists(folder: Path) -> bool:
    """Whether `folder` holds a vault: its database and a copy of its key-slot file. Cheap,
    so the window can choose the unlock screen before the crypto and database are loaded."""
    return (folder / VAULT_DB_NAME).exists() and any((folder / name).exists() for name in KEYSLOT_COPY_NAMES)


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
