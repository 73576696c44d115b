"""How times and durations are shown, the same in every view."""
from __future__ import annotations

import datetime as dt

MISSING = "—"


def local_time(value) -> dt.datetime | None:
    """Stored times are naive UTC (datetime, or text from raw SQL); show local time."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.timezone.utc).astimezone()


def clock(seconds: float | None) -> str:
    """1:05, 1:02:03, -0:10 (overtime); — when unknown."""
    if seconds is None:
        return MISSING
    sign = "-" if seconds < 0 else ""
    m, s = divmod(int(round(abs(seconds))), 60)
    h, m = divmod(m, 60)
    return f"{sign}{h}:{m:02d}:{s:02d}" if h else f"{sign}{m}:{s:02d}"
