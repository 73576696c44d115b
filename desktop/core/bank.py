"""The question bank: reading and validating question packs (see
resources/questions/FORMAT.md), storing them in the DB, and choosing the
questions of an interview.

A pack is checked whole before anything of it is stored: the first problem
found raises PackError naming the file, the line and the reason.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from desktop.core import paths

FORMAT_NAME = "perfect-pitch-pack"
FORMAT_VERSION = 1
KINDS = ("behavioral", "coding", "system_design")
DIFFICULTIES = ("easy", "medium", "hard")
CODE_LANGUAGES = ("python", "javascript", "cpp")
CPP_TYPES = ("int", "long long", "double", "bool", "string", "vector<int>", "vector<long long>",
             "vector<double>", "vector<string>", "vector<vector<int>>")
_PACK_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")
SYNC_STATE_FILE = "question-packs-sync.json"


class PackError(ValueError):
    """A pack was rejected; str() is "FILE, line N: reason"."""

    def __init__(self, source: str, line: int | None, reason: str):
        self.source, self.line, self.reason = source, line, reason
        where = f"{source}, line {line}" if line else source
        super().__init__(f"{where}: {reason}")


@dataclass
class Pack:
    id: str
    title: str
    license: str
    source: str
    records: list[dict] = field(default_factory=list)


# --- reading and validating ---------------------------------------------------------

def load_pack(path: str | Path) -> Pack:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PackError(str(path), None, f"cannot be read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise PackError(str(path), line, "is not valid UTF-8") from None
    return parse_pack(text, str(path))


def parse_pack(text: str, source: str = "<pack>") -> Pack:
    lines = text.lstrip("\ufeff").split("\n")
    header = _json_line(lines[0] if lines else "", source, 1)
    pack = _check_header(header, source)
    seen: dict[str, int] = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        record = _json_line(line, source, number)
        try:
            validate_question(record)
        except ValueError as exc:
            raise PackError(source, number, str(exc)) from None
        if record["id"] in seen:
            raise PackError(source, number,
                            f"id {record['id']!r} is already used on line {seen[record['id']]}")
        seen[record["id"]] = number
        pack.records.append(record)
    if not pack.records:
        raise PackError(source, None, "has no questions")
    return pack


def _json_line(line: str, source: str, number: int) -> dict:
    def no_constants(name):
        raise ValueError(f"{name} is not valid JSON")
    try:
        value = json.loads(line, parse_constant=no_constants)
    except ValueError as exc:
        raise PackError(source, number, f"not valid JSON ({exc})") from None
    if not isinstance(value, dict):
        raise PackError(source, number, "must be a JSON object")
    return value


def _check_header(header: dict, source: str) -> Pack:
    def bad(reason):
        return PackError(source, 1, f"header: {reason}")
    if header.get("format") != FORMAT_NAME:
        raise bad(f'"format" must be "{FORMAT_NAME}" (is this a question pack?)')
    version = header.get("version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise bad(f"format version {version!r} is not supported (this app reads version {FORMAT_VERSION})")
    pack_id = header.get("id")
    if not isinstance(pack_id, str) or not _PACK_ID.match(pack_id):
        raise bad('"id" must match [a-z0-9][a-z0-9._-]*')
    for key in ("title", "license"):
        if not isinstance(header.get(key), str):
            raise bad(f'"{key}" must be a string')
    return Pack(id=pack_id, title=header["title"] or pack_id, license=header["license"], source=source)


def validate_question(q: dict) -> None:
    """Raise ValueError with the reason when a question breaks FORMAT.md."""
    qid = q.get("id")
    if not isinstance(qid, str) or not qid.strip():
        raise ValueError('"id" must be a non-empty string')
    kind = q.get("kind")
    if kind not in KINDS:
        raise ValueError(f'{qid}: "kind" must be one of {", ".join(KINDS)}')
    _text(q, "prompt", qid)
    if kind == "coding" or "title" in q:
        _text(q, "title", qid)
    _strings(q, "skills", qid, required=True)
    if q.get("difficulty") not in DIFFICULTIES:
        raise ValueError(f'{qid}: "difficulty" must be one of {", ".join(DIFFICULTIES)}')
    _strings(q, "hints", qid, required=kind == "coding")
    _strings(q, "follow_ups", qid, required=False)
    _strings(q, "strong_answer", qid, required=kind in ("behavioral", "system_design"))
    if kind == "coding":
        _check_coding(q, qid)


def _text(q: dict, key: str, qid: str) -> None:
    if not isinstance(q.get(key), str) or not q[key].strip():
        raise ValueError(f'{qid}: "{key}" must be a non-empty string')


def _strings(q: dict, key: str, qid: str, *, required: bool) -> None:
    if key not in q:
        if required:
            raise ValueError(f'{qid}: "{key}" is required (a list of at least one string)')
        return
    value = q[key]
    if not isinstance(value, list) or not all(isinstance(s, str) and s.strip() for s in value):
        raise ValueError(f'{qid}: "{key}" must be a list of non-empty strings')
    if required and not value:
        raise ValueError(f'{qid}: "{key}" needs at least one entry')


def _check_coding(q: dict, qid: str) -> None:
    langs = q.get("languages")
    if not isinstance(langs, dict) or "python" not in langs:
        raise ValueError(f'{qid}: "languages" must be an object with at least "python"')
    for name, spec in langs.items():
        where = f"{qid}: languages.{name}"
        if name not in CODE_LANGUAGES:
            raise ValueError(f"{where}: unknown language (known: {', '.join(CODE_LANGUAGES)})")
        if not isinstance(spec, dict):
            raise ValueError(f"{where} must be an object")
        if not isinstance(spec.get("entry_point"), str) or not _IDENTIFIER.match(spec["entry_point"]):
            raise ValueError(f'{where}: "entry_point" must be a function name')
        if not isinstance(spec.get("starter"), str):
            raise ValueError(f'{where}: "starter" must be a string')
        if name == "cpp":
            _check_signature(spec.get("signature"), where)
    tests = q.get("tests")
    if not isinstance(tests, dict):
        raise ValueError(f'{qid}: "tests" must be an object with "cases" and/or "script"')
    cases = tests.get("cases", [])
    if not isinstance(cases, list):
        raise ValueError(f'{qid}: "tests.cases" must be a list')
    for n, case in enumerate(cases, start=1):
        _check_case(case, f"{qid}: tests.cases[{n}]", langs.get("cpp"))
    script = tests.get("script", {})
    if not isinstance(script, dict) or not all(
            lang in langs and isinstance(src, str) and src.strip() for lang, src in script.items()):
        raise ValueError(f'{qid}: "tests.script" must map languages of the problem to source text')
    visible = sum(1 for c in cases if not c.get("hidden", False))
    hidden = sum(1 for c in cases if c.get("hidden", False)) + (1 if script.get("python") else 0)
    if visible < 1 or hidden < 1:
        raise ValueError(f"{qid}: needs at least one visible and one hidden test "
                         f"(has {visible} visible, {hidden} hidden)")
    solution = q.get("solution", {})
    if not isinstance(solution, dict) or not all(
            lang in langs and isinstance(src, str) for lang, src in solution.items()):
        raise ValueError(f'{qid}: "solution" must map languages of the problem to source text')


def _check_signature(sig, where: str) -> None:
    if not isinstance(sig, dict) or not isinstance(sig.get("args"), list):
        raise ValueError(f'{where}: "signature" must be {{"args": [...], "returns": "..."}}')
    for t in [*sig["args"], sig.get("returns")]:
        normal = re.sub(r"\s*([<>,])\s*", r"\1", str(t).replace("std::", "")).strip()
        if normal not in CPP_TYPES:
            raise ValueError(f"{where}: C++ type {t!r} is not supported (use {', '.join(CPP_TYPES)})")


def _check_case(case, where: str, cpp_spec) -> None:
    if not isinstance(case, dict):
        raise ValueError(f"{where} must be an object")
    if not isinstance(case.get("args"), list):
        raise ValueError(f'{where}: "args" must be a list of arguments')
    if "expected" not in case:
        raise ValueError(f'{where}: "expected" is missing')
    if not isinstance(case.get("hidden", False), bool):
        raise ValueError(f'{where}: "hidden" must be true or false')
    if not isinstance(case.get("unordered", False), bool):
        raise ValueError(f'{where}: "unordered" must be true or false')
    tol = case.get("tolerance")
    if tol is not None and (isinstance(tol, bool) or not isinstance(tol, (int, float)) or tol < 0):
        raise ValueError(f'{where}: "tolerance" must be a non-negative number')
    if cpp_spec and isinstance(cpp_spec.get("signature"), dict):
        want = len(cpp_spec["signature"].get("args", []))
        if len(case["args"]) != want:
            raise ValueError(f"{where}: has {len(case['args'])} arguments, the C++ signature {want}")


# --- built-in packs and the DB -------------------------------------------------------

def builtin_pack_paths() -> list[Path]:
    folder = paths.resources_dir() / "questions"
    return sorted(folder.glob("*.jsonl")) if folder.is_dir() else []


def load_builtin() -> list[Pack]:
    """Every built-in pack; ids must be unique across them."""
    packs = [load_pack(p) for p in builtin_pack_paths()]
    _check_unique_across(packs)
    return packs


def _check_unique_across(packs: list[Pack], stored: dict[str, str] | None = None) -> None:
    owner = dict(stored or {})
    for pack in packs:
        for record in pack.records:
            other = owner.get(record["id"])
            if other is not None and other != pack.id:
                raise PackError(pack.source, None,
                                f"question id {record['id']!r} already belongs to pack {other!r}")
            owner[record["id"]] = pack.id


def import_pack(path: str | Path | Pack) -> Pack:
    """Validate a pack and store it (replacing the questions of the same ids).
    The database must be open. Nothing is stored when the pack is invalid."""
    from db import service
    pack = path if isinstance(path, Pack) else load_pack(path)
    stored = {r["id"]: r.get("pack", "") for r in service.bank_records()}
    _check_unique_across([pack], stored)
    service.upsert_questions(pack.id, pack.records)
    return pack


def sync_builtin() -> dict[str, str]:
    """Bring the built-in packs into the DB. Cheap when nothing changed: packs
    whose file hash and stored question count match the last sync are skipped.
    Returns {pack file name: "unchanged" | "stored N questions" | "rejected: why"};
    a broken pack is reported, not raised, so one bad file never stops the app."""
    from db import service
    state_file = paths.data_dir() / SYNC_STATE_FILE
    state = _read_state(state_file)
    owners = {}
    counts: dict[str, int] = {}
    for record in service.bank_records():
        owners[record["id"]] = record.get("pack", "")
        counts[record.get("pack", "")] = counts.get(record.get("pack", ""), 0) + 1
    report: dict[str, str] = {}
    changed = False
    for path in builtin_pack_paths():
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        known = state.get(path.name, {})
        if known.get("sha256") == digest and counts.get(known.get("pack"), 0) >= known.get("count", 1):
            report[path.name] = "unchanged"
            continue
        try:
            pack = load_pack(path)
            _check_unique_across([pack], owners)
        except PackError as exc:
            report[path.name] = f"rejected: {exc}"
            continue
        service.upsert_questions(pack.id, pack.records)
        owners.update({r["id"]: pack.id for r in pack.records})
        state[path.name] = {"sha256": digest, "pack": pack.id, "count": len(pack.records)}
        report[path.name] = f"stored {len(pack.records)} questions"
        changed = True
    if changed:
        _write_state(state_file, state)
    return report


def _read_state(path: Path) -> dict:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        return state if isinstance(state, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_state(path: Path, state: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass   # only a speed-up: the next start re-checks the packs


# --- choosing questions ------------------------------------------------------------------

def select_questions(records: Iterable[dict], kinds: str | Iterable[str] | None = None,
                     skills: Iterable[str] = (), difficulty: str | None = None, count: int = 3,
                     recent_qids: Iterable[str] = (), seed: int = 0) -> list[dict]:
    """Pick `count` questions, best first:

    1. not asked recently (repeats only when the bank runs out, least recent first),
    2. sharing at least one of `skills` (case-insensitive), if any were given,
    3. nearest to `difficulty`,
    4. covering a requested skill the picks so far do not cover, then more overlap,
    5. a shuffle fixed by `seed` (same inputs, same seed -> same questions).
    """
    if isinstance(kinds, str):
        kinds = [kinds]
    wanted_kinds = set(kinds) if kinds else None
    wanted = {s.strip().casefold() for s in skills if s and s.strip()}
    recent = list(dict.fromkeys(recent_qids))   # most recent first
    recent_rank = {qid: len(recent) - i for i, qid in enumerate(recent)}  # 1 = least recent
    pool = [r for r in records if wanted_kinds is None or r.get("kind") in wanted_kinds]
    rng = random.Random(seed)
    tiebreak = {id(r): rng.random() for r in sorted(pool, key=lambda r: str(r.get("id")))}
    target = DIFFICULTIES.index(difficulty) if difficulty in DIFFICULTIES else None
    chosen: list[dict] = []
    covered: set[str] = set()
    while pool and len(chosen) < count:
        best = min(pool, key=lambda r: _rank(r, wanted, covered, target, recent_rank, tiebreak))
        pool.remove(best)
        chosen.append(best)
        covered |= _skills(best) & wanted
    return chosen


def _skills(record: dict) -> set[str]:
    return {str(s).strip().casefold() for s in record.get("skills", [])}


def _rank(record, wanted, covered, target, recent_rank, tiebreak) -> tuple:
    skills = _skills(record)
    overlap = len(skills & wanted)
    distance = (abs(DIFFICULTIES.index(record["difficulty"]) - target)
                if target is not None and record.get("difficulty") in DIFFICULTIES else 0)
    return (recent_rank.get(record.get("id"), 0),
            1 if wanted and not overlap else 0,
            distance,
            -len((skills & wanted) - covered),
            -overlap,
            tiebreak[id(record)])
