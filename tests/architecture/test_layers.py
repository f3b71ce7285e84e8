"""The layer map is machine-checked: the import-linter contracts hold, and they bite."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("kpi", "loaders", "schemas", "reports", "dashboard")
LINT = Path(sys.executable).with_name("lint-imports")
NOT_DOMAIN = ("storage", "services", "cli", "api", "migrations", "data")


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["importlinter"]["contracts"])


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT), "--config", str(tree / "pyproject.toml"), "--no-cache"],
        check=False,
        cwd=tree,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


@pytest.fixture(scope="module")
def tree_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("tree")
    for name in PACKAGES:
        shutil.copytree(ROOT / name, tree / name, ignore=shutil.ignore_patterns("*.ttf"))
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def test_every_domain_module_is_held_pure() -> None:
    """A new module of the domain must be named in the purity contract."""
    (pure,) = [c for c in _contracts() if str(c["name"]).startswith("The domain is pure")]
    listed = set(pure["source_modules"])  # type: ignore[arg-type]
    domain = {"kpi"}
    for path in (ROOT / "kpi").iterdir():
        if path.name.startswith(("_", ".")) or path.name in NOT_DOMAIN:
            continue
        if path.suffix == ".py":
            domain.add(f"kpi.{path.stem}")
        elif (path / "__init__.py").exists():
            domain |= {f"kpi.{path.name}", f"kpi.{path.name}.*"}
    assert domain <= listed, sorted(domain - listed)


def test_contracts_pass_on_the_tree(tree_copy: Path) -> None:
    result = _lint(tree_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().split("contracts:")[-1].split(",")[0]


@pytest.mark.parametrize(
    ("module", "bad_import"),
    [
        ("kpi/periods.py", "import sqlalchemy"),
        ("kpi/progress/series.py", "from kpi.storage import Storage"),
        ("reports/xlsx.py", "from kpi.storage.repository import current_frame"),
        ("dashboard/ui.py", "from kpi.storage import open_storage"),
        ("kpi/cli/status.py", "import loaders"),
        ("loaders/text.py", "import streamlit"),
        ("kpi/storage/models.py", "import kpi.services.app"),
    ],
)
def test_a_bad_import_breaks_the_lint(
    tree_copy: Path, tmp_path: Path, module: str, bad_import: str
) -> None:
    tree = tmp_path / "bad"
    shutil.copytree(tree_copy, tree)
    target = tree / module
    target.write_text(
        f"{bad_import}  # noqa\n" + target.read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = _lint(tree)
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout
