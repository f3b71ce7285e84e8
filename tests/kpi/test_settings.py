"""Settings: defaults, environment, secrets, and every setting documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi.settings import SETTINGS_HELP, Settings, SettingsError, field_names, load_settings

README = Path(__file__).resolve().parents[2] / "README.md"


def test_defaults() -> None:
    settings = load_settings(environ={}, secrets_path=Path("/nonexistent"))
    assert settings == Settings()
    assert settings.database_url == "sqlite:///data/kpi.db"
    assert settings.outlier_threshold_pp == 20.0 and settings.deadline_days == 15


def test_environment_then_secrets(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text("[kpi]\ndeadline_days = 30\nmax_rows = 10\n", encoding="utf-8")
    settings = load_settings(environ={"KPI_MAX_ROWS": "99"}, secrets_path=secrets)
    assert settings.deadline_days == 30 and settings.max_rows == 99


def test_bad_values_are_refused() -> None:
    with pytest.raises(SettingsError):
        load_settings(environ={"KPI_DEADLINE_DAYS": "soon"}, secrets_path=Path("/x"))
    with pytest.raises(SettingsError):
        load_settings(environ={"KPI_ENV": "staging"}, secrets_path=Path("/x"))


def test_every_setting_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    assert sorted(f for f, _ in SETTINGS_HELP.values()) == sorted(field_names())
    for env_name in SETTINGS_HELP:
        assert f"`{env_name}`" in text, f"{env_name} is not documented in README.md"
