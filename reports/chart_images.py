"""The trajectory chart as an image to file or forward: PNG and SVG through vl-convert.

The dashboard's chart (reports.charts; here its spec written without Altair,
reports.trajectory), in a frame that says what it shows (reports.chart_frame), every
text in the DejaVu Sans of reports/fonts, so every
Vietnamese glyph renders and the image carries one font. The size fits an A4 page:
about 680 px wide, written at 180 dpi, is 17 cm.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import pandas as pd
import vl_convert as vlc

from kpi.catalogue import Catalogue, Indicator
from reports.chart_frame import FONT, ChartFacts, framed, scope_name
from reports.fonts import dejavu
from reports.model import IndicatorRow, Report
from reports.pdf_images import PREPARER, prepare
from reports.svg_fonts import embed_font
from reports.trajectory import trajectory_data, trajectory_spec

if TYPE_CHECKING:
    from reports.chart_cache import ChartCache


class Drawer(Protocol):
    """What draws PNGs of specs, in order (reports.chart_workers.ChartWorkers)."""

    def draw(self, specs: Sequence[str]) -> Iterator[bytes]: ...


@runtime_checkable
class PdfDrawer(Drawer, Protocol):
    """A drawer that also prepares each PNG's image for the PDF (reports.pdf_images)."""

    def draw_for_pdf(self, specs: Sequence[str]) -> Iterator[tuple[bytes, bytes | None]]: ...


PDF_IMAGE = "pdfimage"  # the chart cache's name for a PNG's prepared PDF image


def _pdf_key(spec: str) -> str:
    """A prepared image's name in the chart cache: its spec and what prepared it."""
    return f"{PREPARER}|{spec}"


def _drawn_here(spec: str) -> tuple[bytes, bytes | None]:
    png = spec_to_png(spec)
    return png, prepare(png)


def _drawn(drawer: Drawer | None, specs: list[str]) -> Iterator[tuple[bytes, bytes | None]]:
    """Each PNG with its prepared PDF image (None when the drawer does not make one)."""
    if drawer is None:
        return map(_drawn_here, specs)
    if isinstance(drawer, PdfDrawer):
        return drawer.draw_for_pdf(specs)
    return ((png, None) for png in drawer.draw(specs))


CHART_FONT = FONT
PLOT_WIDTH = 600  # with the y axis and the padding the image is about 680 px wide
PAGE_HEIGHT, REPORT_HEIGHT = 300, 220
PPI = 180
SCALE = 0.72  # 672 px x 0.72 x 180/72 = 1210 px: 17 cm at 180 dpi


@cache
def _register_fonts() -> None:
    vlc.register_font_directory(str(dejavu().regular.parent))


FONT_KEYS = {"font", "labelFont", "titleFont", "subtitleFont"}


def _swap_fonts(node: Any) -> None:
    """Replace every font named anywhere in the spec (marks may set their own)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in FONT_KEYS and isinstance(value, str):
                node[key] = CHART_FONT
            else:
                _swap_fonts(value)
    elif isinstance(node, list):
        for item in node:
            _swap_fonts(item)


def _legends_in_a_row(node: Any) -> None:
    """A page is wide: the legend's entries side by side (the dashboard stacks them)."""
    if isinstance(node, dict):
        legend = node.get("legend")
        if isinstance(legend, dict):
            legend.pop("columns", None)
            legend["direction"] = "horizontal"
        for value in node.values():
            _legends_in_a_row(value)
    elif isinstance(node, list):
        for item in node:
            _legends_in_a_row(item)


def _with_report_fonts(spec: dict[str, Any]) -> dict[str, Any]:
    """Every text of the chart in DejaVu Sans, and legend labels never cut short."""
    _swap_fonts(spec)
    config = spec.setdefault("config", {})
    config["font"] = CHART_FONT
    for part in ("axis", "legend", "header"):
        config.setdefault(part, {}).update(labelFont=CHART_FONT, titleFont=CHART_FONT)
    for part in ("title", "text", "mark"):
        config.setdefault(part, {})["font"] = CHART_FONT
    config["legend"]["labelLimit"] = 0
    return spec


def publication_spec(
    data: pd.DataFrame, indicator: Indicator, facts: ChartFacts, height: int = PAGE_HEIGHT
) -> str:
    """The framed chart of `data` (from reports.charts.trajectory_data) as Vega-Lite JSON."""
    chart = trajectory_spec(data, indicator, facts.lang, height=height, width=PLOT_WIDTH)
    spec = _with_report_fonts(chart)
    _legends_in_a_row(spec)
    band = bool(data["low"].notna().any()) if "low" in data else False
    return json.dumps(framed(spec, facts, PLOT_WIDTH, band), ensure_ascii=False)


def spec_to_png(spec: str) -> bytes:
    """PNG at 180 dpi (the file says so), so a word processor places it at its size."""
    _register_fonts()
    return bytes(vlc.vegalite_to_png(spec, scale=SCALE, ppi=PPI))


def spec_to_svg(spec: str) -> bytes:
    """SVG with the glyphs it uses embedded as a web font."""
    _register_fonts()
    return embed_font(vlc.vegalite_to_svg(spec)).encode("utf-8")


