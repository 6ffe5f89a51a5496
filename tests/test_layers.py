"""Data flows one way: the library packages never import the shells above them (app.py, app_mcp.py)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHELLS = {"app", "app_mcp"}


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize("path", sorted(p for pkg in ("assistant", "indexing") for p in (ROOT / pkg).rglob("*.py")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_no_library_module_imports_a_shell(path):
    assert not imported_modules(path) & SHELLS


def test_the_check_sees_an_import_of_the_app(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("def serve():\n    from app import launch\n    import app_mcp.tools\n")
    assert imported_modules(probe) == {"app", "app_mcp"}
