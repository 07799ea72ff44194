"""The house keeps its floors: core modules import no feature, and each feature imports only
core and the features below it, so there is no import cycle between packages.

Every import counts, including those inside functions ("lazy" imports still make a cycle).
"""

from __future__ import annotations

import ast
from pathlib import Path

WEBAPP = Path(__file__).resolve().parents[2] / "webapp"

# Lowest first. A feature may import core and any feature before it, never one after it.
LAYERS = [
    "preferences",
    "pages",
    "agreements",
    "accounts",
    "join",
    "stories",
    "concerns",
    "facilitation",
    "decisions",
    "meetings",
    "plans",
    "surveys",
    "your_account",
]


def features() -> set[str]:
    return {p.name for p in WEBAPP.iterdir() if (p / "__init__.py").exists()}


def imported_packages(path: Path) -> set[str]:
    """The webapp packages (or "core") this file imports, resolved from relative imports."""
    parts = path.relative_to(WEBAPP).with_suffix("").parts
    package = list(parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                module = base + (node.module.split(".") if node.module else [])
                targets = [module] if node.module else [base + [a.name] for a in node.names]
            elif node.module and node.module.split(".")[0] == "webapp":
                targets = [node.module.split(".")[1:]]
            else:
                continue
        elif isinstance(node, ast.Import):
            targets = [a.name.split(".")[1:] for a in node.names if a.name.startswith("webapp.")]
        else:
            continue
        for target in targets:
            found.add(target[0] if target and target[0] in features() else "core")
    return found


def edges() -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for path in WEBAPP.rglob("*.py"):
        parts = path.relative_to(WEBAPP).parts
        if parts == ("__init__.py",):
            continue  # the app factory sits above everything and wires it together
        source = parts[0] if len(parts) > 1 else "core"
        for target in imported_packages(path) - {source}:
            found.setdefault((source, target), []).append(str(path.relative_to(WEBAPP)))
    return found


def test_every_feature_has_a_floor():
    assert set(LAYERS) == features()


def test_core_imports_no_feature():
    wrong = {k: v for k, v in edges().items() if k[0] == "core"}
    assert not wrong, wrong


def test_features_import_only_core_and_lower_features():
    wrong = {
        (a, b): files
        for (a, b), files in edges().items()
        if a != "core" and b != "core" and LAYERS.index(b) > LAYERS.index(a)
    }
    assert not wrong, f"imports that run back up a floor: {wrong}"


def test_the_checker_sees_a_lazy_import(tmp_path, monkeypatch):
    """The check itself can fail: an import inside a function is found."""
    module = tmp_path / "webapp" / "stories" / "x.py"
    module.parent.mkdir(parents=True)
    (module.parent / "__init__.py").write_text("")
    (tmp_path / "webapp" / "your_account").mkdir()
    (tmp_path / "webapp" / "your_account" / "__init__.py").write_text("")
    module.write_text("def f():\n    from ..your_account import views\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["WEBAPP"]), "WEBAPP", tmp_path / "webapp")
    assert imported_packages(module) == {"your_account"}


def test_no_hand_written_inputs_outside_the_macro_library():
    """Every field and hidden value goes through templates/components/forms.html."""
    templates = WEBAPP / "templates"
    found = [
        str(path.relative_to(templates))
        for path in templates.rglob("*.html")
        if path.name != "forms.html" and "<input" in path.read_text()
    ]
    assert not found, found
