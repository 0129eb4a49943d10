"""Small vectorised helpers for dates held as numpy ``datetime64[D]``."""

from __future__ import annotations

from datetime import date

import numpy as np

NAT = np.datetime64("NaT", "D")


def d64(value: date | str) -> np.datetime64:
    return np.datetime64(value, "D")


def uniform_dates(rng: np.random.Generator, start, end, size: int) -> np.ndarray:
    """Uniform random dates in [start, end] (scalars or arrays)."""
    start = np.asarray(start, dtype="datetime64[D]")
    end = np.asarray(end, dtype="datetime64[D]")
    span = (end - start).astype(np.int64)
    span = np.maximum(span, 0)
    offsets = np.floor(rng.random(size) * (span + 1)).astype(np.int64)
    return start + offsets.astype("timedelta64[D]")


def add_days(values: np.ndarray, days) -> np.ndarray:
    return values + np.asarray(days, dtype=np.int64).astype("timedelta64[D]")


def year_month_day(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Split dates into integer year, month and day arrays (NaT gives garbage;
    mask it separately)."""
    safe = np.where(np.isnat(values), np.datetime64("2000-01-01"), values)
    years = safe.astype("datetime64[Y]").astype(np.int64) + 1970
    months = (safe.astype("datetime64[M]").astype(np.int64) % 12) + 1
    days = (safe - safe.astype("datetime64[M]")).astype(np.int64) + 1
    return years, months, days


def from_ymd(years: np.ndarray, months: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Build dates from parts; invalid combinations are clipped to month end."""
    month_start = (
        ((np.asarray(years) - 1970) * 12 + np.asarray(months) - 1)
        .astype("datetime64[M]")
        .astype("datetime64[D]")
    )
    next_month = (month_start.astype("datetime64[M]") + 1).astype("datetime64[D]")
    length = (next_month - month_start).astype(np.int64)
    day = np.minimum(np.asarray(days), length)
    return month_start + (day - 1).astype("timedelta64[D]")


def age_years(dob: np.ndarray, on: np.ndarray) -> np.ndarray:
    """Whole years of age at ``on`` for people born ``dob``."""
    by, bm, bd = year_month_day(dob)
    oy, om, od = year_month_day(on)
    age = oy - by
    before_birthday = (om < bm) | ((om == bm) & (od < bd))
    return age - before_birthday.astype(np.int64)


def format_dates(values: np.ndarray, fmt: str) -> np.ndarray:
    """Render dates as text in one of the source systems' layouts; NaT -> None.

    ``fmt`` is one of ``dd/mm/yyyy``, ``yyyy-mm-dd``, ``dd-MON-yy``,
    ``yyyymmdd``.
    """
    out = np.empty(len(values), dtype=object)
    if len(values) == 0:
        return out
    years, months, days = year_month_day(values)
    missing = np.isnat(values)
    months_abbr = np.array(
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
        dtype=object,
    )
    d = np.char.zfill(days.astype(str), 2)
    m = np.char.zfill(months.astype(str), 2)
    y = years.astype(str)
    if fmt == "dd/mm/yyyy":
        text = np.char.add(np.char.add(np.char.add(np.char.add(d, "/"), m), "/"), y)
    elif fmt == "yyyy-mm-dd":
        text = np.char.add(np.char.add(np.char.add(np.char.add(y, "-"), m), "-"), d)
    elif fmt == "yyyymmdd":
        text = np.char.add(np.char.add(y, m), d)
    elif fmt == "dd-MON-yy":
        yy = np.char.zfill((years % 100).astype(str), 2)
        mon = months_abbr[months - 1].astype(str)
        text = np.char.add(np.char.add(np.char.add(np.char.add(d, "-"), mon), "-"), yy)
    else:  # pragma: no cover - programming error
        raise ValueError(f"unknown date format {fmt!r}")
    out[:] = text.astype(object)
    out[missing] = None
    return out
