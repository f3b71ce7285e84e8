"""Start-up safety: every unsafe configuration is refused, a correct one passes every check."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi.safety import MIN_COOKIE_SECRET_BYTES, all_checks, example_values, start_up_problems
from kpi.settings import SettingsError, load_settings, resolve

GOOD_AUTH = {
    "redirect_uri": "https://kpi.bnv.gov.vn/oauth2callback",
    "cookie_secret": "k" * MIN_COOKIE_SECRET_BYTES,
    "client_id": "kpi-monitor",
    "client_secret": "a-real-client-secret",
    "server_metadata_url": "https://sso.bnv.gov.vn/.well-known/openid-configuration",
}
PRODUCTION = {"KPI_ENV": "production"}


def problems(
    environ: dict[str, str], auth: dict[str, str] | None, file: dict[str, str] | None = None
) -> list[str]:
    return start_up_problems(resolve(environ, file or {}), auth, file or {})


def test_a_correct_production_configuration_passes_every_check() -> None:
    checks = all_checks(resolve(PRODUCTION, {}), GOOD_AUTH)
    assert all(c.ok for c in checks), [c for c in checks if not c.ok]
    assert problems(PRODUCTION, GOOD_AUTH) == []


def test_the_example_file_values_are_known() -> None:
    assert "change-me-to-a-long-random-string" in example_values()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"cookie_secret": None}, "cookie_secret chưa đặt"),
        ({"cookie_secret": ""}, "cookie_secret chưa đặt"),
        ({"cookie_secret": "change-me-to-a-long-random-string"}, "giá trị mẫu"),
        ({"cookie_secret": "x" * (MIN_COOKIE_SECRET_BYTES - 1)}, "ngắn hơn"),
        ({"client_secret": "change-me"}, "client_secret là giá trị mẫu"),
        ({"redirect_uri": ""}, "thiếu [auth] redirect_uri"),
    ],
)
def test_unsafe_auth_is_refused_in_production(change: dict[str, str | None], expected: str) -> None:
    auth = {k: v for k, v in {**GOOD_AUTH, **change}.items() if v is not None}
    found = problems(PRODUCTION, auth)
    assert any(expected in p for p in found), found


def test_production_without_auth_is_refused() -> None:
    assert any("KPI_ENV=production" in p for p in problems(PRODUCTION, None))
    assert problems({}, None) == []  # development: the demo mode


def test_a_short_secret_counts_bytes_not_characters() -> None:
    auth = {**GOOD_AUTH, "cookie_secret": "ư" * 16}  # 16 characters, 32 bytes
    assert problems(PRODUCTION, auth) == []


@pytest.mark.parametrize("value", ["", " ", "staging", "PRODUCTION"])
def test_env_empty_or_unknown_is_refused_from_the_environment(value: str) -> None:
    assert any("KPI_ENV" in p for p in problems({"KPI_ENV": value}, GOOD_AUTH))


@pytest.mark.parametrize("value", ["", "prod"])
def test_env_empty_or_unknown_is_refused_from_the_file(value: str) -> None:
    assert any("KPI_ENV" in p for p in problems({}, GOOD_AUTH, {"env": value}))


def test_an_empty_variable_never_overrides_the_file(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[kpi]\nenv = "production"\nmax_rows = 10\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="KPI_ENV"):
        load_settings(environ={"KPI_ENV": ""}, secrets_path=secrets)
    with pytest.raises(SettingsError, match="KPI_MAX_ROWS"):
        load_settings(environ={"KPI_MAX_ROWS": ""}, secrets_path=secrets)
    assert load_settings(environ={}, secrets_path=secrets).is_production
    # Production named in the file keeps production checks even when the variable is empty.
    found = problems({"KPI_ENV": ""}, None, {"env": "production"})
    assert any("KPI_ENV=production" in p for p in found) and any("trống" in p for p in found)


def test_auth_match_is_a_closed_set() -> None:
    assert (
        load_settings(environ={"KPI_AUTH_MATCH": "sub"}, secrets_path=Path("/x")).auth_match
        == "sub"
    )
    with pytest.raises(SettingsError, match="KPI_AUTH_MATCH"):
        load_settings(environ={"KPI_AUTH_MATCH": "name"}, secrets_path=Path("/x"))
