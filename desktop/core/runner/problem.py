"""From a question-bank record (FORMAT.md) to what one language needs:
the entry point, the C++ signature, and the ordered list of tests."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LANGUAGES = ("python", "javascript", "cpp")


class ProblemError(ValueError):
    """The problem cannot be run in that language (caller's mistake, not the candidate's)."""


@dataclass(frozen=True)
class TestSpec:
    index: int
    hidden: bool
    args: list | None = None        # input/expected case
    expected: Any = None
    tolerance: float | None = None
    unordered: bool = False
    script: str | None = None       # script test: source defining check(candidate)

    @property
    def name(self) -> str:
        if self.script is not None:
            return f"Test {self.index + 1} (hidden checks)"
        return f"Test {self.index + 1}" + (" (hidden)" if self.hidden else "")


@dataclass(frozen=True)
class LanguageSpec:
    language: str
    entry_point: str
    starter: str
    signature: dict | None
    tests: list[TestSpec]


def language_spec(problem: dict, language: str) -> LanguageSpec:
    if language not in LANGUAGES:
        raise ProblemError(f"Unknown language {language!r}; known: {', '.join(LANGUAGES)}.")
    qid = problem.get("id", "?")
    if problem.get("kind", "coding") != "coding":
        raise ProblemError(f"{qid} is not a coding question.")
    lang = (problem.get("languages") or {}).get(language)
    if not isinstance(lang, dict) or not lang.get("entry_point"):
        have = ", ".join(sorted(problem.get("languages") or {})) or "none"
        raise ProblemError(f"{qid} has no {language} version (it has: {have}).")
    signature = lang.get("signature")
    if language == "cpp" and not isinstance(signature, dict):
        raise ProblemError(f"{qid}: the C++ version has no signature.")
    tests = _tests(problem, language)
    if not tests:
        raise ProblemError(f"{qid} has no tests for {language}.")
    return LanguageSpec(language, lang["entry_point"], lang.get("starter", ""), signature, tests)


def _tests(problem: dict, language: str) -> list[TestSpec]:
    """Visible cases first, then hidden cases, then the script test (hidden)."""
    block = problem.get("tests") or {}
    cases = list(block.get("cases") or [])
    ordered = ([c for c in cases if not c.get("hidden", False)]
               + [c for c in cases if c.get("hidden", False)])
    out = [TestSpec(index=i, hidden=bool(c.get("hidden", False)), args=list(c["args"]),
                    expected=c.get("expected"), tolerance=c.get("tolerance"),
                    unordered=bool(c.get("unordered", False)))
           for i, c in enumerate(ordered)]
    script = (block.get("script") or {}).get(language)
    if script:
        out.append(TestSpec(index=len(out), hidden=True, script=script))
    return out
