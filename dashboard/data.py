"""Every read of the dashboard, cached by data version.

The raw current frame can be large (national scale: 1.3 M rows), so it is held
once per data version with `cache_resource` and treated as read-only; derived
tables are small and cached with `cache_data`. Nothing here depends on who is
looking. `clear()` runs after every commit.

Never cold: the version the caches are keyed by is the one whose heaviest figures
(dashboard.warm.Figures) are built. After a commit they are rebuilt in the background
and every page keeps the previous version until then.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import resources
from dashboard.warm import (
    Figures,
    Span,
    Warm,
    build_figures,
    held,
    indicator_spans,
    read_current,
    release_free_memory,
)
from kpi import formatting
from kpi.obligations import Obligation
from kpi.periods import Quarter, last_ended_quarter, local_today, parse_quarter
from kpi.progress import rollup_by_indicator, rollup_statuses, statuses_in_parts
from kpi.progress.coverage import owed_by_direct_units
from kpi.services import figures, statuses, submissions
from kpi.services.figures import (
    audit_frame,
    data_version,
    has_demo_data,
    history_frame,
    unit_registry,
)
from kpi.units import UnitRegistry, unit_name

Version = tuple[int, int]


@st.cache_data(ttl=2, show_spinner=False)
def _version(url: str) -> Version:
    return data_version(resources.storage())


@st.cache_resource(show_spinner=False)
def _warm(url: str) -> Warm[Figures]:
    store, catalogue = resources.storage(), resources.catalogue()

    def build(_version: Version) -> Figures:
        release_free_memory()  # what the pages let go, before a second version is read
        return held(build_figures(store, catalogue))

    return Warm(build)


def version() -> Version:
    """The data version pages are served: it follows the database's (read at most every
    2 s, and right after `clear()`, because pages ask for it many times per rerun) once
    that version's figures are built."""
    url = resources.settings().database_url
    served = _warm(url).served(_version(url))
    if _SERVED.setdefault(url, served) != served:  # let the old version's tables go
        _SERVED[url] = served
        _drop_heavy()
    return served


_SERVED: dict[str, Version] = {}


def built(key: Version) -> Figures | None:
    """The figures built ahead for `key`, if they are the ones held."""
    return _warm(resources.settings().database_url).ready(key)


# A database this small rebuilds in about a second: the page that committed waits for the
# new figures (so its officer sees them at once); a larger one is rebuilt in the
# background while the previous version serves.
WAIT_ROWS = 200_000
WAIT_S = 60.0


def clear() -> None:
    """After a commit: the small cached reads are dropped and the heavy figures rebuilt
    (in the background at scale: the previous version serves meanwhile). With no new
    version, everything is dropped and read again."""
    st.cache_data.clear()  # the version read too
    url = resources.settings().database_url
    warm, latest = _warm(url), _version(url)
    if warm.ready(latest) is not None:
        warm.forget()
        _drop_heavy()
        return
    held = warm.ready(warm.served(latest))
    if held is not None and len(held.current) <= WAIT_ROWS:
        warm.wait(latest, WAIT_S)


def _drop_heavy() -> None:
    from dashboard import signoff  # it reads this module's figures

    heavy = (_current, _spans, _registry, _unit_labels, _unit_statuses, _unit_status_words)
    for cached in (*heavy, signoff.open_rows_cache):
        cached.clear()


@st.cache_resource(max_entries=1, show_spinner=False)
def _current(url: str, key: Version) -> pd.DataFrame:
    ahead = built(key)
    return ahead.current if ahead else read_current(resources.storage())


def current() -> pd.DataFrame:
    """All current values in series order (indicator, unit, quarter; read-only: shared
    by every session)."""
    return _current(resources.settings().database_url, version())


@st.cache_resource(max_entries=1, show_spinner=False)
def _spans(url: str, key: Version) -> dict[str, Span]:
    ahead = built(key)
    return ahead.spans if ahead else indicator_spans(current())


