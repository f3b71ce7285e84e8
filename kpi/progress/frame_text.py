"""Vectorised pieces of the engine: the Open SDG measure and the reason sentences.

Both fill exactly what `series.assess_series` computes one series at a time.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from kpi.formatting import number
from kpi.periods import Quarter
from kpi.progress import method
from kpi.progress.opensdg import COMPARABLE, FLOOR_SCORE, MODERATE, SUBSTANTIAL, TARGET_YEAR
from kpi.progress.status import OpenSdgStatus, Status


def opensdg_columns(s: pd.DataFrame) -> None:
    """`annual_*` columns hold each series' first and last Q4 value and the count of them."""
    base, current, target = s["annual_base"], s["annual_current"], s["target"]
    base_year, year = s["annual_base_year"], s["annual_current_year"]
    enough = (s["annual_count"] >= 2) & (base != 0) & (base_year < TARGET_YEAR)
    with np.errstate(divide="ignore", invalid="ignore"):
        observed = (current / base) ** (1 / (year - base_year)) - 1
        needed = ((target / base) ** (1 / (TARGET_YEAR - base_year)) - 1).abs()
        ratio = observed / needed
    conditions = [
        s["annual_count"] < 1,
        current >= target,
        ~enough,
        base >= target,
        ratio >= SUBSTANTIAL,
        ratio >= MODERATE,
        ratio >= 0,
    ]
    choices = [
        OpenSdgStatus.NOT_AVAILABLE,
        OpenSdgStatus.TARGET_ACHIEVED,
        OpenSdgStatus.NOT_AVAILABLE,
        OpenSdgStatus.DETERIORATION,
        OpenSdgStatus.SUBSTANTIAL_PROGRESS,
        OpenSdgStatus.MODERATE_PROGRESS,
        OpenSdgStatus.LIMITED_PROGRESS,
    ]
    status = pd.Series(
        np.select(conditions, [c.value for c in choices], OpenSdgStatus.DETERIORATION.value),
        index=s.index,
    )
    has_ratio = (s["annual_count"] >= 1) & ~(current >= target) & enough & ~(base >= target)
    s["opensdg_status"] = status
    s["opensdg_ratio"] = ratio.where(has_ratio)
    score = np.where(
        ratio >= MODERATE,
        np.minimum(7.1429 * ratio - 4.2857, 5.0),
        np.maximum(4.1667 * ratio - 2.5, FLOOR_SCORE),
    )
    fell = (status == OpenSdgStatus.DETERIORATION.value) & ~has_ratio
    score = np.where(has_ratio, score, np.where(fell, FLOOR_SCORE, np.nan))
    s["opensdg_score"] = np.where(status == OpenSdgStatus.TARGET_ACHIEVED.value, 5.0, score)
    comparable = s["status"].map({k.value: v.value for k, v in COMPARABLE.items()})
    s["methods_disagree"] = (
        comparable.notna() & (status != OpenSdgStatus.NOT_AVAILABLE.value) & (comparable != status)
    )


def formatted(values: pd.Series | np.ndarray, lang: str, digits: int = 1) -> np.ndarray:
    """Format numbers once per distinct value (few distinct after rounding)."""
    rounded = np.round(np.asarray(values, dtype=np.float64), digits)
    distinct, inverse = np.unique(rounded, return_inverse=True)
    # The values are rounded already, so this prints what method.fmt_number prints.
    text = [
        number(v + 0.0, lang, digits, grouping=False, missing=method.ENGINE_MISSING)
        for v in distinct.tolist()
    ]
    table = np.array(text, dtype=object)
    if not len(table):
        return np.full(len(rounded), method.ENGINE_MISSING, dtype=object)
    return table[inverse.reshape(-1)]


def quarter_labels(index: pd.Series, lang: str) -> np.ndarray:
    """'Quý 3/2025' (vi) or 'Q3 2025' (en) per row ('–' where there is no quarter)."""
    values = index.to_numpy(dtype=np.float64)
    table = {
        v: Quarter.from_index(int(v)).name(lang) for v in np.unique(values) if not math.isnan(v)
    }
    return np.array([table.get(v, "–") for v in values], dtype=object)


def _words(codes: np.ndarray, lang: str) -> np.ndarray:
    out = np.empty(len(codes), dtype=object)
    for st in Status:
        out[codes == st.value] = st.word(lang)
    return out


def reason_cases(s: pd.DataFrame) -> np.ndarray:
    """The template each row takes, as `method.reason_case` chooses it."""
    status = s["status"].to_numpy(dtype=object)
    above = (s["baseline_value"] >= s["target"]).to_numpy()
    conditions = [
        s["baseline_index"].isna().to_numpy(),
        (status == Status.ACHIEVED.value) & (s["target"] >= method.FULL_TARGET).to_numpy(),
        status == Status.ACHIEVED.value,
        status == Status.NO_RECENT_DATA.value,
        status == Status.INSUFFICIENT_DATA.value,
        above & (status == Status.DETERIORATING.value),
        above,
    ]
    names = ["no_baseline", "achieved_full", "achieved", "no_recent", "short", "fell_back"]
    return np.select(conditions, [*names, "holding"], "projected").astype(object)


def reasons(s: pd.DataFrame, lang: str) -> pd.Series:
    """Each row's sentence, each template filled only for the rows that take it."""
    cases = reason_cases(s)
    fields = {
        "word": _words(s["status"].to_numpy(dtype=object), lang),
        "verdict": _words(s["verdict"].to_numpy(dtype=object), lang),
        "now": formatted(s["latest_value"], lang),
        "goal": formatted(s["target"], lang, 0),
        "proj": formatted(s["projected_raw"], lang),
        "share": formatted(100 * s["progress_raw"], lang, 0),
        "last": quarter_labels(s["latest_index"], lang),
        "base": quarter_labels(s["cat_baseline_index"], lang),
    }
    out = np.empty(len(s), dtype=object)
    for case, template in method.REASONS[lang].items():
        rows = cases == case
        if rows.any():
            out[rows] = _fill(template, {k: v[rows] for k, v in fields.items()}, int(rows.sum()))
    return pd.Series(out, index=s.index)


def _fill(template: str, fields: dict[str, np.ndarray], size: int) -> np.ndarray:
    out = np.full(size, "", dtype=object)
    for n, part in enumerate(method.FIELD.split(template)):
        out = out + (fields[part] if n % 2 else part)
    return out
