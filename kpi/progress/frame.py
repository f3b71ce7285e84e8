"""The method for every (indicator, unit) series at once: grouped sums, no loop per series."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd

from kpi.catalogue import Catalogue
from kpi.periods import Quarter, last_ended_quarter
from kpi.progress import method
from kpi.progress.opensdg import COMPARABLE, MODERATE, SUBSTANTIAL, TARGET_YEAR, ZERO_SUBSTITUTE
from kpi.progress.status import OpenSdgStatus, Status

KEYS = ["indicator_code", "unit_code"]
CONTRACT_COLUMNS = [
    "indicator_code",
    "unit_code",
    "status",
    "status_vi",
    "reason",
    "ratio",
    "baseline_period",
    "baseline_value",
    "latest_period",
    "latest_value",
    "target",
    "trajectory_value",
    "gap_pp",
    "observed_pace_pp_per_year",
    "required_pace_pp_per_year",
    "remaining_pace_pp_per_quarter",
    "next_quarter_needed",
    "projected_2030",
    "opensdg_status",
    "opensdg_score",
    "methods_disagree",
    "stale",
]
EXTRA_COLUMNS = ["reason_en", "n_points", "opensdg_ratio", "latest_index", "baseline_index"]


def catalogue_frame(catalogue: Catalogue) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator_code": [i.code for i in catalogue],
            "target": [i.target for i in catalogue],
            "target_index": [i.target_period.index for i in catalogue],
            "cat_baseline_index": [
                i.baseline_period.index if i.baseline_period else -1 for i in catalogue
            ],
            "position": range(len(catalogue)),
        }
    )


def empty_statuses() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in CONTRACT_COLUMNS + EXTRA_COLUMNS})


def _series_table(frame: pd.DataFrame, cat: pd.DataFrame) -> pd.DataFrame:
    """Per series, from its baseline on: count, first and last points, least-squares
    slope (points/year) and the Open SDG base-year value. Plain numpy over sorted ids."""
    ind, ind_names = pd.factorize(frame["indicator_code"])
    unit, unit_names = pd.factorize(frame["unit_code"])
    key = ind.astype(np.int64) * len(unit_names) + unit
    # Keys are small integers: a presence table numbers the series without hashing.
    present = np.bincount(key, minlength=len(ind_names) * len(unit_names)) > 0
    sid = (np.cumsum(present) - 1)[key]
    keys = np.flatnonzero(present)
    t = frame["period_index"].to_numpy(dtype=np.int64)
    y = frame["value"].to_numpy(dtype=np.float64)
    # One int64 sort key; a stable sort is near linear when rows come in order already.
    low, span = int(t.min()), int(t.max() - t.min()) + 1
    sort_key = sid * span + (t - low)
    if not (sort_key[1:] >= sort_key[:-1]).all():
        order = np.argsort(sort_key, kind="stable")
        sid, t, y = sid[order], t[order], y[order]
    series_ind = (keys // len(unit_names)).astype(np.int64)
    cat_by_ind = cat.set_index("indicator_code").reindex(ind_names)
    cat_base = cat_by_ind["cat_baseline_index"].to_numpy(dtype=np.int64)[series_ind]
    count = len(keys)
    earliest = t[np.flatnonzero(np.r_[True, sid[1:] != sid[:-1]])]
    has_cat = np.bincount(sid, weights=(t == cat_base[sid]), minlength=count) > 0
    base = np.where(has_cat, cat_base, earliest)
    keep = t >= base[sid]
    if not keep.all():
        sid, t, y = sid[keep], t[keep], y[keep]
    n = np.bincount(sid, minlength=count).astype(np.float64)
    first = np.flatnonzero(np.r_[True, sid[1:] != sid[:-1]])
    last = np.r_[first[1:], len(sid)] - 1
    tc = (t - t[first][sid]) / 4
    st, sy = np.bincount(sid, tc, count), np.bincount(sid, y, count)
    sty, stt = np.bincount(sid, tc * y, count), np.bincount(sid, tc * tc, count)
    denominator = n * stt - st**2
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = np.where(denominator > 0, (n * sty - st * sy) / denominator, np.nan)
    slope = np.round(slope, method.PACE_DECIMALS)
    base_year = t[first] // 4
    in_base_year = np.flatnonzero((t // 4) == base_year[sid])
    tail = np.r_[sid[in_base_year][1:] != sid[in_base_year][:-1], True]
    annual_base = np.empty(count)
    annual_base[sid[in_base_year][tail]] = y[in_base_year][tail]
    return pd.DataFrame(
        {
            "indicator_code": np.asarray(ind_names, dtype=object)[series_ind],
            "unit_code": np.asarray(unit_names, dtype=object)[(keys % len(unit_names))],
            "n_points": n.astype(np.int64),
            "baseline_index": t[first],
            "baseline_value": y[first],
            "latest_index": t[last],
            "latest_value": y[last],
            "target": cat_by_ind["target"].to_numpy(dtype=np.float64)[series_ind],
            "target_index": cat_by_ind["target_index"].to_numpy(dtype=np.int64)[series_ind],
            "position": cat_by_ind["position"].to_numpy(dtype=np.int64)[series_ind],
            "observed_pace_pp_per_year": slope,
            "annual_base": annual_base,
        }
    )


def _primary(s: pd.DataFrame) -> None:
    t0, t = s["baseline_index"] / 4, s["latest_index"] / 4
    big_t = s["target_index"] / 4
    y0, yt, target = s["baseline_value"], s["latest_value"], s["target"]
    required = (target - y0) / (big_t - t0).where(big_t > t0)
    s["required_pace_pp_per_year"] = required
    observed = s["observed_pace_pp_per_year"]
    ratio = observed / required.where(required > 0)
    s["ratio"] = ratio
    span = s["latest_index"] - s["baseline_index"]
    conditions = [
        yt >= target,
        (s["n_points"] < method.MIN_POINTS) | (span < method.MIN_SPAN_QUARTERS),
        ~(required > 0),
        ratio >= method.ON_TRACK_RATIO,
        ratio >= method.ACCELERATION_RATIO,
        ratio >= 0,
    ]
    choices = [
        Status.ACHIEVED,
        Status.INSUFFICIENT_DATA,
        Status.DETERIORATING,
        Status.ON_TRACK,
        Status.NEEDS_ACCELERATION,
        Status.LIMITED_PROGRESS,
    ]
    s["status"] = np.select(conditions, [c.value for c in choices], Status.DETERIORATING.value)
    slope_to_target = (target - y0) / (big_t - t0).where(big_t > t0)
    trajectory = (y0 + slope_to_target * (t - t0)).where(big_t > t0, target)
    s["trajectory_value"] = trajectory
    s["gap_pp"] = yt - trajectory
    s["remaining_pace_pp_per_quarter"] = ((target - yt) / (big_t - t).where(big_t > t)) / 4
    needed = (y0 + slope_to_target * (t + 0.25 - t0)).where(big_t > t0, target)
    s["next_quarter_needed"] = needed.clip(0, 100)
    s["projected_2030"] = (yt + observed * (big_t - t)).clip(0, 100)


def _opensdg(s: pd.DataFrame) -> None:
    base_year, year = s["baseline_index"] // 4, s["latest_index"] // 4
    base = s["annual_base"].where(s["annual_base"] != 0, ZERO_SUBSTITUTE)
    target = s["target"].where(s["target"] != 0, ZERO_SUBSTITUTE)
    current = s["latest_value"]
    span = (year - base_year).where(year > base_year)
    observed = (current / base) ** (1 / span) - 1
    horizon = (TARGET_YEAR - base_year).where(base_year < TARGET_YEAR)
    needed = ((target / base) ** (1 / horizon) - 1).abs()
    ratio = observed / needed.where(needed > 0)
    conditions = [
        year - base_year < 1,
        current >= s["target"],
        ratio >= SUBSTANTIAL,
        ratio >= MODERATE,
        ratio >= 0,
        ratio < 0,
    ]
    choices = [
        "not_available",
        "target_achieved",
        "substantial_progress",
        "moderate_progress",
        "limited_progress",
        "deterioration",
    ]
    status = pd.Series(np.select(conditions, choices, "not_available"), index=s.index)
    s["opensdg_status"] = status
    s["opensdg_ratio"] = ratio.where(~status.isin(["not_available", "target_achieved"]))
    score = np.where(
        ratio >= MODERATE,
        np.minimum(7.1429 * ratio - 4.2857, 5.0),
        np.maximum(4.1667 * ratio - 2.5, -5.0),
    )
    s["opensdg_score"] = np.where(
        status == "target_achieved", 5.0, np.where(status == "not_available", np.nan, score)
    )
    comparable = s["status"].map({k.value: v.value for k, v in COMPARABLE.items()})
    s["methods_disagree"] = (
        (s["status"] != Status.INSUFFICIENT_DATA.value)
        & (status != OpenSdgStatus.NOT_AVAILABLE.value)
        & (comparable != status)
    )


def _formatted(values: pd.Series, lang: str, digits: int = 1) -> np.ndarray:
    """Format numbers once per distinct value (few distinct after rounding)."""
    rounded = np.round(values.to_numpy(dtype=np.float64), digits)
    distinct, inverse = np.unique(rounded, return_inverse=True)
    # The values are rounded already, so plain formatting matches method.fmt_number.
    text = ["–" if math.isnan(v) else f"{v + 0.0:.{digits}f}" for v in distinct.tolist()]
    table = np.array([t.replace(".", ",") for t in text] if lang == "vi" else text, dtype=object)
    return table[inverse.reshape(-1)] if len(table) else np.full(len(rounded), "–", dtype=object)


def _reasons(s: pd.DataFrame, lang: str) -> pd.Series:
    """Each row's sentence, built only from the template its status needs."""
    status = s["status"].to_numpy(dtype=object)
    word = np.empty(len(s), dtype=object)
    for st in Status:
        word[status == st.value] = st.en if lang == "en" else st.vi
    fell_back = (status == Status.DETERIORATING.value) & ~(
        s["required_pace_pp_per_year"].to_numpy(dtype=np.float64) > 0
    )
    done = status == Status.ACHIEVED.value
    short = status == Status.INSUFFICIENT_DATA.value
    pace = ~(done | short | fell_back)
    out = np.empty(len(s), dtype=object)
    obs = _formatted(s["observed_pace_pp_per_year"][pace], lang)
    req = _formatted(s["required_pace_pp_per_year"][pace], lang)
    now = _formatted(s["latest_value"], lang)
    goal = _formatted(s["target"], lang, 0)
    if lang == "en":
        out[pace] = word[pace] + ": current pace " + obs + " points/year, needs " + req
        out[pace] = out[pace] + " points/year"
        out[done] = word[done] + ": latest " + now[done] + "% ≥ target " + goal[done] + "%"
        out[short] = word[short] + ": need at least 2 values half a year apart"
        out[fell_back] = (
            word[fell_back] + ": fell from the target to " + now[fell_back] + "% (target "
        ) + (goal[fell_back] + "%)")
    else:
        out[pace] = word[pace] + ": tốc độ hiện tại " + obs + " điểm/năm, cần " + req
        out[pace] = out[pace] + " điểm/năm"
        out[done] = word[done] + ": giá trị mới nhất " + now[done] + "% ≥ mục tiêu " + goal[done]
        out[done] = out[done] + "%"
        out[short] = word[short] + ": cần ít nhất 2 giá trị cách nhau từ 2 quý"
        out[fell_back] = (
            word[fell_back] + ": đã đạt rồi giảm xuống " + now[fell_back] + "% (mục tiêu "
        ) + (goal[fell_back] + "%)")
    return pd.Series(out, index=s.index)