def indicator_span(indicator: str) -> Span:
    """Where one indicator's rows start and stop in `current()`."""
    return _spans(resources.settings().database_url, version()).get(indicator, (0, 0))


@st.cache_resource(max_entries=1, show_spinner=False)
def _registry(url: str, key: Version) -> UnitRegistry:
    ahead = built(key)
    return ahead.registry if ahead else unit_registry(resources.storage())


def registry() -> UnitRegistry:
    return _registry(resources.settings().database_url, version())


@st.cache_data(max_entries=8, show_spinner=False)
def _has_demo(url: str, key: Version) -> bool:
    return has_demo_data(resources.storage())


def has_demo() -> bool:
    return _has_demo(resources.settings().database_url, version())


@st.cache_data(max_entries=16, show_spinner=False)
def _periods(url: str, key: Version) -> list[str]:
    frame = current()
    indexes = sorted(frame["period_index"].unique().tolist())
    return [str(Quarter.from_index(int(i))) for i in indexes]


def periods() -> list[str]:
    """Quarters that hold any figure, oldest first."""
    return _periods(resources.settings().database_url, version())


def default_as_of() -> str | None:
    """The last ended quarter (figures and verdicts are measured from it), once any
    figure exists."""
    return str(last_ended_quarter()) if periods() else None


@st.cache_data(max_entries=16, show_spinner=False)
def _ministry(url: str, key: Version, as_of: str | None) -> pd.DataFrame:
    ahead = built(key)
    if ahead is not None and ahead.ministry is not None and as_of == ahead.as_of:
        return ahead.ministry
    quarter = parse_quarter(as_of) if as_of else None
    root = registry().root.code
    owed = owed_by_direct_units(obligations(), registry(), root)
    return rollup_statuses(
        ministry_values(), resources.catalogue(), as_of=quarter, root=root, owed=owed
    )


def ministry(as_of: str | None) -> pd.DataFrame:
    """One status row per indicator for the whole ministry."""
    return _ministry(resources.settings().database_url, version(), as_of)


# A status per (indicator, unit) is tens of MB at national scale: one shared copy per
# quarter, never a pickled copy per call.
@st.cache_resource(max_entries=4, show_spinner=False)
def _unit_statuses(url: str, key: Version, as_of: str | None) -> pd.DataFrame:
    ahead = built(key)
    if ahead is not None and ahead.unit_statuses is not None and as_of == ahead.as_of:
        return ahead.unit_statuses
    quarter = parse_quarter(as_of) if as_of else None
    frame = statuses_in_parts(current(), resources.catalogue(), as_of=quarter)
    return held(frame.reset_index(drop=True))


def unit_statuses(as_of: str | None) -> pd.DataFrame:
    """One status row per (indicator, reporting unit) (read-only: shared by every session)."""
    return _unit_statuses(resources.settings().database_url, version(), as_of)


STATUS_KEY = ["indicator_code", "unit_code", "status"]


@st.cache_resource(max_entries=4, show_spinner=False)
def _unit_status_words(url: str, key: Version, as_of: str | None) -> pd.DataFrame:
    ahead = built(key)
    if ahead is not None and ahead.unit_statuses is not None and as_of == ahead.as_of:
        return ahead.unit_statuses[STATUS_KEY]
    quarter = parse_quarter(as_of) if as_of else None
    frame = statuses_in_parts(current(), resources.catalogue(), as_of=quarter)
    return frame[STATUS_KEY].reset_index(drop=True)  # a copy: the full rows are let go


def unit_status_words(as_of: str | None) -> pd.DataFrame:
    """Only the status of each (indicator, reporting unit), for a comparison with another
    quarter: a tenth of `unit_statuses` (48 MB at national scale) is held."""
    return _unit_status_words(resources.settings().database_url, version(), as_of)


