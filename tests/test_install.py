"""The installed package is whole: every top-level module the app imports is one the project installs."""
from __future__ import annotations

import ast
import tomllib

from indexing.config import PROJECT_ROOT


def test_every_root_module_the_shells_import_is_listed_for_installation():
    cfg = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    installed = set(cfg["py-modules"]) | {p.split(".")[0] for p in cfg["packages"]}
    roots = {p.stem for p in PROJECT_ROOT.glob("*.py")}
    for module in installed & roots:
        tree = ast.parse((PROJECT_ROOT / f"{module}.py").read_text(encoding="utf-8"))
        imported = {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        imported |= {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        missing = (imported & roots) - installed
        assert not missing, f"{module}.py imports {sorted(missing)}, which pyproject.toml does not install"
