"""The package's stages import one way: data ← engine ← output ← dashboard ← app and CLI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "scales"
STAGE = {
    "problems": 0, "i18n": 0, "data": 1, "engine": 2, "analysis": 3, "output": 4, "dashboard": 5, "app": 6, "cli": 6,
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
