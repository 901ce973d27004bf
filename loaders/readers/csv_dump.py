r"""Reader for the WikiLeaks ``cables.csv`` dump: no header row, every field double
quoted, a quote inside a field escaped with a backslash, raw newlines inside fields.
Columns: sequence number, date (``M/D/YYYY H:MM``), reference id, origin office,
classification, referenced ids joined by ``|``, header, body. Rows are streamed.

>>> import io
>>> rows = list(iter_csv_rows(io.StringIO(EXAMPLE), "cables.csv"))
>>> source, raw = rows[0]
>>> source, raw.id, raw.created, raw.cited_ids, raw.body
('cables.csv:row 1', '08STATE68633', '6/26/2008 13:10', ('08TOKYO1464',), 'said "yes"\nRICE')
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from typing import TextIO

from loaders.readers.raw import RawCable, ReadError

EXAMPLE = (
    '"1","6/26/2008 13:10","08STATE68633","Secretary of State","CONFIDENTIAL",'
    '"08TOKYO1464","O 261310Z JUN 08","said \\"yes\\"\nRICE"\n'
)
COLUMNS = 8
_CSV_START_RE = re.compile(rb'^\s*"\d+","\d{1,2}/\d{1,2}/\d{4}')

#: No real cable comes near this; a field that does is an unbalanced quote swallowing
#: the rest of the file, which must not eat the memory of a 1.7 GB dump.
MAX_FIELD = 32 * 1024 * 1024
csv.field_size_limit(MAX_FIELD)


def looks_like_csv_dump(head: bytes) -> bool:
    """True when the bytes start like a ``cables.csv`` row.

    >>> looks_like_csv_dump(b'"1","12/28/1966 18:48","66BUENOSAIRES2481"')
    True
    """
    return bool(_CSV_START_RE.match(head))


def row_to_raw(row: list[str], source: str) -> RawCable:
    """One CSV row as a :class:`RawCable`; :class:`ReadError` when it has the wrong shape."""
    if len(row) != COLUMNS:
        raise ReadError(f"expected {COLUMNS} fields, got {len(row)}")
    _seq, created, ref_id, office, marking, cited, header, body = row
    if not ref_id.strip():
        raise ReadError("empty reference id")
    return RawCable(
        source=source,
        id=ref_id.strip(),
        created=created.strip() or None,
        marking=marking.strip() or None,
        office=office.strip() or None,
        header=header,
        body=body,
        cited_ids=tuple(c.strip() for c in cited.split("|") if c.strip()),
    )


def iter_csv_rows(stream: TextIO, source: str) -> Iterator[tuple[str, RawCable | ReadError]]:
    """Each row of the dump as ``(path:row N, RawCable or ReadError)``; reading goes on
    after a bad row (wrong shape, oversized field) with the next line."""
    reader = csv.reader(stream, quotechar='"', escapechar="\\", doublequote=False, strict=False)
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # the reader resumes at the next line
            yield f"{source}:row {number}", ReadError(f"bad CSV row: {error}")
            continue
        if not row or row == [""]:
            continue
        row_source = f"{source}:row {number}"
        try:
            yield row_source, row_to_raw(row, row_source)
        except ReadError as error:
            yield row_source, error
