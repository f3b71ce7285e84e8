"""Build a Report from storage: the one entry point the CLI and the dashboard call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from kpi.catalogue import Catalogue
from kpi.periods import Quarter, ReportPeriod, quarter_range
from kpi.services.cycle import unapproved_count
from kpi.services.report_quality import confirmed_outliers, revised_since, uploads_used
from kpi.services.report_sources import submission_lines, unit_statuses
from kpi.services.statuses import owed, scope_of, values_for
from kpi.services.task_reporting import task_report_section
from kpi.settings import Settings
from kpi.storage import Storage
from kpi.storage.repository import unit_registry
from kpi.units import Unit, UnitRegistry
from reports.model import Report, data_hash, indicator_rows
from reports.quality import Quality
from reports.text import known_on_text, label, quarter_label


class ReportError(ValueError):
    """A report that cannot be made as asked (unknown unit, bad period)."""


def resolve_unit(registry: UnitRegistry, ref: str | None) -> Unit:
    if ref is None or not ref.strip():
        return registry.root
    unit = registry.resolve(ref)
    if unit is None:
        raise ReportError(f"không có đơn vị '{ref}' trong danh sách đơn vị báo cáo")
    return unit


def build_report(
    storage: Storage,
    catalogue: Catalogue,
    period: ReportPeriod,
    unit: str | None = None,
    *,
    lang: str = "vi",
    made_on: dt.date | None = None,
    settings: Settings | None = None,
    known_on: dt.date | None = None,
) -> Report:
    """Everything the report shows, as of the period's closing quarter; with `known_on`,
    from the revisions stored by the end of that day ("what we knew then")."""
    if lang not in ("vi", "en"):
        raise ReportError("ngôn ngữ phải là vi hoặc en")
    settings = settings or Settings()
    made_on = made_on or dt.date.today()
    registry = unit_registry(storage)
    target = resolve_unit(registry, unit)
    scope = scope_of(registry, target)
    frame = values_for(storage, period.closing, known_on=known_on, unit_codes=scope)
    start = period.opening + -1
    rules = owed(storage, catalogue)
    closing_rows = unit_statuses(frame, catalogue, target, registry, period.closing, rules)
    start_rows = unit_statuses(frame, catalogue, target, registry, start, rules)
    quality = Quality(
        *submission_lines(
            storage, registry, target, period, settings, today=made_on, catalogue=catalogue
        ),
        revised=revised_since(storage, scope, period.closing, _cutoff(start, settings)),
        outliers=confirmed_outliers(storage, scope, period.opening, period.closing),
    )
    return Report(
        period=period,
        unit_code=target.code,
        unit_name=target.name,
        lang=lang,
        made_on=made_on,
        rows=indicator_rows(
            catalogue, closing_rows, start_rows, lang, label("no_data_reason", lang)
        ),
        quality=quality,
        uploads=uploads_used(storage, frame),
        notices=(
            *notices(frame, period, lang),
            *rollup_notices(closing_rows, lang),
            *approval_notice(storage, frame, period, lang),
            *known_on_notice(known_on, lang),
        ),
        data_hash=data_hash(frame, period, target.code),
        tasks=task_report_section(
            storage, settings, catalogue, period, target, registry.root.code, made_on, lang
        ),
        known_on=known_on,
    )


def _cutoff(previous_close: Quarter, settings: Settings) -> dt.datetime:
    """When the previous report's figures were due: revisions after it are news."""
    day = previous_close.end + dt.timedelta(days=settings.deadline_days)
    return dt.datetime.combine(day, dt.time.max, tzinfo=dt.UTC)


def notices(frame: pd.DataFrame, period: ReportPeriod, lang: str) -> list[str]:
    """Plain warnings about missing data, so an empty report explains itself."""
    vi = lang != "en"
    if frame.empty:
        return [
            f"Chưa có số liệu nào đến {quarter_label(period.closing, lang)}."
            if vi
            else f"No data up to {quarter_label(period.closing, lang)}."
        ]
    have = set(frame["period"].astype(str))
    quarters: Sequence[Quarter] = quarter_range(period.opening, period.closing)
    missing = [q for q in quarters if str(q) not in have]
    out: list[str] = []
    if len(missing) == len(quarters):
        out.append(
            "Chưa có số liệu nào trong kỳ báo cáo; số liệu cuối kỳ là số liệu gần nhất trước kỳ."
            if vi
            else "No data within the period; end values are the latest before it."
        )
    elif missing:
        names = ", ".join(quarter_label(q, lang) for q in missing)
        out.append(
            f"Chưa có số liệu {names}; số liệu cuối kỳ lấy theo quý gần nhất có số liệu."
            if vi
            else f"No data for {names}; end values are from the latest quarter with data."
        )
    return out


def known_on_notice(known_on: dt.date | None, lang: str) -> list[str]:
    if known_on is None:
        return []
    day = known_on_text(known_on, lang)
    if lang == "en":
        return [f"Figures as known at the end of {day}: revisions stored later are not used."]
    return [f"Số liệu như đã biết đến hết ngày {day}: các bản sửa ghi sau ngày đó không được tính."]


def approval_notice(
    storage: Storage, frame: pd.DataFrame, period: ReportPeriod, lang: str
) -> list[str]:
    """How many figures of the period lack the unit head's sign-off ("chưa duyệt");
    nothing when the period holds no figure."""
    within = frame[frame["period_index"].between(period.opening.index, period.closing.index)]
    if within.empty:
        return []
    count = unapproved_count(storage, within)
    if lang == "en":
        return [
            f"{count} of the {len(within)} figures of the period are not approved by their "
            "unit head (“chưa duyệt”); they still count."
        ]
    return [
        f"{count} trên {len(within)} số liệu của kỳ chưa được thủ trưởng đơn vị phê duyệt "
        "(“chưa duyệt”); vẫn được tính."
    ]


def rollup_notices(statuses: pd.DataFrame, lang: str) -> list[str]:
    """The engine's roll-up warnings: a reported ministry figure that differs from the sum
    of its units, and units whose counts were missing from the sum."""
    out: list[str] = []
    if statuses.empty:
        return out
    vi = lang != "en"
    for row in statuses.to_dict("records"):
        code = row["indicator_code"]
        differs = row.get("rollup_differs")
        if isinstance(differs, bool | np.bool_) and differs:
            out.append(
                f"Chỉ tiêu {code}: số liệu toàn Bộ báo cáo trực tiếp khác số cộng dồn "
                "từ các đơn vị."
                if vi
                else f"Indicator {code}: the reported ministry figure differs from the units' sum."
            )
        missing = row.get("missing_count_units")
        if isinstance(missing, str) and missing:
            out.append(
                f"Chỉ tiêu {code}: thiếu tử số/mẫu số của {missing}, chưa cộng dồn được."
                if vi
                else f"Indicator {code}: counts missing for {missing}, left out of the sum."
            )
    return out
