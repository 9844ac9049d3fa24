"""The package's stages import one way: data ← engine ← output ← dashboard ← app, CLI and API; pages only lay
out; the architecture document names every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "scales"
FORMATTERS = {"number", "percent", "as_text"}
"""Functions that turn numbers into text: a page calls them for a figure in a sentence, never per cell of
a table (a function in a lambda is a hand-written column formatter; `ui.show` formats tables)."""
STAGE = {
    "problems": 0, "i18n": 0, "texts": 0, "data": 1, "engine": 2, "analysis": 3, "output": 4, "dashboard": 5,
    "app": 6, "cli": 6, "api": 6,
}  # fmt: skip


def _stage(module: str) -> int:
    """The stage of a `scales.…` module name."""
    return STAGE[module.split(".")[1]]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("scales."):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("scales."))
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_to_earlier_stages_only(path: Path) -> None:
    name = ".".join(("scales", *path.relative_to(PACKAGE).with_suffix("").parts))
    if name == "scales.__init__" or name.endswith(".__init__"):
        return
    mine = _stage(name)
    for module in _imports(path):
        assert _stage(module) <= mine, f"{name} imports {module}, a later stage"
    if name.startswith("scales.engine."):  # the engine sees only the layer model of the data stage
        assert all(not m.startswith("scales.data.") or m == "scales.data.layers" for m in _imports(path))


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_leave_table_formatting_to_the_package(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Lambda):
            called = {n.func.id for n in ast.walk(node) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
            assert not called & FORMATTERS, f"{path.name}:{node.lineno} formats a column by hand: use ui.show"
        drawn = isinstance(node, ast.Attribute) and node.attr in ("dataframe", "table")
        assert not drawn, f"{path.name}:{node.lineno} draws a table itself (st.{node.attr}): use ui.show"


def test_the_architecture_document_names_every_module() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for path in PACKAGE.rglob("*.py"):
        if path.stem != "__init__":
            assert f"`{path.stem}" in text or f"{path.stem}.py" in text, f"docs/architecture.md omits {path.stem}"
