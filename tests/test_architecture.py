"""The tree keeps its shape: imports point inwards (docs/architecture.md) and modules stay small.

Imports are read with ``ast`` from every module's source, wherever they stand: at the top,
inside functions, under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mercato"

_VOCABULARY = {"model", "errors"}
_STAGES = _VOCABULARY | {"kb", "ingest", "extract", "rules", "sagas", "squad"}

# What each part of mercato/ may import from the others (a part imports itself freely).
# "mercato" is mercato/__init__.py, the public Python API.
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "errors": set(),
    "settings": set(),
    "kb": _VOCABULARY,
    "ingest": _VOCABULARY,
    "extract": _VOCABULARY | {"kb"},
    "rules": _VOCABULARY | {"kb"},
    "sagas": _VOCABULARY | {"kb", "rules"},
    "squad": _VOCABULARY | {"kb", "sagas"},
    "store": _VOCABULARY | {"kb", "ingest", "sagas", "squad"},
    "pipeline": _VOCABULARY | {"settings", "kb", "ingest", "extract", "store"},
    "evaluate": _VOCABULARY | {"settings", "kb", "ingest", "extract"},
    "api": _STAGES | {"settings", "store", "pipeline"},
    "web": _STAGES | {"settings", "store", "api"},
    "cli": _STAGES | {"settings", "store", "pipeline", "evaluate", "api", "web"},
    "mercato": {"model", "kb", "ingest", "extract"},
}

# The model, the pure stages and the reference data use no interface or storage library.
PURE = ("model", "errors", "kb", "extract", "rules", "sagas", "squad")
EDGE_LIBRARIES = ("rich", "typer", "click", "sqlalchemy", "alembic", "fastapi", "starlette", "uvicorn")

MAX_LINES = 450

MODULES = sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _part(path: Path) -> str:
    """The part of mercato/ a module belongs to: its top package or module, or "mercato"."""
    inner = path.relative_to(PACKAGE).parts
    if inner == ("__init__.py",):
        return "mercato"
    return inner[0].removesuffix(".py")


def _dotted(path: Path) -> list[str]:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import of mercato in the module, relative ones resolved."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = _dotted(path) if path.name == "__init__.py" else _dotted(path)[:-1]
                base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base == "mercato":  # from mercato import cli: the names are the parts
                found += [(node.lineno, f"mercato.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, base))
    return found


def _imported_parts(path: Path) -> list[tuple[int, str, str]]:
    """(line, module, part) for every import of another part of mercato/."""
    own = _part(path)
    return [
        (line, module, module.split(".")[1])
        for line, module in _imports(path)
        if module.startswith("mercato.") and module.split(".")[1] != own
    ]


def test_every_part_of_the_package_has_a_rule():
    parts = {_part(path) for path in MODULES} | {part for path in MODULES for *_, part in _imported_parts(path)}
    missing = sorted(parts - ALLOWED.keys())
    assert not missing, f"no import rule for {missing}; add them to ALLOWED here and to docs/architecture.md"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_imports_point_inwards(path):
    allowed = ALLOWED.get(_part(path), set())
    wrong = [
        f"{_name(path)}:{line} imports {module}" for line, module, part in _imported_parts(path) if part not in allowed
    ]
    assert not wrong, (
        f"{'; '.join(wrong)}: {_part(path)} may import only {sorted(allowed) or 'nothing of mercato'} "
        "(docs/architecture.md); move the code to a part that may, or pass the value in"
    )


@pytest.mark.parametrize("path", [p for p in MODULES if _part(p) in PURE], ids=_name)
def test_pure_parts_use_no_interface_or_storage_library(path):
    wrong = [
        f"{_name(path)}:{line} imports {module}"
        for line, module in _imports(path)
        if module.split(".")[0] in EDGE_LIBRARIES
    ]
    assert not wrong, f"{'; '.join(wrong)}: the pure parts leave terminals, web and databases to cli/, api/, store/"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_module_is_over_the_line_limit(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{_name(path)} has {lines} lines (at most {MAX_LINES}); split it by idea"


def _documented_part(name: str) -> str:
    """`kb/`, `model.py` and `mercato/__init__.py` as the parts ALLOWED names."""
    name = name.removeprefix("mercato/").removesuffix("/").removesuffix(".py")
    return "mercato" if name == "__init__" else name


def _documented_rules() -> dict[str, set[str]]:
    """The table of docs/architecture.md: | `part` | `a`, `b` | ... |."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    return {
        _documented_part(part): {_documented_part(name) for name in re.findall(r"`([\w/.]+)`", allowed)}
        for part, allowed in re.findall(r"^\| `([\w/.]+)` \| ([^|]*) \|", text, flags=re.MULTILINE)
    }


def test_the_documented_rules_are_the_tested_ones():
    assert _documented_rules() == ALLOWED
