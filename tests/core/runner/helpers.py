"""Small problem records for the runner tests (same shape as FORMAT.md)."""
from __future__ import annotations


def problem(cases, *, entry="solve", script=None, js_entry=None, cpp_signature=None,
            qid="test-problem"):
    """cases: (args, expected) or (args, expected, {"hidden": True, ...}) tuples."""
    languages = {"python": {"entry_point": entry, "starter": ""}}
    if js_entry:
        languages["javascript"] = {"entry_point": js_entry, "starter": ""}
    if cpp_signature:
        languages["cpp"] = {"entry_point": entry, "starter": "", "signature": cpp_signature}
    out = []
    for case in cases:
        args, expected, *extra = case
        out.append({"args": list(args), "expected": expected, "hidden": False,
                    **(extra[0] if extra else {})})
    tests = {"cases": out}
    if script:
        tests["script"] = script
    return {"id": qid, "kind": "coding", "title": "Test problem", "prompt": "…",
            "skills": ["Python"], "difficulty": "easy", "hints": ["…"],
            "languages": languages, "tests": tests}


HIDDEN = {"hidden": True}

# Echo: returns its argument; one visible and one hidden case.
ECHO = problem([((1,), 1), ((2,), 2, HIDDEN)])
