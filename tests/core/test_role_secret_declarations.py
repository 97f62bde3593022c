"""Role secrets are declared in one list (`role_secrets.SECRETS`), not by importing the module
that uses them: a process that never imports `clinic_app.bundles` (the window until someone
opens a bundle) still keeps the clinic's bundle key at unlock and shares it with a new holder."""

from __future__ import annotations

import subprocess
import sys

import pytest

from clinic_app import role_secrets
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD

PROBE = r"""
import sys
from clinic_app import role_secrets
from clinic_app.lifecycle import open_session
from clinic_app.vault import Vault

vault, password = Vault(sys.argv[1]), sys.argv[2]
manager = open_session(vault, "manager", password)
manager.users.add("attorney2", "attorney", password)  # shares what the manager holds
manager.lock()
attorney = open_session(vault, "attorney2", password)
print("clinic_app.bundles" in sys.modules, role_secrets.BUNDLE_CLINIC_KEY in attorney.role_secrets)
attorney.lock()
"""


def test_a_process_without_bundles_imported_keeps_and_shares_the_clinic_bundle_key(vault, vault_dir):
    s = open_session(vault, "manager", PASSWORD)
    s.bundles.clinic_key()  # the manager's slot (and the attorney's) now hold the private key
    s.lock()
    proc = subprocess.run([sys.executable, "-c", PROBE, str(vault_dir), PASSWORD], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "True"]


def test_a_secret_declared_with_hooks_is_never_reconciled_without_them(monkeypatch):
    monkeypatch.setattr(role_secrets, "_hooks", {})  # as if clinic_app.services.restricted_store were not loaded
    with pytest.raises(RuntimeError, match="restricted_store is not loaded"):
        role_secrets.reconcile(None)
    with pytest.raises(ValueError, match="without hooks"):
        role_secrets.install_hooks(role_secrets.BUNDLE_CLINIC_KEY, rotate=lambda *a: None)
