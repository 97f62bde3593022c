"""The window's vault, made on first use: the unlock screen shows before the core's crypto,
database and services are imported (bench/startup_bench.py); the first real use (the unlock,
on its worker thread) imports them. Everything else is the `clinic_app.vault.Vault`'s."""

from __future__ import annotations

import threading
from pathlib import Path

from clinic_app import restore_swap
from clinic_app.paths import vault_exists


class VaultOnDemand:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._vault = None
        self._making = threading.Lock()  # the first use may come from a worker thread
        # A "restore over this vault" killed part-way is settled before the window asks whether
        # there is a vault (never the create-vault wizard while one sits under a side name).
        self.restore_settled = restore_swap.settle(self.folder)

    def exists(self) -> bool:
        return vault_exists(self.folder)

    @property
    def vault(self):
        with self._making:
            if self._vault is None:
                from clinic_app.vault import Vault

                self._vault = Vault(self.folder)
            return self._vault

    def __getattr__(self, name: str):  # only for names not found above
        if name.startswith("_"):  # never make the vault for a private or special name (copy, pickle)
            raise AttributeError(name)
        return getattr(self.vault, name)
