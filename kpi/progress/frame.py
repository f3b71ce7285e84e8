"""The method for every (indicator, unit) series at once: grouped sums, no loop per series."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd

from kpi.catalogue import Catalogue
from kpi.periods import Quarter, last_ended_quarter
from kpi.progress import method
from kpi.progress.frame_text import opensdg_columns, reasons
from kpi.progress.status import Status
from kpi.progress.tdist import t_quantile

KEYS = ["indicator_code", "unit_code"]
COVERAGE_COLUMNS = ["units_expected", "units_with_counts", "units_value_only", "units_missing"]
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
    "projected_progress",
    "projected_2030_low",
    "projected_2030_high",
    *COVERAGE_COLUMNS,
]
EXTRA_COLUMNS = [
    "reason_en",
    "n_points",
    "opensdg_ratio",
    "latest_index",
    "baseline_index",
    "as_of_index",
    # the fit itself, so a chart draws the very line and interval the status used
    "intercept",
    "residual_se",
    "mean_tau",
    "s_tautau",
]


def catalogue_frame(catalogue: Catalogue) -> pd.DataFrame:
    programme = method.PROGRAMME_BASELINE.index
    return pd.DataFrame(
        {
            "indicator_code": [i.code for i in catalogue],
            "target": [i.target for i in catalogue],
            "target_index": [i.target_period.index for i in catalogue],
            "cat_baseline_index": [
                i.baseline_period.index if i.baseline_period else programme for i in catalogue
            ],
            "position": range(len(catalogue)),
        }
    )


def empty_statuses() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in CONTRACT_COLUMNS + EXTRA_COLUMNS})


def _firsts(sid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First and last row of each run of equal ids (rows sorted by id)."""
    if len(sid) == 0:
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64)
    first = np.flatnonzero(np.r_[True, sid[1:] != sid[:-1]])
    return first, np.r_[first[1:], len(sid)] - 1


def _per_series(
    sid: np.ndarray, count: int, fill: float, at: np.ndarray, values: np.ndarray
) -> np.ndarray:
    out = np.full(count, fill, dtype=np.float64)
    out[sid[at]] = values[at]
    return out


