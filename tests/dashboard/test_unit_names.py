"""Unit names in the reader's language: an English page names no unit in Vietnamese (its
words, selects and tables), a Vietnamese page keeps the names as the ministry writes them."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kpi.units import english_names, load_default_units
from tests.dashboard.conftest import AppFactory

VIETNAMESE = {u.code: u.name for u in load_default_units()}
WORDS = ("title", "subheader", "markdown", "caption", "info", "text")


def shown_text(at: AppTest) -> list[str]:
    """Every word the page draws: prose, select options and table cells."""
    found = [str(el.value) for kind in WORDS for el in at.get(kind)]
    found += [str(option) for box in at.selectbox for option in box.options]
    for table in at.dataframe:
        frame = table.value.data if hasattr(table.value, "data") else table.value
        found += [str(v) for v in pd.DataFrame(frame).astype(str).to_numpy().ravel()]
        found += [str(v) for v in frame.index]
    return [text.replace("\\", "") for text in found]  # pages escape markdown


def names_in(texts: list[str], names: dict[str, str]) -> set[str]:
    return {code for code, name in names.items() for text in texts if name in text}


@pytest.mark.parametrize("page", ["overview.py", "indicator.py", "reports.py"])
def test_an_english_page_names_no_unit_in_vietnamese(open_page: AppFactory, page: str) -> None:
    texts = shown_text(open_page(page, lang="en"))
    assert names_in(texts, VIETNAMESE) == set()
    assert names_in(texts, english_names())  # the units are there, in English


@pytest.mark.parametrize("page", ["overview.py", "indicator.py", "reports.py"])
def test_a_vietnamese_page_keeps_the_ministrys_names(open_page: AppFactory, page: str) -> None:
    texts = shown_text(open_page(page))
    assert names_in(texts, VIETNAMESE)
    # "Ministry Office" etc. are not Vietnamese words: none may show on a vi page
    assert names_in(texts, english_names()) == set()


def test_the_english_reports_page_offers_the_ministry_by_its_english_name(
    open_page: AppFactory,
) -> None:
    at = open_page("reports.py", lang="en")
    options = [str(o) for o in at.selectbox(key="report_unit").options]
    assert options[0] == "Ministry of Home Affairs (BNV)"
    assert "Ministry Office (VPB)" in options
