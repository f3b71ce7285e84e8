"""One streaming pass over an .ods sheet's XML: where content really is (repeat
attributes can place a cell far away or repeat it millions of times), which cells
are percentages, and the text each number cell shows (.ods stores it)."""

from __future__ import annotations

import xml.parsers.expat
from dataclasses import dataclass, field

from loaders.limits import Limits, too_big
from loaders.zip_guard import column_letters

TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
SEP = "|"


@dataclass
class SheetFormats:
    percent: set[tuple[int, int]] = field(default_factory=set)
    display: dict[tuple[int, int], str] = field(default_factory=dict)


@dataclass
class _State:
    limits: Limits
    sheets: dict[str, SheetFormats] = field(default_factory=dict)
    sheet: str = ""
    row: int = 0
    column: int = 0
    rows_repeated: int = 1
    cell: tuple[int, str] | None = None  # (columns repeated, value type)
    text: list[str] = field(default_factory=list)
    content_cells: int = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit(SEP, 1)[-1]
        if name == f"{TABLE_NS}{SEP}table":
            self.sheet = attrs.get(f"{TABLE_NS}{SEP}name", "")
            self.sheets[self.sheet] = SheetFormats()
            self.row = 0
        elif name == f"{TABLE_NS}{SEP}table-row":
            self.rows_repeated = int(attrs.get(f"{TABLE_NS}{SEP}number-rows-repeated", "1"))
            self.column = 0
        elif local in {"table-cell", "covered-table-cell"} and name.startswith(TABLE_NS):
            repeated = int(attrs.get(f"{TABLE_NS}{SEP}number-columns-repeated", "1"))
            self.cell = (repeated, attrs.get(f"{OFFICE_NS}{SEP}value-type", ""))
            self.text = []

    def chars(self, data: str) -> None:
        if self.cell is not None and len(self.text) < 64:
            self.text.append(data)

    def end(self, name: str) -> None:
        local = name.rsplit(SEP, 1)[-1]
        if name == f"{TABLE_NS}{SEP}table-row":
            self.row += self.rows_repeated
        elif local in {"table-cell", "covered-table-cell"} and self.cell is not None:
            repeated, kind = self.cell
            if kind or "".join(self.text).strip():
                self._content(repeated, kind)
            self.column += repeated
            self.cell = None

    def _content(self, repeated: int, kind: str) -> None:
        last_row, last_column = self.row + self.rows_repeated, self.column + repeated
        self.content_cells += self.rows_repeated * repeated
        limits = self.limits
        if (
            last_column > limits.max_columns
            or last_row > limits.max_lines
            or self.content_cells > limits.max_cells
        ):
            raise too_big(
                "sheet_too_large",
                sheet=self.sheet,
                cell=f"{column_letters(last_column)}{last_row}",
                rows=limits.max_lines,
                columns=limits.max_columns,
            )
        formats = self.sheets[self.sheet]
        shown = "".join(self.text).strip()
        for r in range(self.row, last_row):
            for c in range(self.column, last_column):
                if kind == "percentage":
                    formats.percent.add((r, c))
                elif kind == "float" and shown:
                    formats.display[(r, c)] = shown


def scan_ods(content_xml: bytes, limits: Limits) -> dict[str, SheetFormats]:
    state = _State(limits)
    parser = xml.parsers.expat.ParserCreate(namespace_separator=SEP)
    parser.StartElementHandler = state.start
    parser.EndElementHandler = state.end
    parser.CharacterDataHandler = state.chars
    parser.Parse(content_xml, True)
    return state.sheets
