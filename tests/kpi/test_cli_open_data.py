"""`kpi tokens`, `kpi notify` and `kpi publish` from the shell."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kpi.cli.main import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_tokens_add_list_revoke(cli_db: str) -> None:
    code, out = run("tokens", "add", "ioc", "--scope", "read")
    assert code == 0, out
    secret = out.strip().splitlines()[-1]
    assert secret.startswith("kpi_")
    code, out = run("tokens", "list")
    assert code == 0 and "ioc" in out and secret not in out
    assert run("tokens", "add", "ioc")[0] == 1
    assert run("tokens", "add", "x", "--scope", "write")[0] == 1
    assert run("tokens", "revoke", "ioc")[0] == 0
    assert run("tokens", "revoke", "ioc")[0] == 1


def test_notify_needs_a_url(cli_db: str) -> None:
    code, out = run("notify")
    assert code == 1 and "KPI_WEBHOOK_URL" in out


def test_publish_writes_a_descriptor(cli_db: str, tmp_path: Path) -> None:
    code, out = run("publish", "--out", str(tmp_path / "pkg"), "--as-of", "2026-Q3")
    assert code == 0, out
    descriptor = Path(out.strip())
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package" and len(package["resources"]) == 4
    assert run("publish", "--out", str(tmp_path / "x"), "--as-of", "Q9")[0] == 1
