"""The indicator page's revision history as a table a person reads.

Every stored revision, newest first: the quarter and unit in words, what the figure
changed from and to ("mới" for a first figure), who sent it, when in Việt Nam's time,
from which file, and whether the unit head signed it off.
"""

from __future__ import annotations

import pandas as pd

from kpi.formatting import MISSING, local_moment, number, percent, quarter_label
from kpi.text import t


def _change(before: object, after: object, lang: str) -> str:
    if before is None or pd.isna(before):  # type: ignore[call-overload]
        return t("hist.first", lang)
    return f"{percent(before, lang)} → {percent(after, lang)}"


def _text(value: object) -> str:
    return MISSING if value is None or pd.isna(value) or str(value) == "" else str(value)  # type: ignore[call-overload]


def readable_history(
    rows: pd.DataFrame, unapproved: pd.Series, labels: dict[str, str], lang: str
) -> pd.DataFrame:
    """`rows` as data.history returns them; `unapproved` marks rows awaiting sign-off."""
    ordered = rows.sort_values(["unit_code", "period", "revision"])
    before = ordered.groupby(["unit_code", "period"], sort=False)["value"].shift(1)
    before = before.reindex(rows.index)
    counts = [
        f"{number(n, lang, 0)}/{number(d, lang, 0)}" if pd.notna(n) and pd.notna(d) else MISSING
        for n, d in zip(rows["numerator"], rows["denominator"], strict=True)
    ]
    return pd.DataFrame(
        {
            t("col_quarter", lang): [quarter_label(p, lang) for p in rows["period"]],
            t("col_unit", lang): [labels.get(u, u) for u in rows["unit_code"]],
            t("hist.change", lang): [
                _change(b, a, lang) for b, a in zip(before, rows["value"], strict=True)
            ],
            t("hist.counts", lang): counts,
            t("hist.revision", lang): [number(r, lang, 0) for r in rows["revision"]],
            t("hist.note", lang): [_text(n) for n in rows["note"]],
            t("hist.by", lang): [_text(b) for b in rows["created_by"]],
            t("hist.at", lang): [local_moment(m) for m in pd.to_datetime(rows["created_at"])],
            t("hist.file", lang): [_text(f) for f in rows["file_name"]],
            t("col_approval", lang): [
                t("unapproved_word" if m else "approved_word", lang) for m in unapproved
            ],
        }
    )
