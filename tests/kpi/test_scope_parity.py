"""The one-pass roll-up of every parent equals one `rollup` per parent, on random trees.

Trees of up to ten units; figures at any level (a parent's own figure hides its
children's sum), with counts or a value only, in any row order; obligations with and
without first and last quarters. Compared: each root's series (`rollup_many` against
`rollup`), and `kpi status --unit all` (`every_scope` against the per-parent loop it
replaced), frame and JSON.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi.catalogue import load_catalogue
from kpi.obligations import Obligation
from kpi.periods import Quarter
from kpi.progress import compute_statuses, rollup, status_json
from kpi.progress.scopes import rollup_many
from kpi.services.statuses import every_scope, is_rollup, scope_of, unit_statuses
from kpi.units import Unit, UnitRegistry

CATALOGUE = load_catalogue()
FIRST = Quarter(2024, 3)
QUARTERS = 7
AS_OF = FIRST + (QUARTERS - 1)
Case = tuple[UnitRegistry, pd.DataFrame, list[Obligation]]


@st.composite
def cases(draw: st.DrawFn) -> Case:
    size = draw(st.integers(1, 9))
    parents = [draw(st.integers(0, n)) for n in range(size)]  # unit n+1 under an earlier one
    codes = ["BNV", *[f"U{n}" for n in range(1, size + 1)]]
    units = [Unit("BNV", "Bộ", None)]
    units += [Unit(codes[n + 1], codes[n + 1], codes[p]) for n, p in enumerate(parents)]
    rows = []
    for code in codes:
        for indicator in ("1.1", "1.3"):
            share = draw(st.integers(5, 60))
            for q in range(QUARTERS):
                if not draw(st.integers(0, 3)):  # about one figure in four is absent
                    continue
                den = float(draw(st.integers(1, 400)))
                num = float(min(den, round(den * (share + draw(st.integers(-3, 6)) * q) / 100)))
                counts = draw(st.integers(0, 4)) > 0
                value = round(100 * max(num, 0) / den, 2)
                rows.append(
                    (indicator, code, (FIRST + q).index, value)
                    + ((max(num, 0), den) if counts else (None, None))
                )
    frame = pd.DataFrame(
        rows,
        columns=[
            "indicator_code",
            "unit_code",
            "period_index",
            "value",
            "numerator",
            "denominator",
        ],
    ).astype({"numerator": "float64", "denominator": "float64"})
    frame = frame.sample(frac=1, random_state=draw(st.integers(0, 99))).reset_index(drop=True)
    frame["period"] = [str(Quarter.from_index(int(i))) for i in frame["period_index"]]
    owed = draw(st.lists(st.tuples(st.sampled_from(codes), st.sampled_from(["1.1", "1.3"]))))
    bounds = st.none() | st.integers(0, QUARTERS).map(lambda q: FIRST + q)
    obligations = [Obligation(u, i, draw(bounds), draw(bounds)) for u, i in sorted(set(owed))]
    return UnitRegistry(units), frame, obligations


def parents_of(registry: UnitRegistry) -> list[str]:
    codes = [u.code for u in registry if is_rollup(registry, u)]
    return sorted(codes, key=lambda c: (c != registry.root.code, c))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.booleans())
def test_one_pass_equals_a_rollup_per_root(case: Case, as_category: bool) -> None:
    registry, frame, obligations = case
    given_frame = frame.astype({"unit_code": "category"}) if as_category else frame
    roots = parents_of(registry)
    many = rollup_many(given_frame, registry, roots, obligations)
    for root in roots:
        scoped = frame[frame["unit_code"].isin(scope_of(registry, registry.get(root)))]
        expected = rollup(scoped, registry, root, obligations)
        got = many[many["unit_code"] == root].reset_index(drop=True)
        pd.testing.assert_frame_equal(got, expected, check_dtype=False, check_index_type=False)
    assert set(many["unit_code"]) <= set(roots)


def per_parent(
    registry: UnitRegistry, frame: pd.DataFrame, obligations: list[Obligation]
) -> pd.DataFrame:
    """`every_scope` as it was: one roll-up per parent, then the leaves."""
    parents = [u for c in parents_of(registry) if (u := registry.get(c))]
    parts = [
        unit_statuses(frame, CATALOGUE, registry, u, as_of=AS_OF, obligations=obligations)
        for u in parents
    ]
    leaves = frame[~frame["unit_code"].isin([u.code for u in parents])]
    parts.append(compute_statuses(leaves, CATALOGUE, as_of=AS_OF))
    parts = [p for p in parts if not p.empty]
    return pd.concat(parts, ignore_index=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_every_scope_equals_one_rollup_per_parent(case: Case) -> None:
    registry, frame, obligations = case
    got = every_scope(frame, CATALOGUE, registry, as_of=AS_OF, obligations=obligations)
    expected = per_parent(registry, frame, obligations)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    assert status_json(got) == status_json(expected)
