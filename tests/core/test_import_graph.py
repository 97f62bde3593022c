"""The core's imports point one way: no cycles, and no layer imports a layer above it.

Every module of `clinic_app/` is parsed with `ast` (imports inside functions count too, a
late import is still a dependency; only `if TYPE_CHECKING:` blocks are skipped). `LAYERS` below is the one layer map of the core
(docs/architecture.md describes it): a module belongs to the layer of the longest
prefix that names it, and may import its own layer and the layers before it. A new
module that matches no prefix fails the test until it is placed.
"""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "clinic_app"

LAYERS: list[tuple[str, tuple[str, ...]]] = [
    (
        "base",
        (
            "clinic_app",
            "clinic_app.errors",
            "clinic_app.clock",
            "clinic_app.fileio",
            "clinic_app.paths",
            "clinic_app.roles",
            "clinic_app.faults",
            "clinic_app.translation",
            "clinic_app.error_messages",
            "clinic_app.cancellation",
            "clinic_app.collector",
            "clinic_app.process_guard",  # no core dumps, no attaching (resource, ctypes)
            "clinic_app.findings",  # codes + parameters for what opening a vault found; no imports
            "clinic_app.check_report",  # lines and problems of vault check, backup verify, the drill
            "clinic_app.domain.problem_text",  # words for problem codes, no imports; errors uses it
        ),
    ),
    (
        "domain",
        (
            "clinic_app.domain",
            "clinic_app.restricted_categories",
            "clinic_app.state_profiles",
            "clinic_app.state_profile_format",
            "clinic_app.intake_format",
            "clinic_app.pdf_fonts",
        ),
    ),
    (
        "storage/crypto",
        (
            "clinic_app.storage",
            "clinic_app.crypto",
            "clinic_app.audit",
            "clinic_app.unlock_throttle",
            "clinic_app.restore_swap",  # settles an interrupted "restore over this vault" (folders, a marker)
        ),
    ),
    ("vault", ("clinic_app.vault", "clinic_app.role_secrets", "clinic_app.grants")),
    ("services", ("clinic_app.services",)),
    (
        "packets/backup",
        (
            "clinic_app.packets",
            "clinic_app.backup",
            "clinic_app.bundles",
            "clinic_app.recovery_sheet",
            "clinic_app.vault_check",
            "clinic_app.demo",
        ),
    ),
    ("session", ("clinic_app.session",)),
    ("lifecycle", ("clinic_app.lifecycle",)),
    ("cli", ("clinic_app.cli",)),
]


def module_names(root: Path) -> dict[str, Path]:
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _type_checking_only(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _nodes(tree: ast.AST):
    """Every node, but not the body of `if TYPE_CHECKING:` (annotations only, never run)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if _type_checking_only(node):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def imports_of(name: str, path: Path, modules: set[str]) -> set[str]:
    """The clinic_app modules `name` imports, anywhere in its file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            # `from package import module` depends on the module, `from module import name` on the module
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in modules:  # `import clinic_app.x.y` names a module or its package
                target = target.rpartition(".")[0]
            if target.startswith("clinic_app") and target != name:
                found.add(target)
    return found


def import_graph(root: Path = CORE) -> dict[str, set[str]]:
    names = module_names(root)
    return {name: imports_of(name, path, set(names)) for name, path in names.items()}


def layer_of(module: str) -> int | None:
    best, best_length = None, -1
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            inside = module.startswith(prefix + ".") and prefix != "clinic_app"  # the root names only itself
            if (module == prefix or inside) and len(prefix) > best_length:
                best, best_length = index, len(prefix)
    return best


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_is_really_built():
    graph = import_graph()
    assert len(graph) >= 60
    assert "clinic_app.vault" in graph["clinic_app.lifecycle"]
    assert "clinic_app.packets.service" in graph["clinic_app.session"]  # a late import inside a function counts


def test_every_module_has_a_layer():
    unplaced = [m for m in import_graph() if layer_of(m) is None]
    assert not unplaced, f"add these modules to LAYERS in {Path(__file__).name}: {unplaced}"


def test_no_import_cycles():
    found = cycles(import_graph())
    assert not found, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in found)


def test_no_layer_imports_a_layer_above_it():
    upward = [
        f"{source} ({LAYERS[layer_of(source)][0]}) imports {target} ({LAYERS[layer_of(target)][0]})"
        for source, targets in sorted(import_graph().items())
        for target in sorted(targets)
        if layer_of(source) is not None and layer_of(target) is not None and layer_of(target) > layer_of(source)
    ]
    assert not upward, "imports against the layer order:\n" + "\n".join(upward)


def test_the_checks_catch_a_cycle_and_an_upward_import():
    graph = {"clinic_app.vault": {"clinic_app.session"}, "clinic_app.session": {"clinic_app.vault"}, "clinic_app.errors": set()}
    assert cycles(graph) == [["clinic_app.session", "clinic_app.vault"]]
    assert layer_of("clinic_app.session") > layer_of("clinic_app.vault")
    assert layer_of("clinic_app.services.clients") == layer_of("clinic_app.services")
    assert layer_of("clinic_app.vault_check") != layer_of("clinic_app.vault")  # a prefix is a whole name part
    assert layer_of("clinic_app.something_new") is None  # the root package is no catch-all
