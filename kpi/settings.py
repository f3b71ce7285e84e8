"""One frozen Settings object, read once by the shell (CLI or dashboard).

Each setting is read from the environment variable named in SETTINGS_HELP, then
from the `[kpi]` table of `.streamlit/secrets.toml`, then its default. Every
setting is documented in the README; a test checks that.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from kpi.messages import Explained, PerLang, say
from kpi.text import LANGS, t

DEFAULT_DB_PATH = Path("data") / "kpi.db"

# env var -> (field, help). The README's settings table must list every env var.
SETTINGS_HELP: dict[str, tuple[str, str]] = {
    "KPI_DATABASE_URL": ("database_url", "SQLAlchemy URL; default sqlite:///data/kpi.db"),
    "KPI_ENV": ("env", "development (default) or production"),
    "KPI_OUTLIER_THRESHOLD_PP": (
        "outlier_threshold_pp",
        "change vs previous quarter that needs a confirmation, points (20)",
    ),
    "KPI_DEADLINE_DAYS": (
        "deadline_days",
        "days after a quarter ends before a report is late (15)",
    ),
    "KPI_LOCK_DAYS": (
        "lock_days",
        "days after the deadline before a quarter is locked for officers (30)",
    ),
    "KPI_SMTP_URL": (
        "smtp_url",
        "mail server for reminders, smtp://user:pass@host:587 (STARTTLS when offered)",
    ),
    "KPI_MAIL_FROM": ("mail_from", "sender address of reminders"),
    "KPI_MAX_UPLOAD_MB": ("max_upload_mb", "largest upload accepted, MB (20)"),
    "KPI_MAX_ROWS": ("max_rows", "most data rows accepted in one file (200000)"),
    "KPI_ADMIN_CONTACT": ("admin_contact", "who to ask for access, shown to unknown users"),
    "KPI_DEFAULT_LANG": ("default_lang", "vi (default) or en"),
    "KPI_SCORE_ON_TIME": ("score_on_time", "scorecard credit of a task done on time (1)"),
    "KPI_SCORE_LATE": ("score_late", "scorecard credit of a task done late (0.5)"),
    "KPI_SCORE_OVERDUE": ("score_overdue", "scorecard credit of an overdue task (0)"),
    "KPI_SCORE_WEIGHT_TASKS": ("score_weight_tasks", "weight of the tasks part (0.6)"),
    "KPI_SCORE_WEIGHT_INDICATORS": (
        "score_weight_indicators",
        "weight of the indicator-reports part (0.4)",
    ),
    "KPI_WEBHOOK_URL": ("webhook_url", "where alert events are POSTed; empty sends none"),
    "KPI_WEBHOOK_SECRET": ("webhook_secret", "key of the HMAC-SHA256 signature of each event"),
    "KPI_AUTH_MATCH": (
        "auth_match",
        "email (default: a verified e-mail claim) or sub (providers that send no email_verified)",
    ),
}
SECRETS_PATH = Path(".streamlit") / "secrets.toml"
# Closed sets: a value outside them is refused wherever it is set.
CHOICES: dict[str, tuple[str, ...]] = {
    "env": ("development", "production"),
    "default_lang": ("vi", "en"),
    "auth_match": ("email", "sub"),
}


class SettingsError(Explained, ValueError):
    """A setting with a value we cannot use."""


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str = f"sqlite:///{DEFAULT_DB_PATH.as_posix()}"
    env: str = "development"
    outlier_threshold_pp: float = 20.0
    deadline_days: int = 15
    lock_days: int = 30
    smtp_url: str = ""
    mail_from: str = "kpi-monitor@localhost"
    max_upload_mb: int = 20
    max_rows: int = 200_000
    admin_contact: str = "Trung tâm Công nghệ Thông tin - Bộ Nội vụ"
    default_lang: str = "vi"
    # the unit completion score (docs/scorecard.md)
    score_on_time: float = 1.0
    score_late: float = 0.5
    score_overdue: float = 0.0
    score_weight_tasks: float = 0.6
    score_weight_indicators: float = 0.4
    webhook_url: str = ""
    webhook_secret: str = ""
    auth_match: str = "email"

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path | None:
        """The database file of a SQLite URL (None for PostgreSQL or an in-memory database)."""
        if not self.is_sqlite:
            return None
        path = self.database_url.split("://", 1)[-1].split("?", 1)[0]
        path = path[1:] if path.startswith("/") else path  # sqlite:///rel, sqlite:////abs
        return None if path in ("", ":memory:") else Path(path)


def _coerce(name: str, raw: Any, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            return str(raw).lower() in {"1", "true", "yes", "on"}
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
    except ValueError as exc:
        raise SettingsError(say("error.settings.invalid", name=name, raw=raw)) from exc
    return str(raw)


def read_table(path: Path, name: str) -> Mapping[str, Any]:
    """One table (`[kpi]`, `[auth]`) of a secrets.toml, or nothing; a broken file is an error."""
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as handle:
            table = tomllib.load(handle).get(name, {})
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(say("error.settings.unreadable", path=path, why=exc)) from exc
    return table if isinstance(table, dict) else {}


def read_secrets(path: Path) -> Mapping[str, Any]:
    """The `[kpi]` table of a secrets.toml, or nothing."""
    return read_table(path, "kpi")


@dataclass(frozen=True, slots=True)
class Resolved:
    """One setting: its value as read, and where it came from (for `kpi doctor`)."""

    env_name: str
    field: str
    raw: Any
    source: str  # "env KPI_X", "secrets.toml [kpi]" or "default"


SHADOWS = ", over secrets.toml [kpi]"


def resolve(environ: Mapping[str, str], secrets: Mapping[str, Any]) -> list[Resolved]:
    """Each setting's raw value and source: the environment, then the file, then the default.

    A variable that is set but empty still counts as set (and is refused by `check`), so it
    never falls through silently to the file or the default.
    """
    defaults = Settings()
    found = []
    for env_name, (field, _help) in SETTINGS_HELP.items():
        if env_name in environ:
            source = f"env {env_name}"
            if field in secrets and not str(environ[env_name]).strip():
                source += SHADOWS  # an empty variable must not hide the file's value
            found.append(Resolved(env_name, field, environ[env_name], source))
        elif field in secrets:
            found.append(Resolved(env_name, field, secrets[field], "secrets.toml [kpi]"))
        else:
            found.append(Resolved(env_name, field, getattr(defaults, field), "default"))
    return found


def check(item: Resolved) -> Any:
    """The usable value of one setting, or SettingsError naming the setting and its source."""
    default = getattr(Settings(), item.field)
    where = f"{item.env_name} ({item.source})"
    empty = item.raw is None or str(item.raw).strip() == ""
    # An optional setting (empty by default: webhook, mail server) may be left empty,
    # unless an empty variable would hide the value in secrets.toml.
    if empty and default == "" and not item.source.endswith(SHADOWS):
        return default
    if empty:
        raise SettingsError(say("error.settings.empty", where=where))
    value = _coerce(where, item.raw, default)
    allowed = CHOICES.get(item.field)
    if allowed is not None and value not in allowed:
        choices = PerLang(*(t("error.settings.or", lang).join(allowed) for lang in LANGS))
        raise SettingsError(
            say("error.settings.choice", where=where, raw=item.raw, allowed=choices)
        )
    return value


def load_settings(
    environ: Mapping[str, str] | None = None, secrets_path: Path | None = None
) -> Settings:
    environ = os.environ if environ is None else environ
    secrets = read_secrets(secrets_path or SECRETS_PATH)
    return Settings(**{item.field: check(item) for item in resolve(environ, secrets)})


def field_names() -> list[str]:
    return [f.name for f in fields(Settings)]
