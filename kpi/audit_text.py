"""The audit log in words: each action code, outcome and detail as a person reads it.

The stored log keeps codes and a JSON detail (machine files and the API show them as they
are); the pages show these sentences instead, in Vietnamese or English, with quarters,
times and numbers through kpi.formatting. Pure: no storage, no Streamlit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd

from kpi.formatting import (
    MISSING,
    day_label,
    half_year_label,
    local_moment,
    number,
    percent,
    quarter_label,
)
from kpi.text import STRINGS, t

UnitName = Callable[[str], str]

# What kind of work each action is: the audit page's "type of action" filter.
ACTION_KINDS: dict[str, str] = {
    "upload.commit": "upload",
    "upload.refused": "upload",
    "upload.lock_override": "lock",
    "lock.open": "lock",
    "approval.approve": "approval",
    "approval.unapprove": "approval",
    "users.add": "users",
    "users.remove": "users",
    "api.token.add": "users",
    "api.token.revoke": "users",
    "task_report": "tasks",
    "task_reports_load": "tasks",
    "tasks_import": "tasks",
    "tasks.approve": "tasks",
    "tasks.unapprove": "tasks",
    "scorecard_publish": "tasks",
    "catalogue.sync": "system",
    "units.import": "system",
    "demo.clear": "system",
    "obligations.import": "system",
}
KINDS = ("upload", "approval", "lock", "users", "tasks", "system")
# Upload attempts that wrote figures (or found them already there); every other is refused.
ACCEPTED_UPLOADS = frozenset({"committed", "duplicate"})
_HALF = re.compile(r"(\d{4})-H([12])")
# The note the demo loader stores on its uploads (kept as written in existing databases);
# the pages show it in the reader's language.
DEMO_NOTE = "Dữ liệu minh họa"


def action_kind(code: str) -> str:
    return ACTION_KINDS.get(code, "system")


def codes_of_kind(kind: str) -> list[str]:
    return sorted(code for code, found in ACTION_KINDS.items() if found == kind)


def action_word(code: object, lang: str = "vi") -> str:
    if is_missing(code):
        return MISSING
    key = f"action.{code}"
    return t(key, lang) if key in STRINGS else t("action.other", lang, code=code)


def outcome_word(code: object, lang: str = "vi") -> str:
    """An audit outcome (ok, refused, failed) or an upload outcome (committed, …)."""
    if is_missing(code):
        return MISSING
    key = f"outcome.{code}"
    return t(key, lang) if key in STRINGS else t("outcome.other", lang, code=code)


def note_text(note: object, lang: str = "vi") -> str:
    """An upload's note as written, except the demo loader's, which each language words."""
    return t("detail.demo_note", lang) if note == DEMO_NOTE else str(note)


def is_missing(value: object) -> bool:
    """None, NaN, NaT and empty text: shown as '—'."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | dict | set):
        return False
    return bool(pd.isna(value))  # type: ignore[call-overload]


def text_or_dash(value: object) -> str:
    return MISSING if is_missing(value) else str(value)


# Machine words the storage writes where a person or a file would stand: said in words.
MACHINE_WORDS = {"system": "audit.actor.system", "plan": "audit.source.plan",
                 "import": "audit.source.import"}  # fmt: skip


def actor_text(value: object, lang: str = "vi") -> str:
    """Who did it: the account, or 'Hệ thống' / 'System' for the application itself."""
    shown = text_or_dash(value)
    return t(MACHINE_WORDS["system"], lang) if shown == "system" else shown


def _source(d: Mapping[str, Any], lang: str) -> str:
    shown = text_or_dash(d.get("source"))
    return t(MACHINE_WORDS[shown], lang) if shown in ("plan", "import") else shown


