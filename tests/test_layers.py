"""The house's floors: imports point down, never across a floor or up, and never in a cycle.

    findings/ (types, settings, errors, vocabulary, hashing)      floor 0
    store/    (Chroma store, embedders, ONNX encoder)             floor 1
    ingest/, retrieval/                                           floor 2 (they don't import each other)
    ui/                                                           floor 3
    app.py, cli.py, bench/                                        floor 4

Every import counts, including the ones inside functions (lazy imports are still dependencies).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS = {
    "findings": 0,
    "store": 1,
    "ingest": 2,
    "retrieval": 2,
    "ui": 3,
    "app": 4,
    "cli": 4,
    "bench": 4,
}


def modules(root: Path) -> dict[str, Path]:
    """Every project module under `root`: `ingest.parse` -> its file."""
    out = {}
    for top in FLOORS:
        package = root / top
        if package.is_dir():
            for f in package.rglob("*.py"):
                parts = f.relative_to(root).with_suffix("").parts
                name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
                out[name] = f
        elif (root / f"{top}.py").is_file():
            out[top] = root / f"{top}.py"
    return out


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The project modules `name` imports (anywhere in the file)."""
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            # `from store import onnx_encoder` imports the module store.onnx_encoder
            targets = [
                f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names
            ]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph(root: Path) -> dict[str, set[str]]:
    known = modules(root)
    return {name: imports(name, path, known) for name, path in known.items()}


def floor(module: str) -> int:
    return FLOORS[module.split(".")[0]]


def wrong_way(edges: dict[str, set[str]]) -> list[str]:
    """Imports into a higher floor, or across to another package of the same floor."""
    bad = []
    for src, targets in sorted(edges.items()):
        for dst in sorted(targets):
            same_package = src.split(".")[0] == dst.split(".")[0]
            if floor(dst) > floor(src) or (floor(dst) == floor(src) and not same_package):
                bad.append(f"{src} (floor {floor(src)}) imports {dst} (floor {floor(dst)})")
    return bad


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Each import cycle once, as the modules along it."""
    found, state = [], {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def test_imports_point_down():
    assert wrong_way(graph(ROOT)) == []


def test_no_import_cycles():
    assert cycles(graph(ROOT)) == []


def test_every_top_level_package_has_a_floor():
    packages = {
        p.name
        for p in ROOT.iterdir()
        if p.is_dir() and (p / "__init__.py").is_file() and p.name != "tests"
    }
    assert packages <= set(FLOORS)


class TestTheCheckItself:
    """The checks above would fail on a broken house (a small tree written here)."""

    @pytest.fixture
    def house(self, tmp_path):
        def write(rel: str, text: str = "") -> None:
            f = tmp_path / rel
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text(text)

        for package in ("findings", "store", "ingest", "retrieval"):
            write(f"{package}/__init__.py")
        write("findings/settings.py", "def f():\n    from store.chroma import X\n")
        write("store/chroma.py", "from findings import settings\n")
        write("ingest/parse.py", "from retrieval.plan import MONTHS\n")
        write("retrieval/plan.py", "from .text import words\n")
        write("retrieval/text.py", "from retrieval import plan\n")
        return tmp_path

    def test_finds_an_upward_and_a_sideways_import(self, house):
        assert wrong_way(graph(house)) == [
            "findings.settings (floor 0) imports store.chroma (floor 1)",
            "ingest.parse (floor 2) imports retrieval.plan (floor 2)",
        ]

    def test_finds_cycles_through_lazy_and_relative_imports(self, house):
        assert cycles(graph(house)) == [
            ["findings.settings", "store.chroma", "findings.settings"],
            ["retrieval.plan", "retrieval.text", "retrieval.plan"],
        ]
