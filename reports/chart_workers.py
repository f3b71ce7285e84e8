"""Chart rasterising in worker processes, started before the report is built.

vl-convert holds the interpreter lock and draws one chart at a time in a process, and
its runtime takes about half a second to start. Workers forked at the start of
`kpi report` warm it up while the report is read from the database, then draw the
charts side by side on the machine's cores while this process goes on.

Forked before this process loads vl-convert (its runtime's threads do not survive a
fork), so they start without importing anything again.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

WARM_UP = (
    '{"data":{"values":[{"a":1}]},"mark":{"type":"text","font":"DejaVu Sans"},'
    '"encoding":{"text":{"field":"a","type":"nominal"}}}'
)


def _warm_up() -> None:
    from reports.chart_images import spec_to_png

    spec_to_png(WARM_UP)


def _draw(spec: str) -> bytes:
    from reports.chart_images import spec_to_png

    return spec_to_png(spec)


def _draw_for_pdf(spec: str) -> tuple[bytes, bytes | None]:
    """The PNG and the image the PDF makes of it (reports.pdf_images), both here."""
    from reports.pdf_images import prepare

    png = _draw(spec)
    return png, prepare(png)


class ChartWorkers:
    """A pool of chart workers; `close()` (or `with`) ends them."""

    def __init__(self, count: int | None = None) -> None:
        count = count or min(2, os.cpu_count() or 1)
        self.pool: Executor | None = None
        from reports.chart_images import runtime_started

        if runtime_started():
            log.debug("vl-convert already runs here: charts drawn in this process")
            return
        context = multiprocessing.get_context("fork")
        self.pool = ProcessPoolExecutor(count, mp_context=context, initializer=_warm_up)
        self.pool.submit(int)  # fork the workers now: they warm up while the report is built

    def draw(self, specs: Sequence[str]) -> Iterator[bytes]:
        """PNGs of `specs`, in order, each as soon as it is drawn (all are handed to the
        workers now; drawn here when there are none, or they died)."""
        return self._run(_draw, specs)

    def draw_for_pdf(self, specs: Sequence[str]) -> Iterator[tuple[bytes, bytes | None]]:
        """`draw`, each PNG with its image prepared for the PDF (reports.pdf_images)."""
        return self._run(_draw_for_pdf, specs)

    def _run(self, work: Callable[[str], T], specs: Sequence[str]) -> Iterator[T]:
        if self.pool is None:
            return map(work, specs)
        return self._collect(work, self.pool.map(work, specs), specs)

    def _collect(
        self, work: Callable[[str], T], drawn: Iterator[T], specs: Sequence[str]
    ) -> Iterator[T]:
        done = 0
        try:
            for image in drawn:
                done += 1
                yield image
        except BrokenProcessPool as exc:
            log.warning("chart workers stopped (%s): charts drawn in this process", exc)
            self.close()
        yield from map(work, specs[done:])

    def stop(self) -> None:
        """End the workers now, mid warm-up (every chart came from the cache): a second of
        CPU not spent starting vl-convert twice. `draw` then draws in this process."""
        if self.pool is None:
            return
        # ProcessPoolExecutor ends its workers only after their work (3.14 adds a way)
        processes = getattr(self.pool, "_processes", None) or {}
        for process in list(processes.values()):
            process.terminate()
        self.close()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def __enter__(self) -> ChartWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