def series(indicator: str, unit: str | None = None) -> pd.DataFrame:
    """Current values of one indicator: one unit, or every unit, by unit and quarter
    (read-only: a slice of the shared frame)."""
    start, stop = indicator_span(indicator)
    rows = current().iloc[start:stop]
    if unit is not None:
        rows = rows[rows["unit_code"] == unit]
    return rows.reset_index(drop=True)


REVISION_COLUMNS = [
    "period",
    "unit_code",
    "revision",
    "value",
    "numerator",
    "denominator",
    "note",
    "created_by",
    "created_at",
    "upload_id",
    "file_name",
]


@st.cache_data(max_entries=16, show_spinner=False)
def _history(
    url: str, key: Version, indicator: str, unit: str | None, limit: int
) -> tuple[pd.DataFrame, int]:
    store = resources.storage()
    rows = history_frame(store, indicator, unit, newest_first=True, limit=limit)
    # period_index rides along for the approval marks; the page shows REVISION_COLUMNS
    return rows[[*REVISION_COLUMNS, "period_index"]], figures.revision_count(store, indicator, unit)


def history(indicator: str, unit: str | None, limit: int) -> tuple[pd.DataFrame, int]:
    """The latest `limit` revisions (newest first) and how many there are in all."""
    return _history(resources.settings().database_url, version(), indicator, unit, limit)


@st.cache_data(max_entries=4, show_spinner=False)
def _first_submissions(url: str, key: Version, since_index: int | None) -> pd.DataFrame:
    return figures.first_submissions(resources.storage(), since_index)


def first_submissions(since: Quarter | None = None) -> pd.DataFrame:
    index = since.index if since else None
    return _first_submissions(resources.settings().database_url, version(), index)


def audit_log() -> pd.DataFrame:
    """Not cached: admins must see the latest entries."""
    return audit_frame(resources.storage())


def recent_uploads(limit: int = 50) -> pd.DataFrame:
    return figures.recent_uploads(resources.storage(), limit)


@st.cache_data(max_entries=4, show_spinner=False)
def _ministry_values(url: str, key: Version) -> pd.DataFrame:
    ahead = built(key)
    if ahead is not None:
        return ahead.ministry_values
    return rollup_by_indicator(current(), registry(), registry().root.code, obligations())


@st.cache_data(max_entries=4, show_spinner=False)
def _obligations(url: str, key: Version) -> list[Obligation]:
    ahead = built(key)
    return ahead.obligations if ahead else statuses.owed(resources.storage(), resources.catalogue())


def obligations() -> list[Obligation]:
    """Every reporting obligation in force: who a roll-up expects."""
    return _obligations(resources.settings().database_url, version())


def ministry_values() -> pd.DataFrame:
    """The whole ministry's series, every indicator, every quarter."""
    return _ministry_values(resources.settings().database_url, version())


@st.cache_data(max_entries=16, show_spinner=False)
def _trends(
    url: str, key: Version, unit: str | None, as_of: str | None, known_on: str | None = None
) -> dict[str, list[float]]:
    """Each indicator's line for the scope: the roll-up for the ministry or a parent (as its
    status), the unit's own values for a leaf; from the revisions known on a day if given."""
    known = known_on is not None and as_of is not None
    if unit is None and not known:
        series = ministry_values()  # the shared roll-up of every current value
    else:
        values = known_values(str(as_of), str(known_on)) if known else current()
        root = unit or registry().root.code
        if unit is None or is_parent(unit):
            scoped = values[values["unit_code"].isin([root, *registry().descendants(root)])]
            series = rollup_by_indicator(scoped, registry(), root, obligations())
        else:
            series = values[values["unit_code"] == unit]
    if as_of is not None:
        series = series[series["period_index"] <= parse_quarter(as_of).index]
    return {
        str(code): part.sort_values("period_index")["value"].tolist()
        for code, part in series.groupby("indicator_code")
    }


def trends(
    unit: str | None, as_of: str | None, known_on: str | None = None
) -> dict[str, list[float]]:
    """Each indicator's values up to `as_of`, oldest first (for sparklines); with
    `known_on`, as they were stored by the end of that day."""
    return _trends(resources.settings().database_url, version(), unit, as_of, known_on)


