"""Every error the core raises carries a literal code that both the CLI and the app have words for."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import clinic_app
from clinic_app.error_messages import known_codes
from clinic_app.errors import ClinicError

ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
CLI_ONLY_PREFIXES = ("cli.", "selftest.")  # raised by the command line itself; the app never sees them


def _error_classes() -> set[str]:
    """Names of the error classes that take a code (others, like Cancelled, fix their own)."""
    for module in pkgutil.walk_packages(clinic_app.__path__, "clinic_app."):
        importlib.import_module(module.name)
    names, todo = set(), [ClinicError]
    while todo:
        cls = todo.pop()
        if "code" in inspect.signature(cls.__init__).parameters:
            names.add(cls.__name__)
        todo += cls.__subclasses__()
    return names


def _raised_codes(folders: list[str], root: Path = ROOT) -> tuple[dict[str, list[str]], list[str]]:
    """code -> where raised; and the places that build an error without a literal code."""
    classes = _error_classes()
    codes: dict[str, list[str]] = {}
    bad: list[str] = []
    for folder in folders:
        for path in sorted((root / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                is_super_init = name == "__init__" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call)
                is_cls = name == "cls" and path.name == "errors.py"  # ValidationError.of
                if name not in classes and not is_super_init and not is_cls:
                    continue
                where = f"{path.relative_to(root)}:{node.lineno}"
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and CODE.match(first.value):
                    codes.setdefault(first.value, []).append(where)
                elif not is_super_init and not is_cls:
                    bad.append(where)
    return codes, bad


def test_every_error_is_raised_with_a_literal_code():
    _codes, bad = _raised_codes(["clinic_app", "ui"])
    assert not bad, "errors built without a literal 'area.what' code (a sentence or a variable):\n" + "\n".join(bad)


def test_the_cli_has_words_for_every_code():
    codes, _ = _raised_codes(["clinic_app", "ui"])
    missing = {c: w for c, w in codes.items() if c not in known_codes()}
    assert not missing, f"add these codes to clinic_app/error_messages.py: {missing}"


def test_the_app_has_words_for_every_code_it_can_see():
    from ui.error_text import PLURAL_TEXT, TEXT

    codes, _ = _raised_codes(["clinic_app", "ui"])
    missing = {
        c: w for c, w in codes.items() if c not in TEXT and c not in PLURAL_TEXT and not c.startswith(CLI_ONLY_PREFIXES)
    }
    assert not missing, f"add these codes to ui/error_text.py: {missing}"


def test_no_table_keeps_words_for_codes_nobody_raises():
    from ui.error_text import PLURAL_TEXT, TEXT

    codes, _ = _raised_codes(["clinic_app", "ui"])
    assert not (known_codes() - set(codes)), f"stale codes in clinic_app/error_messages.py: {known_codes() - set(codes)}"
    stale_ui = (set(TEXT) | set(PLURAL_TEXT)) - set(codes)
    assert not stale_ui, f"stale codes in ui/error_text.py: {stale_ui}"


def test_the_check_catches_an_error_raised_with_a_sentence(tmp_path):
    """The scan is not vacuous: a sentence where a code belongs is reported."""
    (tmp_path / "clinic_app").mkdir()
    (tmp_path / "clinic_app" / "broken.py").write_text('raise NotFound(f"no client {x}")\nraise NotFound("client.gone")\n')
    codes, bad = _raised_codes(["clinic_app"], tmp_path)
    assert bad == ["clinic_app/broken.py:1"]
    assert codes == {"client.gone": ["clinic_app/broken.py:2"]}


def test_messages_fill_in_parameters_and_plurals():
    from clinic_app.errors import NotFound, ThrottledError
    from clinic_app.translation import translation

    english = translation("en")
    assert str(NotFound("user.not_found", username="ana")) == "no user named 'ana'"
    from clinic_app.error_messages import error_message

    assert error_message(ThrottledError("vault.too_many_wrong_passwords", retry_after=0.2), english).endswith("in 1 second")
    assert error_message(ThrottledError("vault.too_many_wrong_passwords", retry_after=4.5), english).endswith("in 5 seconds")
    unknown = NotFound("nobody.knows_this", thing=3)
    assert error_message(unknown, english) == "nobody.knows_this thing=3"


def test_the_app_never_shows_an_error_as_str():
    """`str(exc)` is the CLI's English (or LANG) text; the app words errors with ui.error_text.
    Caught ValueErrors are exempt: the UI's own parsers raise them with translated words."""
    names = {"exc", "error", "err", "e"}
    shown = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        exempt = set()
        for handler in ast.walk(tree):
            if isinstance(handler, ast.ExceptHandler) and handler.type is not None and ast.unparse(handler.type) == "ValueError":
                exempt |= {id(n) for n in ast.walk(handler)}
        for node in ast.walk(tree):
            if id(node) in exempt:
                continue
            as_str = (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str"
                      and len(node.args) == 1 and isinstance(node.args[0], ast.Name) and node.args[0].id in names)
            in_fstring = isinstance(node, ast.FormattedValue) and isinstance(node.value, ast.Name) and node.value.id in names
            if as_str or in_fstring:
                shown.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not shown, "use ui.error_text.error_text(exc): " + ", ".join(shown)
