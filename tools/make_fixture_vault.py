"""Write tests/fixtures/vaults/schema-N/: a small vault made by this release's schema.

Run once per released schema (python tools/make_fixture_vault.py) and commit the folder;
tests/core/test_migrations.py opens every one with the current app.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ["CLINIC_INSECURE_TEST_KDF"] = "1"  # fixtures are test data: cheap key derivation

from clinic_app.lifecycle import create_vault  # noqa: E402
from clinic_app.storage import migrations  # noqa: E402
from clinic_app.vault import Vault  # noqa: E402

PASSWORD = "fixture-password"
SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "intake_unicode.json"


def main() -> int:
    version = migrations.latest_version()
    target = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "vaults" / f"schema-{version}"
    if target.exists():
        print(f"{target} exists; delete it first to regenerate", file=sys.stderr)
        return 1
    session, recovery_key = create_vault(Vault(target), "manager", PASSWORD, clinic_name="Fixture Clinic")
    session.users.add("attorney", "attorney", PASSWORD)
    session.intake.import_document(json.loads(SAMPLE.read_text(encoding="utf-8")))
    session.lock()
    (target / "vault.lock").unlink(missing_ok=True)
    (target / "FIXTURE.md").write_text(
        f"Schema {version} fixture vault. Users manager and attorney, password {PASSWORD!r}.\n"
        f"Recovery key: {recovery_key}\nClients: imported from tests/fixtures/intake_unicode.json.\n"
    )
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
