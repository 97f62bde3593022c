"""`session.may(operation, **arguments)` answers as the operation would when called with those
arguments: an OwnOr rule on one's own record, or on someone else's."""

from __future__ import annotations

import pytest

from clinic_app.errors import PermissionDenied
from clinic_app.lifecycle import open_session
from clinic_app.services.users import UserService
from tests.conftest import PASSWORD


@pytest.mark.parametrize("role, own, other", [("paralegal", True, False), ("attorney", True, False), ("manager", True, True)])
def test_may_answers_an_own_record_rule_for_the_record_named(vault, role, own, other):
    session = open_session(vault, role, PASSWORD)
    try:
        someone_else = "attorney" if role != "attorney" else "paralegal"
        assert session.may(UserService.set_signature, username=role) is own
        assert session.may(UserService.set_signature, username=someone_else) is other
        assert session.may(UserService.set_signature) is other  # no record named: the stricter answer
        for username, allowed in ((role, own), (someone_else, other)):  # the operation agrees
            if allowed:
                session.users.set_signature(username, title="Checked")
            else:
                with pytest.raises(PermissionDenied):
                    session.users.set_signature(username, title="Checked")
    finally:
        session.lock()
