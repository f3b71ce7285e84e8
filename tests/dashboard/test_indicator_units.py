"""The indicator page's units part: P (which sets the colour) beside each status, R after
it for reference, and the small multiples drawn for a phone, a laptop and a wide screen."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from dashboard import data, resources, unit_multiples
from kpi.formatting import number
from kpi.text import t
from tests.dashboard.conftest import AppFactory


def _frame(value: object) -> pd.DataFrame:
    return value.data if hasattr(value, "data") else value  # type: ignore[return-value]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_units_table_shows_p_beside_the_status(open_page: AppFactory, lang: str) -> None:
    at = open_page("indicator.py", lang=lang)
    table = _frame(at.dataframe[0].value)
    code = next(iter(resources.catalogue().codes))
    rows = data.unit_statuses(data.default_as_of())
    rows = rows[rows["indicator_code"] == code]
    labels = data.unit_labels(lang)  # the page's language: the names are the reader's
    shown = dict(zip(table[t("col_unit", lang)], table[t("col_progress", lang)], strict=True))
    expected = {
        labels[u]: number(p, lang, 2)
        for u, p in zip(rows["unit_code"], rows["projected_progress"], strict=True)
    }
    assert shown == expected and len(shown) > 1
    ratios = dict(zip(table[t("col_unit", lang)], table[t("col_ratio", lang)], strict=True))
    assert ratios == {
        labels[u]: number(r, lang, 2) for u, r in zip(rows["unit_code"], rows["ratio"], strict=True)
    }
    # labelled as what sets the colour; R says it is for reference; P right after the status
    config = json.loads(at.dataframe[0].proto.columns)
    p_column, r_column = config[t("col_progress", lang)], config[t("col_ratio", lang)]
    assert p_column["label"] == t("col_progress_short", lang)
    assert p_column["help"] == t("col_progress_help", lang)
    assert r_column["label"] == t("col_ratio_short", lang)
    order = list(at.dataframe[0].proto.column_order)
    assert order[:2] == [t("col_status", lang), t("col_progress", lang)]
    assert order[-1] == t("col_ratio", lang)


def test_small_multiples_for_each_screen(open_page: AppFactory) -> None:
    at = open_page("indicator.py")
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    faceted = [s for s in specs if "facet" in s]
    units = len(_frame(at.dataframe[0].value))
    wanted = [min(columns, units) for _name, columns, _screens in unit_multiples.LAYOUTS]
    assert [s["columns"] for s in faceted] == wanted
    # each drawn in its own keyed container, hidden off the screens it is not made for
    style = " ".join(str(h.proto.body) for h in at.get("html"))
    for name, _columns, screens in unit_multiples.LAYOUTS:
        assert f"@media not all and {screens}" in style
        assert f".st-key-{unit_multiples.KEY}_{name}" in style


def test_css_hides_every_layout_but_one() -> None:
    """Every screen width matches exactly one layout's media query (checked at the bounds)."""

    def matches(query: str, width: int) -> bool:
        low = re.search(r"min-width: (\d+)px", query)
        high = re.search(r"max-width: (\d+)px", query)
        return (not low or width >= int(low[1])) and (not high or width <= int(high[1]))

    for width in range(320, 2600):
        shown = [n for n, _c, q in unit_multiples.LAYOUTS if matches(q, width)]
        assert len(shown) == 1, (width, shown)
