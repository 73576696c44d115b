"""Question packs: validation (a bad pack is rejected whole, naming file,
line and reason), storage, built-in sync, and question selection."""
from __future__ import annotations

import copy
import json

import pytest

from desktop.core import bank
from desktop.core.bank import PackError

HEADER = {"format": "perfect-pitch-pack", "version": 1, "id": "test-pack", "title": "Test", "license": "MIT"}
BEHAVIORAL = {"id": "t-beh-1", "kind": "behavioral", "prompt": "Tell me about a conflict.",
              "skills": ["Teamwork"], "difficulty": "easy", "strong_answer": ["Uses STAR."]}
CODING = {"id": "t-code-1", "kind": "coding", "title": "Double", "prompt": "Double it.",
          "skills": ["Python"], "difficulty": "easy", "hints": ["Multiply by two."],
          "languages": {"python": {"entry_point": "double", "starter": "def double(x):\n    pass\n"},
                        "cpp": {"entry_point": "double", "starter": "",
                                "signature": {"args": ["int"], "returns": "int"}}},
          "tests": {"cases": [{"args": [2], "expected": 4}, {"args": [5], "expected": 10, "hidden": True}]},
          "solution": {"python": "def double(x):\n    return 2 * x\n"}}


def pack_text(*records, header=HEADER) -> str:
    return "\n".join(json.dumps(r) for r in (header, *records)) + "\n"


def write_pack(tmp_path, *records, name="pack.jsonl", header=HEADER):
    path = tmp_path / name
    path.write_text(pack_text(*records, header=header), encoding="utf-8")
    return path


def with_change(record, **changes):
    out = copy.deepcopy(record)
    for key, value in changes.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out


def test_valid_pack_loads(tmp_path):
    pack = bank.load_pack(write_pack(tmp_path, BEHAVIORAL, CODING))
    assert pack.id == "test-pack" and [r["id"] for r in pack.records] == ["t-beh-1", "t-code-1"]


@pytest.mark.parametrize("record, reason", [
    (with_change(BEHAVIORAL, kind="quiz"), '"kind"'),
    (with_change(BEHAVIORAL, skills=[]), '"skills"'),
    (with_change(BEHAVIORAL, difficulty="extreme"), '"difficulty"'),
    (with_change(BEHAVIORAL, strong_answer=None), '"strong_answer"'),
    (with_change(BEHAVIORAL, prompt=""), '"prompt"'),
    (with_change(CODING, title=None), '"title"'),
    (with_change(CODING, hints=[]), '"hints"'),
    (with_change(CODING, languages={"javascript": {"entry_point": "f", "starter": ""}}), '"python"'),
    (with_change(CODING, languages={"python": {"entry_point": "not a name", "starter": ""}}), "entry_point"),
    (with_change(CODING, languages={"python": {"entry_point": "f", "starter": ""}, "cpp": {
        "entry_point": "f", "starter": "", "signature": {"args": ["map<int,int>"], "returns": "int"}}}), "map<int,int>"),
    (with_change(CODING, tests={"cases": [{"args": [1], "expected": 2}]}), "one visible and one hidden"),
    (with_change(CODING, tests={"cases": [{"args": 1, "expected": 2}]}), '"args"'),
    (with_change(CODING, tests={"cases": [{"args": [1, 2], "expected": 2}, {"args": [1], "expected": 2, "hidden": True}]}), "C++ signature"),
])
def test_bad_question_is_rejected_with_file_line_and_reason(tmp_path, record, reason):
    path = write_pack(tmp_path, BEHAVIORAL, record)
    with pytest.raises(PackError) as info:
        bank.load_pack(path)
    message = str(info.value)
    assert message.startswith(f"{path}, line 3: ") and reason in message
    assert info.value.line == 3


