"""The composition root: settings, storage and catalogue, built once by an entry point.

The CLI, the dashboard and every later entry point call `open_app` (or `build_app`
with settings of their own) and pass the result, or its parts, to the services.
Nothing here runs at import time.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpi.catalogue import Catalogue, load_catalogue
from kpi.settings import Settings, load_settings
from kpi.storage import Storage, StorageBusyError, open_storage
from kpi.storage.repository import ensure_seeded
from kpi.units import load_default_units

__all__ = ["App", "Storage", "StorageBusyError", "build_app", "open_app", "open_store"]


@dataclass(frozen=True)
class App:
    """What every use case needs: the settings, the one Storage and the catalogue."""

    settings: Settings
    storage: Storage
    catalogue: Catalogue


def open_store(url: str, catalogue: Catalogue | None = None) -> Storage:
    """A migrated Storage for `url`, seeded with the catalogue and the unit tree."""
    store = open_storage(url)
    ensure_seeded(store, catalogue or load_catalogue(), load_default_units())
    return store


def build_app(settings: Settings, catalogue: Catalogue | None = None) -> App:
    catalogue = catalogue or load_catalogue()
    return App(settings, open_store(settings.database_url, catalogue), catalogue)


def open_app() -> App:
    """Settings from the environment and secrets file, then storage and catalogue."""
    return build_app(load_settings())
