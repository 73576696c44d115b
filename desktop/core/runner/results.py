"""What a run produces. Hidden tests carry only their verdict, time and
memory: their input, expected value, answer and output never enter the
result object, so nothing downstream (UI, DB, engine prompts) can leak them."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import verdicts


@dataclass
class TestResult:
    index: int
    name: str
    hidden: bool
    verdict: str
    time_ms: float | None = None
    memory_kb: int | None = None
    # Visible tests only (always None for hidden ones):
    input: list | None = None
    expected: Any = None
    actual: Any = None
    stdout: str | None = None
    error: str | None = None          # trimmed traceback / message
    error_lines: list[int] = field(default_factory=list)  # candidate-file lines to mark

    @property
    def passed(self) -> bool:
        return self.verdict == verdicts.ACCEPTED

    def as_dict(self) -> dict:
        d = {"index": self.index, "name": self.name, "hidden": self.hidden,
             "verdict": self.verdict, "passed": self.passed,
             "time_ms": self.time_ms, "memory_kb": self.memory_kb}
        if not self.hidden:
            d.update(input=self.input, expected=self.expected, actual=self.actual,
                     stdout=self.stdout, error=self.error, error_lines=list(self.error_lines))
        return d


@dataclass
class RunResult:
    verdict: str
    language: str
    tests: list[TestResult] = field(default_factory=list)
    run_time_ms: float | None = None      # sum of the tests' times
    peak_memory_kb: int | None = None     # highest resident memory seen in any test
    compile_output: str = ""              # compiler / syntax-error text
    message: str = ""                     # one line about the whole run, when useful
    stdout: str = ""                      # output printed while the code was loaded
    # Where the editor should put markers: {"line", "message", "severity"}.
    markers: list[dict] = field(default_factory=list)
    sandbox: dict = field(default_factory=dict)  # protections active for this run

    @property
    def passed(self) -> int:
        return sum(t.passed for t in self.tests)

    @property
    def total(self) -> int:
        return len(self.tests)

    @property
    def accepted(self) -> bool:
        return self.verdict == verdicts.ACCEPTED

    def submission_fields(self) -> dict:
        """Keyword arguments for db.service.add_code_submission(iid, language, code, **...)."""
        return {"verdict": self.verdict, "passed": self.passed, "total": self.total,
                "results": [t.as_dict() for t in self.tests], "run_time_ms": self.run_time_ms,
                "peak_memory_kb": self.peak_memory_kb}

    def as_dict(self) -> dict:
        return {"verdict": self.verdict, "language": self.language, "passed": self.passed,
                "total": self.total, "run_time_ms": self.run_time_ms,
                "peak_memory_kb": self.peak_memory_kb, "compile_output": self.compile_output,
                "message": self.message, "stdout": self.stdout,
                "markers": [dict(m) for m in self.markers],
                "tests": [t.as_dict() for t in self.tests], "sandbox": dict(self.sandbox)}