@st.cache_data(max_entries=4, show_spinner=False)
def _known_values(url: str, key: Version, as_of: str, known_on: str) -> pd.DataFrame:
    quarter, day = parse_quarter(as_of), dt.date.fromisoformat(known_on)
    return statuses.values_for(resources.storage(), quarter, known_on=day)


def known_values(as_of: str, known_on: str) -> pd.DataFrame:
    """Current values up to `as_of` as stored by the end of `known_on` (ISO day)."""
    return _known_values(resources.settings().database_url, version(), as_of, known_on)


@st.cache_data(max_entries=8, show_spinner=False)
def _scope_statuses(
    url: str, key: Version, unit: str | None, as_of: str | None, known_on: str | None
) -> pd.DataFrame:
    return statuses.statuses_for(
        resources.storage(),
        resources.catalogue(),
        unit or registry().root.code,
        as_of=parse_quarter(as_of) if as_of else None,
        known_on=dt.date.fromisoformat(known_on) if known_on else None,
    )


def scope_statuses(
    unit: str | None, as_of: str | None, known_on: str | None = None
) -> pd.DataFrame:
    """The statuses of the ministry or one unit by the service of `kpi status` (a parent
    gets its roll-up), optionally as they were known at the end of a day."""
    url = resources.settings().database_url
    return _scope_statuses(url, version(), unit, as_of, known_on)


def is_parent(unit: str | None) -> bool:
    return unit is not None and bool(registry().children(unit))


@st.cache_data(max_entries=4, show_spinner=False)
def _reporting_units(url: str, key: Version) -> list[str]:
    tree, root = registry(), registry().root.code
    found = {str(u) for u in current()["unit_code"].unique()}
    for code in list(found):  # the parents in between, judged on their roll-up
        unit = tree.get(code)
        while unit is not None and unit.parent not in (None, root):
            found.add(unit.parent)
            unit = tree.get(unit.parent)
    return sorted(found - {root})


def reporting_units() -> list[str]:
    """Units with any figure, and the parents between them and the ministry, sorted."""
    return _reporting_units(resources.settings().database_url, version())


@st.cache_resource(max_entries=2, show_spinner=False)
def _unit_labels(url: str, key: Version, lang: str) -> dict[str, str]:
    return {
        unit.code: formatting.unit_label(unit.code, unit_name(unit, lang)) for unit in registry()
    }


def unit_labels(lang: str | None = None) -> dict[str, str]:
    """code -> 'VPB · Văn phòng Bộ' for every unit, in `lang` (None: the reader's), read-only
    and shared. Plain text: show it only with widgets that do not render markdown."""
    return _unit_labels(resources.settings().database_url, version(), lang or _reader_lang())


def unit_label(code: str, lang: str | None = None) -> str:
    return unit_labels(lang).get(code, code)


def _reader_lang() -> str:
    from dashboard import ui  # ui reaches this module lazily too: no import cycle

    return ui.lang()


# ---- the reporting cycle (kpi.services.submissions and kpi.services.cycle) -------------


@st.cache_data(max_entries=8, show_spinner=False)
def _completeness(url: str, key: Version, count: int, today: str) -> pd.DataFrame:
    quarters = submissions.recent_quarters(count, dt.date.fromisoformat(today))
    return submissions.completeness(
        resources.storage(),
        resources.catalogue(),
        resources.settings(),
        quarters,
        today=dt.date.fromisoformat(today),
    )


def completeness(count: int, today: dt.date | None = None) -> pd.DataFrame:
    """One row per obligation and quarter for the last `count` quarters (the same service
    as `kpi submissions`)."""
    day = (today or local_today()).isoformat()
    return _completeness(resources.settings().database_url, version(), count, day)


def scope_codes(unit: str) -> list[str]:
    """The unit and every unit below it."""
    return [unit, *registry().descendants(unit)]
