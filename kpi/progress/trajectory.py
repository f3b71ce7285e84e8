"""Chart data for one series: actuals, the required path, the projection and its band."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kpi.periods import TARGET_PERIOD, Quarter, quarter_range

Z_80 = 1.2816  # two-sided 80% band


def trajectory_points(
    series: pd.DataFrame,
    status_row: pd.Series | dict[str, object],
    target_period: Quarter = TARGET_PERIOD,
) -> pd.DataFrame:
    """Long frame for the trajectory chart of one series.

    `series` holds that series' `period_index` and `value`; `status_row` is its row of
    `compute_statuses`. Columns: period_index, kind ('actual', 'required',
    'projection'), value, lower, upper (band, projection only); labels are the renderer's.
    """
    row = dict(status_row)
    actual = series.sort_values("period_index")
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
    pace = row.get("observed_pace_pp_per_year")
    if pace is not None and not pd.isna(pace):
        frames.append(
            _projection(
                actual, base_idx, latest_idx, float(pace), float(row["latest_value"]), target_period
            )
        )
    return pd.concat(frames, ignore_index=True)


def _projection(
    actual: pd.DataFrame,
    base_idx: int,
    latest_idx: int,
    pace: float,
    latest: float,
    target_period: Quarter,
) -> pd.DataFrame:
    used = actual[actual["period_index"] >= base_idx]
    t = (used["period_index"].to_numpy() - base_idx) / 4
    y = used["value"].to_numpy(dtype=float)
    intercept = y.mean() - pace * t.mean()
    dof = max(len(t) - 2, 1)
    sigma = float(np.sqrt(((y - (intercept + pace * t)) ** 2).sum() / dof))
    sxx = float(((t - t.mean()) ** 2).sum()) or 1.0
    steps = quarter_range(Quarter.from_index(latest_idx), target_period)
    ahead = np.array([(q.index - latest_idx) / 4 for q in steps])
    tt = np.array([(q.index - base_idx) / 4 for q in steps])
    centre = np.clip(latest + pace * ahead, 0, 100)
    half = Z_80 * sigma * np.sqrt(1 + 1 / len(t) + (tt - t.mean()) ** 2 / sxx)
    half = np.where(ahead == 0, 0.0, half)
    return pd.DataFrame(
        {
            "period_index": [q.index for q in steps],
            "value": centre,
            "kind": "projection",
            "lower": np.clip(centre - half, 0, 100),
            "upper": np.clip(centre + half, 0, 100),
        }
    )