def _status_dict(row: IndicatorRow) -> dict[str, Any]:
    """What the chart needs, the status' own fit included (so it ends on the printed figures)."""
    return {
        "status": row.status.value,
        "baseline_period": row.baseline_period,
        "baseline_value": row.baseline_value,
        "observed_pace_pp_per_year": row.observed_pace_pp_per_year,
        "latest_period": row.end_period,
        "latest_value": row.end_value,
        **dict(row.fit),
    }


def report_facts(report: Report, indicator: Indicator) -> ChartFacts:
    return ChartFacts(
        code=indicator.code,
        name=indicator.name(report.lang),
        target_year=indicator.target_period.year,
        scope=scope_name(None if report.is_root else report.unit_name, report.lang),
        as_of=report.as_of,
        made_on=report.made_on,
        demo=report.is_demo,
        lang=report.lang,
    )


def chart_spec(
    series: pd.DataFrame, row: IndicatorRow, report: Report, catalogue: Catalogue
) -> str | None:
    """One indicator's framed Vega-Lite spec (JSON); None when there is nothing to draw."""
    if series.empty:
        return None
    indicator = catalogue[row.code]
    data = trajectory_data(series, _status_dict(row), indicator, report.lang)
    return publication_spec(data, indicator, report_facts(report, indicator), REPORT_HEIGHT)


def runtime_started() -> bool:
    """Whether vl-convert's runtime runs in this process (a fork would not carry it)."""
    return _register_fonts.cache_info().currsize > 0


def drawer() -> str:
    """What turns a spec into the report's PNG: the chart cache's part of every name."""
    fonts = dejavu()
    sizes = ",".join(str(p.stat().st_size) for p in (fonts.regular, fonts.bold))
    return f"vl-convert {getattr(vlc, '__version__', '?')}|scale {SCALE}|ppi {PPI}|DejaVu {sizes}"


def report_specs(report: Report, series: pd.DataFrame, catalogue: Catalogue) -> dict[str, str]:
    """{indicator code: framed spec} for every indicator of the report that has figures.

    `series` holds the report unit's quarterly values (indicator_code, period_index, value).
    """
    codes = series["indicator_code"].to_numpy(dtype=object)
    specs = {}
    for row in report.rows:
        part = series[codes == row.code][["period_index", "value"]]
        spec = chart_spec(part.reset_index(drop=True), row, report, catalogue)
        if spec is not None:
            specs[row.code] = spec
    return specs


class Charts(Mapping[str, bytes]):
    """{indicator code: PNG}, each image ready when first asked for: the cached ones at
    once, the others as the drawer finishes them in order, so a writer lays out the pages
    before the charts while they are drawn. Drawn images go into the cache."""

    def __init__(
        self, specs: dict[str, str], drawer: Drawer | None, cache: ChartCache | None
    ) -> None:
        self.specs, self.cache = specs, cache
        self.images = {c: cache.get(s, "png") for c, s in specs.items()} if cache else {}
        self.missing = [code for code in specs if self.images.get(code) is None]
        self.prepared: dict[str, bytes | None] = {}
        if cache is not None:
            kept = (c for c in specs if c not in self.missing)
            self.prepared = {c: cache.get(_pdf_key(specs[c]), PDF_IMAGE) for c in kept}
        self.drawn = _drawn(drawer, [specs[code] for code in self.missing])

    def __getitem__(self, code: str) -> bytes:
        if code not in self.specs:
            raise KeyError(code)
        while (image := self.images.get(code)) is None:
            self._next()
        return image

    def pdf_image(self, code: str) -> bytes | None:
        """The chart's image prepared for the PDF, if its drawer made one (ask for the
        chart first)."""
        return self.prepared.get(code)

    def _next(self) -> None:
        code = self.missing.pop(0)
        image, prepared = next(self.drawn)
        self.images[code], self.prepared[code] = image, prepared
        if self.cache is not None:
            self.cache.put(self.specs[code], "png", image)
            if prepared is not None:
                self.cache.put(_pdf_key(self.specs[code]), PDF_IMAGE, prepared)
            if not self.missing:
                self.cache.prune()

    def __iter__(self) -> Iterator[str]:
        return iter(self.specs)

    def __len__(self) -> int:
        return len(self.specs)


def stream_charts(
    report: Report,
    series: pd.DataFrame,
    catalogue: Catalogue,
    *,
    workers: Drawer | None = None,
    cache: ChartCache | None = None,
) -> Charts:
    """The report's charts (every indicator that has figures), drawing from now on: from
    the cache when the same chart was drawn before, else by the workers (or here)."""
    return Charts(report_specs(report, series, catalogue), workers, cache)


def render_charts(
    report: Report,
    series: pd.DataFrame,
    catalogue: Catalogue,
    *,
    workers: Drawer | None = None,
    cache: ChartCache | None = None,
) -> dict[str, bytes]:
    """{indicator code: PNG} for every indicator of the report that has figures."""
    return dict(stream_charts(report, series, catalogue, workers=workers, cache=cache))
