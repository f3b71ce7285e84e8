"""Safety checks of a deployment: what start-up refuses in production and `kpi doctor` prints.

Pure: the callers pass the settings as resolved and the `[auth]` table as Streamlit sees it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kpi.settings import Resolved, SettingsError, check
from kpi.text import t

MIN_COOKIE_SECRET_BYTES = 32
EXAMPLE_SECRETS = Path(__file__).resolve().parents[1] / ".streamlit" / "secrets.example.toml"
# Placeholders that must never sign cookies, whatever the example file says today.
KNOWN_PLACEHOLDERS = frozenset(
    {"change-me", "change-me-to-a-long-random-string", "changeme", "secret", "cookie_secret"}
)
REQUIRED_AUTH_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret")


@dataclass(frozen=True, slots=True)
class Check:
    """One safety check: a short name, whether it passed, and what to do if not."""

    name: str
    ok: bool
    detail: str


def example_values(path: Path = EXAMPLE_SECRETS) -> frozenset[str]:
    """Every string value of the example secrets file's `[auth]` table."""
    if not path.is_file():
        return frozenset()
    with path.open("rb") as handle:
        auth = tomllib.load(handle).get("auth", {})
    return frozenset(v for v in auth.values() if isinstance(v, str))


def _is_placeholder(value: str, examples: frozenset[str]) -> bool:
    text = value.strip()
    return text in examples or text.lower() in KNOWN_PLACEHOLDERS or "change-me" in text.lower()


def setting_checks(resolved: list[Resolved], lang: str = "vi") -> list[Check]:
    """Every setting has a usable value where it is set (an empty variable is never one)."""
    out = []
    for item in resolved:
        try:
            check(item)
        except SettingsError as exc:
            out.append(Check(f"setting {item.env_name}", False, exc.text(lang)))
        else:
            out.append(Check(f"setting {item.env_name}", True, item.source))
    return out


def cookie_secret_check(
    auth: Mapping[str, Any], examples: frozenset[str], lang: str = "vi"
) -> Check:
    secret = auth.get("cookie_secret")
    name = "auth cookie_secret"
    if not isinstance(secret, str) or not secret.strip():
        return Check(name, False, t("safety.cookie_unset", lang))
    if _is_placeholder(secret, examples):
        return Check(name, False, t("safety.cookie_example", lang))
    if len(secret.encode("utf-8")) < MIN_COOKIE_SECRET_BYTES:
        return Check(name, False, t("safety.cookie_short", lang, n=MIN_COOKIE_SECRET_BYTES))
    return Check(name, True, t("safety.cookie_ok", lang, n=MIN_COOKIE_SECRET_BYTES))


def auth_checks(
    auth: Mapping[str, Any] | None,
    production: bool,
    examples: frozenset[str] | None = None,
    lang: str = "vi",
) -> list[Check]:
    """Sign-in configured (required in production) with a secret nobody else knows."""
    if not auth:
        if production:
            return [Check("auth configured", False, t("safety.production_without_auth", lang))]
        return [Check("auth configured", True, t("safety.demo_mode", lang))]
    examples = example_values() if examples is None else examples
    missing = [key for key in REQUIRED_AUTH_KEYS if not str(auth.get(key) or "").strip()]
    detail = (
        t("safety.auth_missing", lang, keys=", ".join(missing))
        if missing
        else t("safety.auth_complete", lang)
    )
    out = [Check("auth configured", not missing, detail)]
    out.append(cookie_secret_check(auth, examples, lang))
    client_secret = str(auth.get("client_secret") or "").strip()
    if not client_secret:
        out.append(Check("auth client_secret", False, t("safety.client_unset", lang)))
    elif _is_placeholder(client_secret, examples):
        out.append(Check("auth client_secret", False, t("safety.client_example", lang)))
    else:
        out.append(Check("auth client_secret", True, t("safety.client_ok", lang)))
    return out


def is_production(resolved: list[Resolved]) -> bool:
    """Production if `env` says so anywhere it is set, even where another layer overrides it."""
    return any(item.field == "env" and str(item.raw).strip() == "production" for item in resolved)


def all_checks(
    resolved: list[Resolved],
    auth: Mapping[str, Any] | None,
    secrets_kpi: Mapping[str, Any] | None = None,
    examples: frozenset[str] | None = None,
) -> list[Check]:
    """Settings first, then sign-in, judged as production when any layer says production."""
    production = is_production(resolved) or str((secrets_kpi or {}).get("env")) == "production"
    return [*setting_checks(resolved), *auth_checks(auth, production, examples)]


def start_up_problems(
    resolved: list[Resolved],
    auth: Mapping[str, Any] | None,
    secrets_kpi: Mapping[str, Any] | None = None,
    examples: frozenset[str] | None = None,
    lang: str = "vi",
) -> list[str]:
    """Why the dashboard must not start: a bad setting anywhere, a weak sign-in in production
    (in `lang`; the checks and their order are the same in every language)."""
    production = is_production(resolved) or str((secrets_kpi or {}).get("env")) == "production"
    checks = setting_checks(resolved, lang)
    if production:
        checks += auth_checks(auth, True, examples, lang)
    return [c.detail for c in checks if not c.ok]
