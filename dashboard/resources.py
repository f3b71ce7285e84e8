"""Process-wide objects built once: settings, catalogue and the storage engine.

`st.cache_resource` shares these across sessions; none of them is user-specific.
Tests clear them with `st.cache_resource.clear()` to point the app elsewhere.
"""

from __future__ import annotations

import streamlit as st

from kpi.catalogue import Catalogue, load_catalogue
from kpi.services.app import Storage, open_store
from kpi.settings import Settings, load_settings


@st.cache_resource(show_spinner=False)
def settings() -> Settings:
    return load_settings()


@st.cache_resource(show_spinner=False)
def catalogue() -> Catalogue:
    return load_catalogue()


@st.cache_resource(show_spinner=False)
def _storage(url: str) -> Storage:
    return open_store(url, catalogue())


def storage() -> Storage:
    """The one Storage of this process, for the configured database."""
    return _storage(settings().database_url)
