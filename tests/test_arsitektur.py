"""The layers of docs/ARCHITECTURE.md that import-linter does not check (its contracts are in
pyproject.toml and run in `make lint`): no app imports another app's private names."""

import ast
from pathlib import Path

APPS = Path(__file__).resolve().parent.parent / "apps"


def _impor_lintas_app():
    for berkas in sorted(APPS.rglob("*.py")):
        app = berkas.relative_to(APPS).parts[0]
        for node in ast.walk(ast.parse(berkas.read_text(), str(berkas))):
            if (
                isinstance(node, ast.ImportFrom)
                and node.level == 0
                and node.module
                and node.module.startswith("apps.")
            ):
                lain = node.module.split(".")[1]
                if lain != app:
                    yield (
                        berkas.relative_to(APPS.parent),
                        node.lineno,
                        node.module,
                        [a.name for a in node.names],
                    )
            elif isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.startswith("apps.") and a.name.split(".")[1] != app:
                        yield berkas.relative_to(APPS.parent), node.lineno, a.name, []


def test_no_app_imports_another_apps_private_names():
    pribadi = [
        f"{b}:{n} from {m} import {', '.join(x for x in nama if x.startswith('_'))}"
        for b, n, m, nama in _impor_lintas_app()
        if any(x.startswith("_") for x in nama)
        or any(bag.startswith("_") and bag != "__init__" for bag in m.split("."))
    ]
    assert not pribadi, "\n".join(pribadi)


def test_the_walk_sees_imports_across_apps():
    """The check above reads something: the laporan app does import the others."""
    dari_laporan = {
        m.split(".")[1] for b, _, m, _ in _impor_lintas_app() if b.parts[1] == "laporan"
    }
    assert {"core", "anggaran", "perencanaan", "pengukuran"} <= dari_laporan