def _period_labels(index: pd.Series) -> pd.Series:
    table = {i: str(Quarter.from_index(int(i))) for i in index.unique()}
    return index.map(table)


def compute_statuses(
    current: pd.DataFrame,
    catalogue: Catalogue,
    *,
    as_of: Quarter | None = None,
    today: dt.date | None = None,
) -> pd.DataFrame:
    """One row per (indicator, unit) series with data: the JSON contract columns and extras."""
    frame = current[["indicator_code", "unit_code", "period_index", "value"]]
    if as_of is not None:
        frame = frame[frame["period_index"] <= as_of.index]
    frame = frame.dropna(subset=["value"])
    cat = catalogue_frame(catalogue)
    frame = frame[frame["indicator_code"].isin(cat["indicator_code"])]
    if frame.empty:
        return empty_statuses()
    s = _series_table(frame, cat)
    _primary(s)
    _opensdg(s)
    s["status_vi"] = s["status"].map({st.value: st.vi for st in Status})
    s["reason"] = _reasons(s, "vi")
    s["reason_en"] = _reasons(s, "en")
    s["baseline_period"] = _period_labels(s["baseline_index"])
    s["latest_period"] = _period_labels(s["latest_index"])
    s["stale"] = s["latest_index"] < last_ended_quarter(today).index
    s = s.sort_values(["position", "unit_code"], kind="stable").reset_index(drop=True)
    return s[CONTRACT_COLUMNS + EXTRA_COLUMNS]


PART_ROWS = 50_000  # statuses are computed over at most this many rows at a time


def statuses_in_parts(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    *,
    as_of: Quarter | None = None,
    today: dt.date | None = None,
) -> pd.DataFrame:
    """`compute_statuses` over groups of whole units, so memory stays bounded at national
    scale (each series lies in one group, so the result is the same)."""
    parts = max(1, math.ceil(len(frame) / PART_ROWS))
    if parts == 1:
        return compute_statuses(frame, catalogue, as_of=as_of, today=today)
    codes = frame["unit_code"]
    groups = np.array_split(np.sort(codes.unique()), parts)
    out = pd.concat(
        [
            compute_statuses(frame[codes.isin(g)], catalogue, as_of=as_of, today=today)
            for g in groups
        ],
        ignore_index=True,
    )
    order = {code: n for n, code in enumerate(catalogue.codes)}
    out["_pos"] = out["indicator_code"].map(order)
    return out.sort_values(["_pos", "unit_code"], kind="stable").drop(columns="_pos")
