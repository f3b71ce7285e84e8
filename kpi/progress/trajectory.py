"""Chart data for one series: actuals up to the as-of quarter, the required path, and the
projection of docs/methodology.md (the least-squares line) with its 80% interval."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from kpi.periods import TARGET_PERIOD, Quarter, quarter_range
from kpi.progress import method
from kpi.progress.status import Status

FIT_FIELDS = ("intercept", "residual_se", "mean_tau", "s_tautau", "n_points")


def trajectory_points(
    series: pd.DataFrame,
    status_row: pd.Series | Mapping[str, object],
    target_period: Quarter = TARGET_PERIOD,
) -> pd.DataFrame:
    """Long frame for the trajectory chart of one series.

    `series` holds that series' `period_index` and `value`; `status_row` is its row of
    `compute_statuses`. Columns: period, period_index, label ('Q3/2025'), kind
    ('actual', 'required', 'projection'), value, lower, upper (projection only). Nothing
    after the row's as-of quarter is drawn; a series with no verdict has no projection.
    The projection is the status' own fit, so it ends on the printed 2030 value and interval.
    """
    row = dict(status_row)
    actual = series.sort_values("period_index")
    as_of = row.get("as_of_index")
    if as_of is not None and not pd.isna(as_of):
        actual = actual[actual["period_index"] <= int(as_of)]
    frames = [
        pd.DataFrame(
            {
                "period_index": actual["period_index"].astype(int),
                "value": actual["value"],
                "kind": "actual",
            }
        )
    ]
    base_idx, latest_idx = int(row["baseline_index"]), int(row["latest_index"])
    frames.append(
        pd.DataFrame(
            {
                "period_index": [base_idx, target_period.index],
                "value": [float(row["baseline_value"]), float(row["target"])],
                "kind": "required",
            }
        )
    )
    fit = _fit(row, actual, base_idx, latest_idx)
    if fit is not None and _judged(row):
        frames.append(_projection(fit, base_idx, latest_idx, target_period))
    out = pd.concat(frames, ignore_index=True)
    out["period"] = [str(Quarter.from_index(int(i))) for i in out["period_index"]]
    out["label"] = [Quarter.from_index(int(i)).label for i in out["period_index"]]
    return out


def _judged(row: Mapping[str, object]) -> bool:
    """No projection without a verdict (a row with no status is a report's, which has one)."""
    status = row.get("status")
    if status is None or (isinstance(status, float) and math.isnan(status)):
        return True
    try:
        return method.has_verdict(Status(str(status)))
    except ValueError:
        return False


def _fit(
    row: Mapping[str, object], actual: pd.DataFrame, base_idx: int, latest_idx: int
) -> method.Fit | None:
    """The status' fit from its row; refitted on the series only when the row lacks it."""
    pace = row.get("observed_pace_pp_per_year")
    if pace is None or pd.isna(pace):  # type: ignore[call-overload]
        return None
    if all(row.get(f) is not None and not pd.isna(row.get(f)) for f in FIT_FIELDS):  # type: ignore[call-overload]
        return method.Fit(
            float(row["intercept"]),  # type: ignore[arg-type]
            float(pace),  # type: ignore[arg-type]
            float(row["residual_se"]),  # type: ignore[arg-type]
            int(row["n_points"]),  # type: ignore[call-overload]
            float(row["mean_tau"]),  # type: ignore[arg-type]
            float(row["s_tautau"]),  # type: ignore[arg-type]
        )
    used = actual[(actual["period_index"] >= base_idx) & (actual["period_index"] <= latest_idx)]
    taus = [(int(i) - base_idx) / 4 for i in used["period_index"]]
    return _with_slope(method.least_squares(taus, [float(v) for v in used["value"]]), float(pace))  # type: ignore[arg-type]


def _with_slope(fit: method.Fit, pace: float) -> method.Fit:
    """The printed pace through the points' centre (the least-squares line when they agree)."""
    if math.isnan(fit.slope):
        return fit
    centre_y = fit.intercept + fit.slope * fit.mean_tau
    return method.Fit(
        centre_y - pace * fit.mean_tau, pace, fit.residual_se, fit.n, fit.mean_tau, fit.s_tautau
    )


def _projection(
    fit: method.Fit, base_idx: int, latest_idx: int, target_period: Quarter
) -> pd.DataFrame:
    steps = quarter_range(Quarter.from_index(latest_idx), target_period)
    horizons = [(q.index - base_idx) / 4 for q in steps]
    bands = [method.interval(fit, h) for h in horizons]
    return pd.DataFrame(
        {
            "period_index": [q.index for q in steps],
            "value": [method.projected_value(fit, h) for h in horizons],
            "kind": "projection",
            "lower": [b[0] for b in bands],
            "upper": [b[1] for b in bands],
        }
    )
