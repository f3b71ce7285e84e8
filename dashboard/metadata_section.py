"""The indicator page's "Siêu dữ liệu" section: what the plan says about the indicator,
with every field the plan leaves open marked as such."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import data, resources
from kpi.catalogue import Indicator
from kpi.metadata import (
    SECTION_TITLE,
    TABLE_HEADERS,
    IndicatorMetadata,
    load_metadata,
    rows,
    words,
)
from kpi.services.open_data import last_updated

LOCAL = dt.timezone(dt.timedelta(hours=7))  # Asia/Ho_Chi_Minh


@st.cache_data(max_entries=4, show_spinner=False)
def _last_updated(url: str, key: data.Version) -> dict[str, str]:
    stamps = last_updated(resources.storage())
    return {code: s.astimezone(LOCAL).strftime("%d/%m/%Y %H:%M") for code, s in stamps.items()}


@st.cache_resource(show_spinner=False)
def _metadata() -> dict[str, IndicatorMetadata]:
    return load_metadata(resources.catalogue())


def metadata_section(indicator: Indicator, lang: str) -> None:
    st.subheader(words(SECTION_TITLE, lang), anchor=False)
    meta = _metadata()[indicator.code]
    stamp = _last_updated(resources.settings().database_url, data.version()).get(indicator.code)
    table = pd.DataFrame(
        rows(meta, stamp, lang),
        columns=[words(TABLE_HEADERS[0], lang), words(TABLE_HEADERS[1], lang)],
    )
    # st.dataframe shows the text literally.
    st.dataframe(table, hide_index=True, width="stretch")
