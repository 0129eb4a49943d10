"""The Parquet writer of the raw extracts, and the injection of malformed
rows (logged so the warehouse's quarantine can be checked).

Each table is written to its contract in the registry
(:class:`datafirst.registry.TableSpec`): its columns in the source system's
own names and types; a column's role says which malformations it may
receive.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from datafirst.registry import Column, TableSpec

ARROW_TYPES = {
    "string": pa.string(),
    "int64": pa.int64(),
    "int32": pa.int32(),
    "float64": pa.float64(),
    "decimal": pa.decimal128(12, 2),
    "date": pa.date32(),
    "timestamp": pa.timestamp("ms"),
    "bool": pa.bool_(),
}

MALFORMATIONS = (
    "null_key",
    "duplicate_key",
    "unparseable_date",
    "impossible_date",
    "negative_length",
    "unknown_code",
    "garbled_text",
)


@dataclass
class TruthLog:
    """Accumulates ground-truth rows in memory and writes them at the end."""

    tables: dict[str, dict[str, list[np.ndarray]]] = field(default_factory=dict)

    def add(self, name: str, **columns: np.ndarray | object) -> None:
        lengths = {len(v) for v in columns.values() if isinstance(v, np.ndarray)}
        n = lengths.pop() if lengths else 1
        store = self.tables.setdefault(name, {})
        for col, value in columns.items():
            arr = value if isinstance(value, np.ndarray) else np.full(n, value, dtype=object)
            store.setdefault(col, []).append(arr)

    def write(self, folder: Path) -> dict[str, int]:
        folder.mkdir(parents=True, exist_ok=True)
        counts = {}
        for name, cols in sorted(self.tables.items()):
            arrays = {c: np.concatenate(parts) for c, parts in cols.items()}
            for c, a in arrays.items():
                if a.dtype == object:
                    arrays[c] = np.array(
                        [v if v is None or isinstance(v, str) else str(v) for v in a],
                        dtype=object,
                    )
            table = pa.table({c: _to_arrow(a) for c, a in arrays.items()})
            pq.write_table(table, folder / f"{name}.parquet", compression="zstd")
            counts[name] = table.num_rows
        return counts


def _to_arrow(values: np.ndarray, type_name: str | None = None) -> pa.Array:
    if type_name is None:
        if values.dtype.kind == "M":
            type_name = "date"
        elif values.dtype.kind in "iu":
            type_name = "int64"
        elif values.dtype.kind == "f":
            type_name = "float64"
        elif values.dtype.kind == "b":
            type_name = "bool"
        else:
            type_name = "string"
    arrow_type = ARROW_TYPES[type_name]
    if type_name in {"date", "timestamp"}:
        unit = "D" if type_name == "date" else "ms"
        vals = values.astype(f"datetime64[{unit}]")
        return pa.array(vals, type=arrow_type, from_pandas=True)
    if type_name == "decimal":
        from decimal import Decimal

        return pa.array(
            [None if v is None or v != v else Decimal(f"{v:.2f}") for v in values],
            type=arrow_type,
        )
    if values.dtype == object and type_name in {"int64", "int32", "float64", "bool"}:
        return pa.array(list(values), type=arrow_type, from_pandas=True)
    if type_name == "string":
        return pa.array(values, type=pa.string(), from_pandas=True)
    return pa.array(values, type=arrow_type, from_pandas=True)


_GARBLE = ("\ufffd\ufffd", "Ã\u0083Â©", "###", "@@?", "\u00c2\u00a0\ufffd")
_BAD_DATE_TEXT = {
    "dd/mm/yyyy": ("31/02/2019", "00/00/0000", "12/13/2015", "N/A", "32/01/2018", "2019-06-01"),
    "yyyy-mm-dd": ("2019-02-30", "0000-00-00", "2015-13-12", "N/A", "01/06/2019"),
    "yyyymmdd": ("20190230", "00000000", "20151312", "N/A", "2019061"),
    "dd-MON-yy": ("31-FEB-19", "00-XXX-00", "12-13-15", "N/A", "2019-06-01"),
}


class ExtractWriter:
    """Writes raw tables as Parquet, corrupting a share of rows on the way."""

    def __init__(self, raw_dir: Path, truth: TruthLog, rng: np.random.Generator, share: float):
        self.raw_dir = raw_dir
        self.truth = truth
        self.rng = rng
        self.share = share
        self.counts: dict[str, int] = {}

    @contextmanager
    def drawing_from(self, rng: np.random.Generator) -> Iterator[None]:
        """Malform the tables written inside the block from ``rng``, not the
        shared stream: a table added later then leaves the malformed rows of
        every table written after it unchanged."""
        saved, self.rng = self.rng, rng
        try:
            yield
        finally:
            self.rng = saved

    def write(
        self,
        spec: TableSpec,
        data: dict[str, np.ndarray],
        extras: list[tuple[dict[str, np.ndarray], np.random.Generator]] = (),
    ) -> int:
        """Write ``data`` (malformed from the writer's stream), then each
        block of ``extras`` after it, malformed from the block's own stream:
        rows added to an extract by a later change, so that the rows before
        them, and the malformations of every table written after, do not
        move."""
        arrays = self._arrays(spec, data)
        n = len(arrays[spec.columns[0].name])
        if self.share > 0 and n > 0:
            arrays = self._malform(spec, arrays, n)
        for extra, extra_rng in extras:
            more = self._arrays(spec, extra)
            m = len(more[spec.columns[0].name])
            if self.share > 0 and m > 0:
                more = self._malform(
                    spec, more, m, rng=extra_rng, offset=len(arrays[spec.columns[0].name])
                )
            arrays = {
                c: np.concatenate([arrays[c].astype(object), more[c].astype(object)])
                if arrays[c].dtype != more[c].dtype
                else np.concatenate([arrays[c], more[c]])
                for c in arrays
            }
        table = pa.table({c.name: _to_arrow(arrays[c.name], c.type) for c in spec.columns})
        folder = self.raw_dir / spec.system
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, folder / f"{spec.table}.parquet", compression="zstd")
        self.counts[f"{spec.system}.{spec.table}"] = table.num_rows
        return table.num_rows

    def _arrays(self, spec: TableSpec, data: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        names = [c.name for c in spec.columns]
        missing = set(names) ^ set(data)
        if missing:
            raise ValueError(f"{spec.system}.{spec.table}: columns differ from spec: {missing}")
        arrays = {c: np.asarray(data[c]).copy() for c in names}
        for c in spec.columns:
            if c.type in {"string"} and arrays[c.name].dtype != object:
                arrays[c.name] = arrays[c.name].astype(object)
        return arrays

    def _malform(
        self,
        spec: TableSpec,
        arrays: dict[str, np.ndarray],
        n: int,
        rng: np.random.Generator | None = None,
        offset: int = 0,
    ):
        rng = self.rng if rng is None else rng
        k = rng.binomial(n, self.share)
        if k == 0:
            return arrays
        rows = np.sort(rng.choice(n, size=k, replace=False))
        key = spec.key
        by_role: dict[str, list[Column]] = {}
        for c in spec.columns:
            by_role.setdefault(c.role, []).append(c)
        kinds = ["null_key", "duplicate_key"]
        if by_role.get("date_text"):
            kinds.append("unparseable_date")
        if by_role.get("date_text") or by_role.get("date"):
            kinds.append("impossible_date")
        if by_role.get("length"):
            kinds.append("negative_length")
        if by_role.get("code"):
            kinds.append("unknown_code")
        if by_role.get("name") or by_role.get("text"):
            kinds.append("garbled_text")
        chosen = np.array(kinds, dtype=object)[rng.integers(len(kinds), size=k)]
        if arrays[key].dtype != object:
            arrays[key] = arrays[key].astype(object)
        original_keys = arrays[key][rows].copy()
        columns = np.full(k, "", dtype=object)
        values = np.full(k, "", dtype=object)
        dup_rows = []
        for j, (row, kind) in enumerate(zip(rows, chosen, strict=True)):
            if kind == "null_key":
                arrays[key][row] = None
                columns[j] = key
            elif kind == "duplicate_key":
                dup_rows.append(row)
                columns[j] = key
            elif kind == "unparseable_date":
                col = _pick(rng, by_role["date_text"], arrays, row)
                bad = _BAD_DATE_TEXT[spec.date_format or "dd/mm/yyyy"]
                arrays[col][row] = bad[rng.integers(len(bad))]
                columns[j], values[j] = col, arrays[col][row]
            elif kind == "impossible_date":
                cands = by_role.get("date_text", []) + by_role.get("date", [])
                col = _pick(rng, cands, arrays, row)
                spec_col = spec.column(col)
                when = (
                    np.datetime64("2091-06-15")
                    if rng.random() < 0.5
                    else np.datetime64("1871-03-02")
                )
                if spec_col.role == "date_text":
                    from datafirst.generator.dates import format_dates

                    arrays[col][row] = format_dates(np.array([when]), spec.date_format)[0]
                else:
                    arrays[col][row] = when
                columns[j], values[j] = col, str(when)
            elif kind == "negative_length":
                col = _pick(rng, by_role["length"], arrays, row)
                value = arrays[col][row]
                base = 0 if value is None or value != value else abs(value)
                arrays[col][row] = -(base + 1 + rng.integers(30))
                columns[j], values[j] = col, str(arrays[col][row])
            elif kind == "unknown_code":
                col = _pick(rng, by_role["code"], arrays, row)
                arrays[col][row] = ("ZZ9", "XX99", "??", "99999")[rng.integers(4)]
                columns[j], values[j] = col, arrays[col][row]
            elif kind == "garbled_text":
                col = _pick(rng, by_role.get("name", []) + by_role.get("text", []), arrays, row)
                text = arrays[col][row] or ""
                garble = _GARBLE[rng.integers(len(_GARBLE))]
                pos = rng.integers(len(text) + 1)
                arrays[col][row] = text[:pos] + garble + text[pos:]
                columns[j], values[j] = col, arrays[col][row]
        row_numbers = rows.copy()
        if dup_rows:
            dup_rows = np.array(dup_rows)
            for c in arrays:
                arrays[c] = np.concatenate([arrays[c], arrays[c][dup_rows]])
            # The appended copy is the malformed row.
            positions = n + np.arange(len(dup_rows))
            row_numbers[chosen == "duplicate_key"] = positions
        self.truth.add(
            "malformed_rows",
            source_system=np.full(k, spec.system, dtype=object),
            source_table=np.full(k, spec.table, dtype=object),
            row_number=(row_numbers + offset).astype(np.int64),
            record_key=original_keys.astype(object),
            malformation=chosen,
            column_name=columns,
            bad_value=values,
        )
        return arrays


def _pick(rng, cols: list[Column], arrays, row) -> str:
    """A column of the given role whose value at ``row`` is present, if any."""
    present = [c.name for c in cols if arrays[c.name][row] is not None]
    pool = present or [c.name for c in cols]
    return pool[rng.integers(len(pool))]
