"""Look at the bytes before parsing: what the file really is, and whether it is safe."""

from __future__ import annotations

import io
import zipfile
from enum import StrEnum

from kpi.problems import FileRejected, Problem

MAX_EXPANDED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class Kind(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    XLS = "xls"
    ODS = "ods"


def _check_zip(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise FileRejected(Problem("broken_workbook", params={"why": str(exc)})) from exc
    expanded = sum(info.file_size for info in archive.infolist())
    if expanded > MAX_EXPANDED_BYTES or expanded > MAX_RATIO * max(len(data), 1) * 10:
        raise FileRejected(Problem("zip_bomb", params={"size_mb": expanded // 2**20}))
    return archive


def detect(data: bytes) -> Kind:
    """The format by content, whatever the file name says."""
    if not data.strip():
        raise FileRejected(Problem("empty_file"))
    if data.startswith(b"PK\x03\x04"):
        archive = _check_zip(data)
        names = set(archive.namelist())
        if "mimetype" in names and b"spreadsheet" in archive.read("mimetype"):
            return Kind.ODS
        content_types = (
            archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        )
        if b"macroEnabled" in content_types or any(n.endswith("vbaProject.bin") for n in names):
            raise FileRejected(Problem("macro_file"))
        if "xl/workbook.xml" in names:
            return Kind.XLSX
        raise FileRejected(Problem("not_a_table"))
    if data.startswith(OLE_MAGIC):
        return Kind.XLS
    if b"\x00" in data[:4096]:
        raise FileRejected(Problem("not_a_table"))
    return Kind.CSV
