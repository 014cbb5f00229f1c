"""The house as README draws it: bot/ admin/ survey/ api/ jobs/ do not import each other
(they meet in workflow/ and models/), and the inner packages import no outer one. Read
from the source with ast, function-level imports included. And no source file is over
MAX_LINES: past that a module has more than one reason to change (issue 18)."""
from __future__ import annotations

import ast
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTER = ("bot", "admin", "survey", "api", "jobs")
INNER = ("workflow", "models", "nlp")

# Known crossings still to be removed, each with why it is still here. The test fails on
# any crossing not listed, and on a listed one that is gone (then delete its line).
KNOWN: dict[tuple[str, str], str] = {}


def _imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _crossings() -> set[tuple[str, str]]:
    found = set()
    for package in OUTER + INNER:
        for path in (ROOT / package).rglob("*.py"):
            forbidden = set(OUTER) - {package}
            found.update((path.relative_to(ROOT).as_posix(), imported)
                         for imported in _imported_packages(path) & forbidden)
    return found


def test_outer_packages_meet_only_in_workflow_and_models():
    crossings = _crossings()
    assert crossings - KNOWN.keys() == set(), "new imports across the layers"
    assert KNOWN.keys() - crossings == set(), "a known crossing is gone: delete it from KNOWN"


def test_the_rule_sees_function_level_imports(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from jobs.runtime import job_context\n    import bot.dialog\n", "utf-8")
    assert _imported_packages(module) == {"jobs", "bot"}


MAX_LINES = 400
# Not the project's source: hidden directories (.venv, .git, caches), what the app and the
# tests write (instance/, artifacts/), and migrations/versions, which is generated history
# (a migration is never edited once released, however long autogenerate made it).
_NOT_SOURCE = {"instance", "artifacts", "node_modules", "__pycache__"}
_GENERATED = (Path("migrations") / "versions",)


def _source_files(root: Path) -> list[Path]:
    found = []
    for directory, subdirectories, files in os.walk(root):  # symlinks (the worktrees' .venv) not followed
        here = Path(directory).relative_to(root)
        subdirectories[:] = [d for d in subdirectories if not d.startswith(".") and d not in _NOT_SOURCE
                             and here / d not in _GENERATED]
        found.extend(here / name for name in files if name.endswith(".py"))
    return found


def _too_long(root: Path) -> list[str]:
    lengths = ((path, len((root / path).read_text("utf-8").splitlines())) for path in _source_files(root))
    return sorted(f"{path.as_posix()}: {count} lines" for path, count in lengths if count > MAX_LINES)


def test_no_source_file_is_over_the_line_limit():
    assert _too_long(ROOT) == [], f"split these by reason to change (at most {MAX_LINES} lines each)"


def test_the_line_limit_sees_long_files_and_skips_generated_ones(tmp_path):
    for path, count in {"bot/long.py": MAX_LINES + 1, "bot/ok.py": MAX_LINES, "top.py": MAX_LINES + 2,
                        "migrations/versions/0001_long.py": 900, ".venv/lib/long.py": 900,
                        "migrations/env.py": MAX_LINES + 3}.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x = 1\n" * count, "utf-8")
    assert _too_long(tmp_path) == [f"bot/long.py: {MAX_LINES + 1} lines", f"migrations/env.py: {MAX_LINES + 3} lines",
                                   f"top.py: {MAX_LINES + 2} lines"]