def test_bad_json_duplicate_ids_and_headers(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(pack_text(BEHAVIORAL) + "\n{oops\n")
    with pytest.raises(PackError, match=r"line 4: not valid JSON"):
        bank.load_pack(path)
    with pytest.raises(PackError, match=r"line 3: id 't-beh-1' is already used on line 2"):
        bank.load_pack(write_pack(tmp_path, BEHAVIORAL, BEHAVIORAL))
    with pytest.raises(PackError, match=r"line 1: header: format version 2"):
        bank.load_pack(write_pack(tmp_path, BEHAVIORAL, header=dict(HEADER, version=2)))
    with pytest.raises(PackError, match=r"line 1: header: \"id\""):
        bank.load_pack(write_pack(tmp_path, BEHAVIORAL, header=dict(HEADER, id="Bad Id")))
    with pytest.raises(PackError, match=r"line 1: header: \"format\""):
        bank.load_pack(write_pack(tmp_path, header=BEHAVIORAL))
    nan = tmp_path / "nan.jsonl"
    nan.write_text(pack_text() + '{"id": "x", "expected": NaN}\n')
    with pytest.raises(PackError, match=r"line 2: not valid JSON"):
        bank.load_pack(nan)
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(pack_text(BEHAVIORAL).encode() + b'{"id": "caf\xe9"}\n')
    with pytest.raises(PackError, match=r"line 3: is not valid UTF-8"):
        bank.load_pack(latin)
    with pytest.raises(PackError, match="cannot be read"):
        bank.load_pack(tmp_path / "missing.jsonl")


def test_blank_lines_are_allowed(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps(HEADER) + "\n\n" + json.dumps(BEHAVIORAL) + "\n\n")
    assert len(bank.load_pack(path).records) == 1


def test_import_stores_and_a_bad_pack_stores_nothing(db, tmp_path):
    from db import service
    pack = bank.import_pack(write_pack(tmp_path, BEHAVIORAL, CODING))
    stored = {r["id"]: r for r in service.bank_records()}
    assert {"t-beh-1", "t-code-1"} <= set(stored) and stored["t-code-1"]["pack"] == pack.id
    before = len(service.bank_records())
    other = dict(BEHAVIORAL, id="t-beh-2")
    with pytest.raises(PackError):
        bank.import_pack(write_pack(tmp_path, other, with_change(CODING, kind="nope"),
                                    header=dict(HEADER, id="other"), name="bad.jsonl"))
    assert len(service.bank_records()) == before
    with pytest.raises(PackError, match="already belongs to pack 'test-pack'"):
        bank.import_pack(write_pack(tmp_path, BEHAVIORAL, header=dict(HEADER, id="thief"),
                                    name="thief.jsonl"))


def test_sync_builtin_is_idempotent_and_fast_when_unchanged(db, tmp_path, monkeypatch):
    from db import service
    from desktop.core import paths
    resources = tmp_path / "resources"
    (resources / "questions").mkdir(parents=True)
    monkeypatch.setattr(paths, "resources_dir", lambda: resources)
    assert bank.sync_builtin() == {}   # zero packs is fine
    write_pack(resources / "questions", BEHAVIORAL, CODING, name="a.jsonl")
    write_pack(resources / "questions", dict(BEHAVIORAL, id="t-beh-9"), name="b.jsonl",
               header=dict(HEADER, id="pack-b"))
    write_pack(resources / "questions", BEHAVIORAL, name="c.jsonl", header=dict(HEADER, id="pack-c"))
    report = bank.sync_builtin()
    assert report["a.jsonl"] == "stored 2 questions" and report["b.jsonl"] == "stored 1 questions"
    assert report["c.jsonl"].startswith("rejected") and "already belongs" in report["c.jsonl"]
    count = len(service.bank_records())
    again = bank.sync_builtin()
    assert again["a.jsonl"] == again["b.jsonl"] == "unchanged"
    assert len(service.bank_records()) == count


def test_builtin_packs_are_valid():
    packs = bank.load_builtin()   # whatever the content engineers shipped: must validate
    ids = [r["id"] for p in packs for r in p.records]
    assert len(ids) == len(set(ids))


# --- selection -------------------------------------------------------------------

def bank_of(n_per_skill=3):
    out = []
    for skill in ("Python", "SQL", "Graphs"):
        for i, difficulty in enumerate(("easy", "medium", "hard")[:n_per_skill]):
            out.append({"id": f"{skill.lower()}-{i}", "kind": "coding", "skills": [skill],
                        "difficulty": difficulty})
    out.append({"id": "beh-1", "kind": "behavioral", "skills": ["Teamwork"], "difficulty": "easy"})
    return out


def ids(records):
    return [r["id"] for r in records]


def test_selection_by_kind_skill_and_difficulty():
    chosen = bank.select_questions(bank_of(), "coding", ["python"], "medium", count=1)
    assert ids(chosen) == ["python-1"]
    chosen = bank.select_questions(bank_of(), ["coding"], ["PYTHON", "sql"], "easy", count=2)
    assert set(ids(chosen)) == {"python-0", "sql-0"}   # covers both skills first
    assert ids(bank.select_questions(bank_of(), "behavioral", count=5)) == ["beh-1"]


def test_selection_avoids_recent_questions_until_the_bank_runs_out():
    records = bank_of()
    recent = ["python-1", "python-0"]   # most recent first
    chosen = bank.select_questions(records, "coding", ["Python"], "medium", count=1, recent_qids=recent)
    assert ids(chosen) == ["python-2"]
    chosen = bank.select_questions(records, "coding", ["Python"], "easy", count=3,
                                   recent_qids=["python-1", "python-0", "python-2"])
    # no fresh Python question left: other fresh questions come first, then the least recent repeat
    assert all(r["id"] not in ("python-0", "python-1", "python-2") for r in chosen)
    only_python = [r for r in records if "Python" in r["skills"]]
    again = bank.select_questions(only_python, "coding", ["Python"], "easy", count=3,
                                  recent_qids=["python-1", "python-0", "python-2"])
    assert ids(again) == ["python-2", "python-0", "python-1"]


def test_selection_is_deterministic_for_a_seed():
    records = bank_of()
    a = bank.select_questions(records, "coding", count=4, seed=7)
    b = bank.select_questions(list(reversed(records)), "coding", count=4, seed=7)
    assert ids(a) == ids(b)
    seeds = {tuple(ids(bank.select_questions(records, "coding", count=4, seed=s))) for s in range(20)}
    assert len(seeds) > 1
