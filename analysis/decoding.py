"""Turn the bytes of a text file into a str, or say clearly why not.

Real corpora mix UTF-8 (with and without a byte-order mark), UTF-16 saved by
Windows tools, and cp1252 from older sites. Undecodable or binary input is a
reject with a reason, never a crash or silent mojibake.

>>> decode_bytes("café".encode("cp1252"))
('café', 'cp1252')
>>> decode_bytes(b"\\xef\\xbb\\xbfhi")
('hi', 'utf-8-sig')
"""
from __future__ import annotations

import codecs
import re

from .errors import RecordError

# cp1252 leaves these five bytes undefined; text that contains them is not cp1252.
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
# A well-formed multi-byte UTF-8 sequence: its presence next to invalid bytes
# means "broken UTF-8", not "some other single-byte encoding".
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f]")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return (text, encoding name) or raise RecordError.

    >>> decode_bytes("é".encode("utf-16"))[0]
    'é'
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", "utf-16")
    if _looks_binary(data):
        raise RecordError("binary data, not text (it contains NUL or many control bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data) or _CP1252_UNDEFINED.search(data):
            raise RecordError(
                f"invalid UTF-8 at byte {exc.start} ({data[exc.start:exc.start + 4]!r}); "
                "the file mixes encodings or is damaged: re-save it as UTF-8"
            ) from None
    return data.decode("cp1252"), "cp1252"


def _strict(data: bytes, codec: str, name: str) -> tuple[str, str]:
    try:
        return data.decode(codec), name
    except UnicodeDecodeError as exc:
        raise RecordError(
            f"starts with a {name} byte-order mark but byte {exc.start} is not valid {name}"
        ) from None


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > len(head) // 100 + 2
