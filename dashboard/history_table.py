"""The indicator page's revision history as a table a person reads.

Every stored revision, newest first: the quarter and unit in words, what the figure
changed from and to (the audit log's wording, kpi.audit_text), who sent it, when in
Việt Nam's time, from which file, and whether the unit head signed it off.
"""

from __future__ import annotations

import pandas as pd

from kpi.audit_text import actor_text, change_text, count_text, moment_text, text_or_dash
from kpi.formatting import MISSING, number, quarter_label
from kpi.text import t


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
            t("col_unit", lang): [text_or_dash(labels.get(u, u)) for u in rows["unit_code"]],
            t("tbl.change", lang): [
                change_text(b, a, lang) for b, a in zip(before, rows["value"], strict=True)
            ],
            t("hist.counts", lang): counts,
            t("tbl.revision", lang): [count_text(r, lang) for r in rows["revision"]],
            t("tbl.note", lang): [text_or_dash(n) for n in rows["note"]],
            t("tbl.uploaded_by", lang): [actor_text(b, lang) for b in rows["created_by"]],
            t("tbl.when", lang): [moment_text(m) for m in rows["created_at"]],
            t("tbl.file", lang): [text_or_dash(f) for f in rows["file_name"]],
            t("col_approval", lang): [
                t("unapproved_word" if m else "approved_word", lang) for m in unapproved
            ],
        }
    )
