"""Small helpers the commands share for printing."""
from __future__ import annotations

import datetime as _dt
import json
import sys


def _default(value):
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    if hasattr(value, "as_dict"):
        return value.as_dict()
    return str(value)


def print_json(data) -> None:
    json.dump(data, sys.stdout, indent=2, default=_default, ensure_ascii=False)
    sys.stdout.write("\n")


def human_size(n: float | None) -> str:
    if not n:
        return "-"
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


class ProgressLine:
    """A one-line progress indicator on stderr (only when it is a terminal)."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self._last = -1

    def __call__(self, label: str, done: int, total: int) -> None:
        if not self.tty or not total:
            return
        pct = int(done * 100 / total)
        if pct != self._last:
            self._last = pct
            self.stream.write(f"\r{label}: {pct:3d}%")
            self.stream.flush()
            if done >= total:
                self.stream.write("\n")