def moment_text(value: object) -> str:
    """A stored instant in Việt Nam's time ('30/11/2026 14:05'); '—' for none."""
    if is_missing(value):
        return MISSING
    if isinstance(value, dt.datetime):
        return local_moment(value)
    try:
        return local_moment(dt.datetime.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def value_text(value: object, lang: str = "vi", digits: int = 1) -> str:
    """A stored percentage as a person reads it: one decimal, as every other page shows the
    method's values ('68,0%', '70,1%'); machine exports keep the stored digits."""
    return percent(value, lang, digits)


# A change never reads "46,0% → 46,0%": more decimals until the two differ (the stored
# figures carry few, so this stops early); equal values say so instead.
_MAX_CHANGE_DIGITS = 6


def change_digits(before: object, after: object, lang: str = "vi") -> int:
    """The fewest decimals (one at least) that show two different values apart."""
    for digits in range(1, _MAX_CHANGE_DIGITS):
        if percent(before, lang, digits) != percent(after, lang, digits):
            return digits
    return _MAX_CHANGE_DIGITS


def change_text(before: object, after: object, lang: str = "vi") -> str:
    """'68,0% → 70,1%', '46,01% → 46,04%' (decimals enough to differ), '46,0% (không đổi)'
    for a value written again unchanged; a first value reads 'mới → 68,0%'."""
    if is_missing(before):
        return f"{t('tbl.new_value', lang)} → {value_text(after, lang)}"
    if not is_missing(after) and _same(before, after):
        return t("tbl.unchanged_value", lang, value=value_text(after, lang))
    digits = change_digits(before, after, lang)
    return f"{value_text(before, lang, digits)} → {value_text(after, lang, digits)}"


def _same(before: object, after: object) -> bool:
    try:
        return float(before) == float(after)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def count_text(value: object, lang: str = "vi") -> str:
    return number(value, lang, 0)


def half_text(period: object, lang: str = "vi") -> str:
    match = _HALF.fullmatch(str(period))
    return half_year_label(int(match[1]), int(match[2]), lang) if match else str(period)


def _role(code: object, lang: str) -> str:
    key = f"role.{code}"
    return t(key, lang) if key in STRINGS else str(code)


def _names(codes: object, unit_name: UnitName) -> str:
    items = codes if isinstance(codes, list | tuple) else [codes]
    return ", ".join(unit_name(str(c)) for c in items if not is_missing(c)) or MISSING


def _locked(entries: object, lang: str, unit_name: UnitName) -> str:
    items = entries if isinstance(entries, list) else []
    parts = [
        t(
            "detail.quarter_of_unit",
            lang,
            quarter=quarter_label(str(e.get("period", "")), lang),
            unit=unit_name(str(e.get("unit_code", ""))),
        )
        for e in items
        if isinstance(e, Mapping)
    ]
    return "; ".join(parts) or MISSING


def _commit(d: Mapping[str, Any], lang: str, unit_name: UnitName) -> str:
    counts = {k: count_text(d.get(k, 0), lang) for k in ("new", "changed", "unchanged")}
    parts = [t("detail.commit", lang, file=text_or_dash(d.get("file")), **counts)]
    outliers = d.get("confirmed_outliers")
    if isinstance(outliers, list | tuple) and outliers:
        parts.append(t("detail.outliers", lang, n=count_text(len(outliers), lang)))
    if not is_missing(d.get("reimported_from")):
        parts.append(t("detail.reimported", lang, id=d["reimported_from"]))
    if not is_missing(d.get("note")):
        parts.append(t("detail.note", lang, note=note_text(d["note"], lang)))
    return "; ".join(parts)


def _refused(d: Mapping[str, Any], lang: str, unit_name: UnitName) -> str:
    file = text_or_dash(d.get("file"))
    if "units_outside_scope" in d:
        units = _names(d["units_outside_scope"], unit_name)
        return t("detail.refused_scope", lang, file=file, units=units)
    if "locked" in d:
        quarters = _locked(d["locked"], lang, unit_name)
        return t("detail.refused_locked", lang, file=file, quarters=quarters)
    return t("detail.refused_file", lang, file=file)


def _users(d: Mapping[str, Any], lang: str, unit_name: UnitName) -> str:
    parts = [t("detail.user_add", lang, email=d.get("email", ""), role=_role(d.get("role"), lang))]
    if not is_missing(d.get("before_role")):
        parts.append(t("detail.user_before", lang, role=_role(d["before_role"], lang)))
    if d.get("units"):
        parts.append(t("detail.user_units", lang, units=_names(d["units"], unit_name)))
    return "; ".join(parts)


def _sentence(key: str, **fields: Callable[[Mapping[str, Any], str], object]) -> Any:
    """A detail sentence from one catalogue key, each field read from the detail."""

    def build(d: Mapping[str, Any], lang: str, _unit_name: UnitName) -> str:
        return t(key, lang, **{name: read(d, lang) for name, read in fields.items()})

    return build


def _get(name: str) -> Callable[[Mapping[str, Any], str], object]:
    return lambda d, _lang: text_or_dash(d.get(name))


def _count(name: str) -> Callable[[Mapping[str, Any], str], object]:
    return lambda d, lang: count_text(d.get(name, 0), lang)


def _quarter(d: Mapping[str, Any], lang: str) -> str:
    return quarter_label(str(d.get("period", "")), lang)


def _half(d: Mapping[str, Any], lang: str) -> str:
    return half_text(d.get("period", ""), lang)


def _day(name: str) -> Callable[[Mapping[str, Any], str], object]:
    def read(d: Mapping[str, Any], _lang: str) -> str:
        try:
            return day_label(dt.date.fromisoformat(str(d.get(name))))
        except ValueError:
            return text_or_dash(d.get(name))

    return read


def _moment(name: str) -> Callable[[Mapping[str, Any], str], object]:
    return lambda d, _lang: moment_text(d.get(name))


def _task_state(d: Mapping[str, Any], lang: str) -> str:
    key = f"task_state.{d.get('state')}"
    return t(key, lang) if key in STRINGS else text_or_dash(d.get("state"))


def _percent(d: Mapping[str, Any], lang: str) -> str:
    return f"{number(d.get('percent'), lang, 0)}%"


def _rows(d: Mapping[str, Any], lang: str) -> str:
    return count_text(d.get("rows", 0), lang)


BUILDERS: dict[str, Callable[[Mapping[str, Any], str, UnitName], str]] = {
    "upload.commit": _commit,
    "upload.refused": _refused,
    "users.add": _users,
    "upload.lock_override": lambda d, lang, names: t(
        "detail.lock_override", lang, quarters=_locked(d.get("quarters"), lang, names)
    ),
    "lock.open": _sentence(
        "detail.lock_open", quarter=_quarter, until=_day("until"), reason=_get("reason")
    ),
    "approval.approve": _sentence("detail.approve", quarter=_quarter, n=_count("figures")),
    "approval.unapprove": _sentence(
        "detail.unapprove",
        quarter=_quarter,
        by=_get("approved_by"),
        at=_moment("approved_at"),
        reason=_get("reason"),
    ),
    "users.remove": lambda d, lang, _n: t(
        "detail.user_remove", lang, email=d.get("email", ""), role=_role(d.get("role"), lang)
    ),
    "api.token.add": _sentence("detail.token_add", name=_get("name"), scope=_get("scope")),
    "api.token.revoke": _sentence("detail.token_revoke", name=_get("name")),
    "task_report": _sentence(
        "detail.task_report",
        task=_get("task"),
        state=_task_state,
        percent=_percent,
        day=_day("reported_on"),
    ),
    "task_reports_load": _sentence("detail.task_file", file=_get("file"), n=_rows),
    "tasks_import": _sentence(
        "detail.tasks_import",
        added=_count("added"),
        updated=_count("updated"),
        source=_source,
    ),
    "tasks.approve": _sentence("detail.task_approve", half=_half, n=_count("reports")),
    "tasks.unapprove": _sentence(
        "detail.task_unapprove", half=_half, by=_get("approved_by"), reason=_get("reason")
    ),
    "scorecard_publish": _sentence(
        "detail.scorecard", half=_half, version=_get("version"), n=_count("units")
    ),
    "catalogue.sync": _sentence("detail.catalogue", n=_count("changed")),
    "units.import": _sentence("detail.units", added=_count("added"), updated=_count("updated")),
    "demo.clear": _sentence("detail.demo_clear", n=_count("measurements")),
    "obligations.import": lambda d, lang, names: t(
        "detail.obligations",
        lang,
        n=count_text(d.get("rows", 0), lang),
        units=_names(d.get("units", []), names),
    ),
}


def _plain(detail: Mapping[str, Any]) -> str:
    """An unknown action's detail: its values, never a Python dict."""
    return "; ".join(f"{k}: {text_or_dash(v)}" for k, v in detail.items()) or MISSING


def detail_text(
    action: str, detail: object, lang: str = "vi", unit_name: UnitName | None = None
) -> str:
    """The detail of one audit entry as a sentence ('tệp x.csv: 80 mới, 0 thay đổi, …')."""
    if not isinstance(detail, Mapping) or not detail:
        return MISSING
    names = unit_name or str
    build = BUILDERS.get(action)
    try:
        return build(detail, lang, names) if build else _plain(detail)
    except (KeyError, TypeError, ValueError, AttributeError):
        return _plain(detail)  # an older entry of another shape: still readable


def people(*columns: Iterable[object]) -> list[str]:
    """Everyone named in the given columns, once, sorted, without blanks."""
    found = {str(v).strip() for column in columns for v in column if not is_missing(v)}
    return sorted(found, key=str.lower)