def _series_table(frame: pd.DataFrame, cat: pd.DataFrame) -> pd.DataFrame:
    """Per series: latest point, baseline, the fit from the baseline on, the full years."""
    ind, ind_names = pd.factorize(frame["indicator_code"])
    unit, unit_names = pd.factorize(frame["unit_code"])
    key = ind.astype(np.int64) * len(unit_names) + unit
    # Keys are small integers: a presence table numbers the series without hashing.
    present = np.bincount(key, minlength=len(ind_names) * len(unit_names)) > 0
    sid = (np.cumsum(present) - 1)[key]
    keys = np.flatnonzero(present)
    t = frame["period_index"].to_numpy(dtype=np.int64)
    y = frame["value"].to_numpy(dtype=np.float64)
    counts = _has_counts(frame)
    low, span = int(t.min()), int(t.max() - t.min()) + 1
    sort_key = sid * span + (t - low)
    if not (sort_key[1:] >= sort_key[:-1]).all():
        order = np.argsort(sort_key, kind="stable")
        sid, t, y, counts = sid[order], t[order], y[order], counts[order]
    series_ind = (keys // len(unit_names)).astype(np.int64)
    cat_by_ind = cat.set_index("indicator_code").reindex(ind_names)
    count = len(keys)
    _first, last = _firsts(sid)
    base_q = cat_by_ind["cat_baseline_index"].to_numpy(dtype=np.int64)[series_ind]
    keep = t >= base_q[sid]
    ks, kt, ky = sid[keep], t[keep], y[keep]
    out = pd.DataFrame(
        {
            "indicator_code": np.asarray(ind_names, dtype=object)[series_ind],
            "unit_code": np.asarray(unit_names, dtype=object)[(keys % len(unit_names))],
            "latest_index": t[last],
            "latest_value": y[last],
            "latest_counts": counts[last],
            "cat_baseline_index": base_q,
            "target": cat_by_ind["target"].to_numpy(dtype=np.float64)[series_ind],
            "target_index": cat_by_ind["target_index"].to_numpy(dtype=np.int64)[series_ind],
            "position": cat_by_ind["position"].to_numpy(dtype=np.int64)[series_ind],
        }
    )
    _fit_columns(out, ks, kt, ky, count)
    _annual_columns(out, ks, kt, ky, count)
    return out


def _has_counts(frame: pd.DataFrame) -> np.ndarray:
    if "numerator" not in frame or "denominator" not in frame:
        return np.zeros(len(frame), dtype=bool)
    return (frame["numerator"].notna() & frame["denominator"].notna()).to_numpy()


def _fit_columns(
    out: pd.DataFrame, ks: np.ndarray, kt: np.ndarray, ky: np.ndarray, count: int
) -> None:
    """Least squares on τ (years since each series' baseline), two passes as the reference."""
    n = np.bincount(ks, minlength=count).astype(np.float64)
    first, last = _firsts(ks)
    base_idx = _per_series(ks, count, np.nan, first, kt.astype(np.float64))
    out["baseline_index"] = base_idx
    out["baseline_value"] = _per_series(ks, count, np.nan, first, ky)
    out["used_latest_index"] = _per_series(ks, count, np.nan, last, kt.astype(np.float64))
    out["n_points"] = n.astype(np.int64)
    tau = (kt - base_idx[ks]) / 4
    with np.errstate(divide="ignore", invalid="ignore"):
        mean_t = np.bincount(ks, tau, count) / n
        mean_y = np.bincount(ks, ky, count) / n
        dt_ = tau - mean_t[ks]
        stt = np.bincount(ks, dt_ * dt_, count)
        sty = np.bincount(ks, dt_ * (ky - mean_y[ks]), count)
        slope = np.where((n >= 2) & (stt > 0), sty / stt, np.nan)
        intercept = mean_y - slope * mean_t
        residual = ky - (intercept[ks] + slope[ks] * tau)
        sse = np.bincount(ks, residual * residual, count)
        se = np.where(n > 2, np.sqrt(np.maximum(sse, 0.0) / (n - 2)), np.nan)
    out["intercept"] = np.round(intercept, method.DECIMALS)
    out["observed_pace_pp_per_year"] = np.round(slope, method.DECIMALS)
    out["residual_se"] = se
    out["mean_tau"] = mean_t
    out["s_tautau"] = stt


def _annual_columns(
    out: pd.DataFrame, ks: np.ndarray, kt: np.ndarray, ky: np.ndarray, count: int
) -> None:
    """Full calendar years: first and last Q4 value from the baseline on."""
    q4 = kt % 4 == 3
    qs, qt, qy = ks[q4], kt[q4], ky[q4]
    out["annual_count"] = np.bincount(qs, minlength=count)
    first, last = _firsts(qs)
    out["annual_base"] = _per_series(qs, count, np.nan, first, qy)
    out["annual_current"] = _per_series(qs, count, np.nan, last, qy)
    out["annual_base_year"] = _per_series(qs, count, np.nan, first, (qt // 4).astype(float))
    out["annual_current_year"] = _per_series(qs, count, np.nan, last, (qt // 4).astype(float))


def _primary(s: pd.DataFrame, as_of: Quarter) -> None:
    judged_base = s["baseline_index"].notna()
    # A series judged from its baseline: the latest point is the latest used point.
    t0, t = s["baseline_index"] / 4, s["latest_index"] / 4
    big_t = s["target_index"] / 4
    y0, yt, target = s["baseline_value"], s["latest_value"], s["target"]
    horizon = big_t - t0
    slope = s["observed_pace_pp_per_year"]
    projected = (s["intercept"] + slope * horizon).round(method.DECIMALS).clip(0, 100)
    progress = ((projected - y0) / (target - y0).where(target > y0)).round(method.DECIMALS)
    s["projected_raw"], s["progress_raw"] = projected, progress
    span = s["latest_index"] - s["baseline_index"]
    level = target.where(target < method.FULL_TARGET, method.FULL_ACHIEVED)
    conditions = [
        yt >= level,
        (s["n_points"] < method.MIN_POINTS) | (span < method.MIN_SPAN_QUARTERS),
        (y0 >= target) & (yt < target - method.HOLD_PP),
        y0 >= target,
        progress >= method.ON_TRACK_PROGRESS,
        progress >= method.ACCELERATION_PROGRESS,
        progress >= 0,
    ]
    choices = [
        Status.ACHIEVED,
        Status.INSUFFICIENT_DATA,
        Status.DETERIORATING,
        Status.ON_TRACK,
        Status.ON_TRACK,
        Status.NEEDS_ACCELERATION,
        Status.LIMITED_PROGRESS,
    ]
    verdict = np.select(conditions, [c.value for c in choices], Status.DETERIORATING.value)
    verdict = np.where(judged_base, verdict, Status.INSUFFICIENT_DATA.value)
    old = as_of.index - s["latest_index"]
    recent_rule = (verdict != Status.ACHIEVED.value) & (old >= method.NO_RECENT_QUARTERS)
    status = np.where(recent_rule & judged_base, Status.NO_RECENT_DATA.value, verdict)
    s["verdict"], s["status"] = verdict, status
    judged = pd.Series(status, index=s.index).isin(
        [st.value for st in Status if method.has_verdict(st)]
    )
    _interval(s, horizon, judged)
    required = (target - y0) / horizon.where(horizon > 0)
    s["required_pace_pp_per_year"] = required
    s["ratio"] = (slope / required.where(required > 0)).where(judged)
    trajectory = y0 + (target - y0) * (t - t0) / horizon
    s["trajectory_value"] = trajectory.where(horizon > 0, target).where(judged_base)
    s["gap_pp"] = yt - s["trajectory_value"]
    achieved = status == Status.ACHIEVED.value
    remaining = ((target - yt) / (big_t - t).where(big_t > t)).where(judged_base & ~achieved)
    s["remaining_pace_pp_per_quarter"] = remaining / 4
    s["next_quarter_needed"] = (yt + remaining / 4).clip(0, 100)
    s["projected_2030"] = projected.where(judged)
    s["projected_progress"] = progress.where(judged)


def _interval(s: pd.DataFrame, horizon: pd.Series, judged: pd.Series) -> None:
    n = s["n_points"]
    quantile = n.map(
        {k: t_quantile(method.INTERVAL_LEVEL, int(k) - 2) for k in n.unique() if k > 2}
    )
    centre = s["intercept"] + s["observed_pace_pp_per_year"] * horizon
    half = (
        quantile
        * s["residual_se"]
        * np.sqrt(1 + 1 / n + (horizon - s["mean_tau"]) ** 2 / s["s_tautau"])
    )
    ok = judged & (n >= method.MIN_POINTS) & half.notna()
    s["projected_2030_low"] = (centre - half).clip(0, 100).where(ok)
    s["projected_2030_high"] = (centre + half).clip(0, 100).where(ok)


def leaf_coverage(s: pd.DataFrame) -> None:
    """A unit's own series: that unit, in the list that applies to its latest figure."""
    units = s["unit_code"].astype(str).tolist()  # a list walks faster than an array
    with_counts = s["latest_counts"].to_numpy(dtype=bool).tolist()
    s["units_expected"] = [[u] for u in units]
    s["units_with_counts"] = [[u] if c else [] for u, c in zip(units, with_counts, strict=True)]
    s["units_value_only"] = [[] if c else [u] for u, c in zip(units, with_counts, strict=True)]
    s["units_missing"] = [[] for _ in units]


def _period_labels(index: pd.Series) -> pd.Series:
    values = index.to_numpy(dtype=np.float64)
    table = {v: str(Quarter.from_index(int(v))) for v in np.unique(values) if not math.isnan(v)}
    return pd.Series([table.get(v) for v in values], index=index.index, dtype=object)


def compute_statuses(
    current: pd.DataFrame,
    catalogue: Catalogue,
    *,
    as_of: Quarter | None = None,
    today: dt.date | None = None,
) -> pd.DataFrame:
    """One row per (indicator, unit) series with data up to the as-of quarter (default:
    the last ended quarter): the JSON contract columns and extras."""
    as_of = as_of or last_ended_quarter(today)
    columns = [
        c for c in (*KEYS, "period_index", "value", "numerator", "denominator") if c in current
    ]
    frame = current[columns]
    frame = frame[frame["period_index"] <= as_of.index].dropna(subset=["value"])
    cat = catalogue_frame(catalogue)
    frame = frame[frame["indicator_code"].isin(cat["indicator_code"])]
    if frame.empty:
        return empty_statuses()
    s = _series_table(frame, cat)
    _primary(s, as_of)
    opensdg_columns(s)
    s["status_vi"] = s["status"].map({st.value: st.vi for st in Status})
    s["reason"] = reasons(s, "vi")
    s["reason_en"] = reasons(s, "en")
    s["baseline_period"] = _period_labels(s["baseline_index"])
    s["latest_period"] = _period_labels(s["latest_index"])
    s["stale"] = s["latest_index"] < as_of.index
    s["as_of_index"] = as_of.index
    leaf_coverage(s)
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
