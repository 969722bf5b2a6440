"""The engine boundary: only macros/engine/ knows MkDocs, Material for MkDocs, mkdocs-static-i18n and
mkdocs-macros, so that moving to another generator replaces that folder alone."""

from __future__ import annotations

import ast
import re

import pytest
from conftest import ROOT

ENGINE_PACKAGES = ("mkdocs", "material", "mkdocs_static_i18n", "mkdocs_macros", "macros.engine")
# The publishing command runs the engine by definition; it holds nothing but that call.
COMMANDS_OF_THE_ENGINE = {"macros/build.py"}
# What the engine hands around (MkDocs' config and pages, mkdocs-macros' env): reading them outside the engine
# would tie that code to the generator as surely as an import.
ENGINE_STATE = re.compile(r"\b(config\.plugins|env\.conf|env\.page|config\[\"theme\"\]|page\.file\.)")


def _outside_engine():
    for path in sorted((ROOT / "macros").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if not relative.startswith("macros/engine/") and relative not in COMMANDS_OF_THE_ENGINE:
            yield relative, path


def _imports(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


@pytest.mark.parametrize("relative,path", list(_outside_engine()), ids=lambda value: str(value))
def test_code_outside_the_engine_neither_imports_nor_reads_it(relative, path):
    source = path.read_text(encoding="utf-8")
    for name in _imports(ast.parse(source)):
        assert not name.startswith(ENGINE_PACKAGES), \
            f"{relative} imports {name}: only macros/engine/ may"
    assert not ENGINE_STATE.search(source), f"{relative} reads the engine's state: {ENGINE_STATE.search(source)[0]}"


def test_the_boundary_check_sees_the_engine():
    """The check above would pass on an empty list; the engine's own modules must trip it."""
    tripped = [path for path in (ROOT / "macros" / "engine").glob("*.py")
               if any(name.startswith(ENGINE_PACKAGES) for name in _imports(ast.parse(path.read_text())))
               or ENGINE_STATE.search(path.read_text())]
    assert len(tripped) >= 3
