"""Look at the bytes before parsing: what the file really is, and whether it is safe."""

from __future__ import annotations

import io
import re
import zipfile
from enum import StrEnum

from kpi.problems import FileRejected, Problem
from loaders.limits import Limits

MAX_EXPANDED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# an encrypted .xlsx is an OLE file holding these streams (names in UTF-16)
ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))


class Kind(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    XLS = "xls"
    ODS = "ods"


def _check_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise FileRejected(Problem("broken_workbook")) from exc
    infos = archive.infolist()
    expanded = sum(info.file_size for info in infos)
    biggest = max((info.file_size for info in infos), default=0)
    if (
        expanded > MAX_EXPANDED_BYTES
        or expanded > MAX_RATIO * max(len(data), 1) * 10
        or biggest > limits.max_member_bytes
    ):
        raise FileRejected(Problem("zip_bomb", params={"size_mb": expanded // 2**20}))
    return archive


def _mimetype(archive: zipfile.ZipFile) -> bytes:
    try:
        with archive.open("mimetype") as member:
            return member.read(256)
    except Exception as exc:  # a corrupt part: the file is damaged
        raise FileRejected(Problem("broken_workbook")) from exc


def detect(data: bytes, limits: Limits | None = None) -> Kind:
    """The format by content, whatever the file name says."""
    limits = limits or Limits()
    if _BLANK.match(data):  # as `not data.strip()`, without copying the file
        raise FileRejected(Problem("empty_file"))
    if data.startswith(b"PK\x03\x04"):
        archive = _check_zip(data, limits)
        names = set(archive.namelist())
        if "mimetype" in names and b"spreadsheet" in _mimetype(archive):
            return Kind.ODS
        content_types = b""
        if "[Content_Types].xml" in names:
            try:
                with archive.open("[Content_Types].xml") as member:
                    content_types = member.read(1 << 20)
            except Exception as exc:  # a corrupt part: the file is damaged
                raise FileRejected(Problem("broken_workbook")) from exc
        if b"macroEnabled" in content_types or any(n.endswith("vbaProject.bin") for n in names):
            raise FileRejected(Problem("macro_file"))
        if "xl/workbook.xml" in names:
            return Kind.XLSX
        raise FileRejected(Problem("not_a_table"))
    if data.startswith(OLE_MAGIC):
        if any(stream in data for stream in ENCRYPTED_STREAMS):
            raise FileRejected(Problem("encrypted_file"))
        return Kind.XLS
    if _looks_binary(data[:4096]):
        raise FileRejected(Problem("not_a_table"))
    return Kind.CSV


_BLANK = re.compile(rb"[ \t\n\r\x0b\x0c]*\Z")
CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r")


def _looks_binary(head: bytes) -> bool:
    """Binary or UTF-16: many NULs, or NULs among many control bytes. A stray NUL in a
    note is a cell problem; legacy Vietnamese encodings use some control bytes but no NUL."""
    nuls = head.count(b"\x00")
    if nuls > 8:
        return True
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    return nuls > 0 and controls > len(head) // 20
