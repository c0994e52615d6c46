"""No classify module defines the same top-level name twice.

The rule modules hold hundreds of module-level patterns; a second ``_BOUND = ...`` further down silently
replaces the first for every function in the module (this happened twice while the rules grew).
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

import noticekit.classify

MODULES = sorted(Path(noticekit.classify.__file__).parent.rglob("*.py"))


@pytest.mark.parametrize(
    "path", MODULES, ids=[p.name if p.parent.name == "classify" else f"rules/{p.name}" for p in MODULES]
)
def test_no_top_level_name_is_defined_twice(path: Path) -> None:
    names: Counter[str] = Counter()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names[node.name] += 1
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
    assert [name for name, count in names.items() if count > 1] == []
