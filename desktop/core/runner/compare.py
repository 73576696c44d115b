"""Is the program's answer the expected one? Answers arrive as JSON values
(the harness converts tuples to lists, sets to sorted lists)."""
from __future__ import annotations

import json
import math
from typing import Any

# Floats are never compared exactly: without a tolerance in the pack, this one applies.
DEFAULT_FLOAT_TOLERANCE = 1e-9


def answers_match(expected: Any, actual: Any, *, tolerance: float | None = None,
                  unordered: bool = False) -> bool:
    if unordered:
        expected, actual = _canonical(expected), _canonical(actual)
    return _equal(expected, actual, tolerance)


def _equal(expected: Any, actual: Any, tolerance: float | None) -> bool:
    # bool is an int in Python; an answer of 1 is not True (and vice versa).
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    if _is_number(expected) and _is_number(actual):
        if isinstance(expected, int) and isinstance(actual, int):
            return expected == actual
        return _close(float(expected), float(actual), tolerance)
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(
            _equal(e, a, tolerance) for e, a in zip(expected, actual))
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(
            _equal(expected[k], actual[k], tolerance) for k in expected)
    return type(expected) is type(actual) and expected == actual


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _close(expected: float, actual: float, tolerance: float | None) -> bool:
    if math.isnan(expected) or math.isnan(actual):
        return math.isnan(expected) and math.isnan(actual)
    if expected == actual:
        return True
    tol = DEFAULT_FLOAT_TOLERANCE if tolerance is None else tolerance
    diff = abs(expected - actual)
    return diff <= tol or diff <= tol * abs(expected)


def _canonical(value: Any) -> Any:
    """Lists become sorted multisets, at every depth, so order never matters."""
    if isinstance(value, list):
        return sorted((_canonical(v) for v in value), key=_sort_key)
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    return value


def _sort_key(value: Any) -> tuple:
    # A total order across JSON types; numbers by value so that nearly equal
    # floats on both sides land in the same place.
    if value is None:
        return (0,)
    if isinstance(value, bool):
        return (1, value)
    if _is_number(value):
        return (2, float(value) if not math.isnan(value) else math.inf)
    if isinstance(value, str):
        return (3, value)
    if isinstance(value, list):
        return (4, tuple(_sort_key(v) for v in value))
    return (5, json.dumps(value, sort_keys=True, default=str))


def preview(value: Any, limit: int = 2000) -> str:
    """A short, readable rendering of a value for messages."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[:limit] + f"… ({len(text)} characters)"
