"""Storage: the only package that imports SQLAlchemy.

The shell builds one `Storage` with `open_storage(url)` and passes it in.
"""

from kpi.storage import api as _api_tables  # noqa: F401  (registers the tables)
from kpi.storage import task_models  # registers the task tables on Base.metadata
from kpi.storage.engine import CommitError, Storage, StorageBusyError, open_storage, retrying
from kpi.storage.models import (
    AuditEntry,
    Base,
    CurrentValue,
    IndicatorRecord,
    Measurement,
    UnitRecord,
    Upload,
    User,
    UserUnit,
)

__all__ = [
    "AuditEntry",
    "Base",
    "CommitError",
    "CurrentValue",
    "IndicatorRecord",
    "Measurement",
    "Storage",
    "StorageBusyError",
    "UnitRecord",
    "Upload",
    "User",
    "UserUnit",
    "open_storage",
    "retrying",
    "task_models",
]
