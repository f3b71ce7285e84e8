"""Progress toward 2030: the method of docs/methodology.md, for one series or all at once."""

from kpi.progress.frame import (
    CONTRACT_COLUMNS,
    catalogue_frame,
    compute_statuses,
    statuses_in_parts,
)
from kpi.progress.method import fmt_number
from kpi.progress.opensdg import OpenSdgResult, assess_opensdg
from kpi.progress.records import status_json, status_records
from kpi.progress.rollup import (
    ministry_statuses,
    rollup,
    rollup_by_indicator,
    rollup_statuses,
)
from kpi.progress.series import Assessment, Point, assess_series
from kpi.progress.status import OpenSdgStatus, Status
from kpi.progress.trajectory import trajectory_points

__all__ = [
    "CONTRACT_COLUMNS",
    "Assessment",
    "OpenSdgResult",
    "OpenSdgStatus",
    "Point",
    "Status",
    "assess_opensdg",
    "assess_series",
    "catalogue_frame",
    "compute_statuses",
    "fmt_number",
    "ministry_statuses",
    "rollup",
    "rollup_by_indicator",
    "rollup_statuses",
    "status_json",
    "status_records",
    "statuses_in_parts",
    "trajectory_points",
]
