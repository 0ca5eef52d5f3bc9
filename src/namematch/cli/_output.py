"""Writing the command line's results (part of :mod:`namematch.cli`): aligned tables, JSON lines
or CSV, with cells a spreadsheet would run as formulas escaped and control characters shown.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any

#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(value: Any) -> Any:
    """A text cell starting like a formula, prefixed with ``'`` so spreadsheets show it as
    text (OWASP's advice; the csv module quotes it as needed). Numbers are left alone."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _table_safe(text: str) -> str:
    """Control characters (terminal escape sequences from untrusted text) made visible."""
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", lambda m: m.group().encode("unicode_escape").decode(), text)


class Out:
    """Writes rows as a table, JSON lines or CSV."""

    def __init__(self, fmt: str, columns: Sequence[str]):
        self.fmt, self.columns = fmt, list(columns)
        self.rows: list[dict[str, Any]] = []
        self._csv: Any = None
        if fmt == "csv":
            self._csv = csv.writer(sys.stdout)  # RFC 4180: CRLF rows; cells holding CR or LF are quoted
            self._csv.writerow([_csv_safe(c) for c in self.columns])

    def row(self, **values: Any) -> None:
        if self.fmt == "jsonl":
            print(json.dumps(values, ensure_ascii=False, default=str))
        elif self._csv is not None:
            self._csv.writerow([_csv_safe(_csv_cell(values.get(c))) for c in self.columns])
        else:
            self.rows.append(values)

    def close(self) -> None:
        if self.fmt != "table" or not self.rows:
            return
        cells = [[_table_safe(_cell(r.get(c, ""))) for c in self.columns] for r in self.rows]
        widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(self.columns)]
        print("  ".join(c.ljust(w) for c, w in zip(self.columns, widths)).rstrip())
        for row in cells:
            print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())


def _csv_cell(v: Any) -> Any:
    if isinstance(v, list | tuple):
        return "|".join(map(str, v))
    if isinstance(v, Mapping):
        return json.dumps(dict(v), ensure_ascii=False, sort_keys=True, default=str) if v else ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return "" if v is None else v


def _cell(v: Any) -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:.3f}"
    if isinstance(v, list | tuple):
        return " | ".join(map(str, v))
    if isinstance(v, Mapping):
        return "; ".join(f"{k}={x}" for k, x in v.items())
    return "" if v is None else str(v)


def person_attributes(person: Any) -> dict[str, Any]:
    return dict(person.attributes) if person is not None else {}
