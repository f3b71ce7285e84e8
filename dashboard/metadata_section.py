"""The indicator page's "Siêu dữ liệu" section: what the plan says about the indicator,
with every field the plan leaves open marked as such."""

from __future__ import annotations

import streamlit as st

from dashboard import data, resources, ui
from kpi.catalogue import Indicator
from kpi.formatting import local_moment
from kpi.metadata import IndicatorMetadata, load_metadata, rows
from kpi.services.open_data import last_updated
from kpi.text import t


@st.cache_data(max_entries=4, show_spinner=False)
def _last_updated(url: str, key: data.Version) -> dict[str, str]:
    stamps = last_updated(resources.storage())
    return {code: local_moment(s) for code, s in stamps.items()}


@st.cache_resource(show_spinner=False)
def _metadata() -> dict[str, IndicatorMetadata]:
    return load_metadata(resources.catalogue())


def metadata_section(indicator: Indicator, lang: str) -> None:
    st.subheader(t("metadata.title", lang), anchor=False)
    meta = _metadata()[indicator.code]
    stamp = _last_updated(resources.settings().database_url, data.version()).get(indicator.code)
    # prose, not a grid: each field as a term and its wording in full (stored text escaped)
    lines = [
        f"**{ui.literal(field)}**  \n{ui.literal(value)}"
        for field, value in rows(meta, stamp, lang)
    ]
    with st.container(border=True):
        st.markdown("\n\n".join(lines))
