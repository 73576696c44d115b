"""From what the sandboxed children reported to verdicts. Hidden tests get
their verdict, time and memory here and nothing else."""
from __future__ import annotations

from . import verdicts
from .compare import answers_match
from .problem import LanguageSpec, TestSpec
from .results import RunResult, TestResult


def judge(spec: LanguageSpec, col) -> RunResult:
    """Verdicts from what the children reported (an engine.Collected)."""
    if col.internal_error:
        return runner_failure(spec, col.internal_error, sandbox=col.jail)
    if col.load_error is not None:
        ev = col.load_error
        status = ev.get("status", "error")
        verdict = (verdicts.COMPILE_ERROR if status == "compile"
                   else verdicts.STATUS_VERDICT.get(status, verdicts.RUNTIME_ERROR))
        error = ev.get("error") or _STATUS_TEXT.get(status, "")
        return everything(spec, verdict, error,
                          compile_output=error if status == "compile" else "",
                          markers=markers_for(ev.get("lines") or [], error),
                          stdout=ev.get("stdout", ""), sandbox=col.jail)
    tests = [_test_result(t, col.done[t.index]) for t in spec.tests]
    times = [t.time_ms for t in tests if t.time_ms is not None]
    mems = [t.memory_kb for t in tests if t.memory_kb]
    markers: list[dict] = []
    for t in tests:
        markers += markers_for(t.error_lines, t.error or "")
    return RunResult(verdict=verdicts.overall([t.verdict for t in tests]), language=spec.language,
                     tests=tests, run_time_ms=round(sum(times), 3) if times else None,
                     peak_memory_kb=max(mems) if mems else None, stdout=col.load_stdout,
                     markers=_dedupe(markers), sandbox=col.jail)


_STATUS_TEXT = {"timeout": "Time limit exceeded.", "memory": "Memory limit exceeded.",
                "output": "Output limit exceeded."}


def _test_result(test: TestSpec, ev: dict) -> TestResult:
    status = ev.get("status", "error")
    value = ev.get("value")
    if status == "ok":
        passed = test.script is not None or answers_match(
            test.expected, value, tolerance=test.tolerance, unordered=test.unordered)
        verdict = verdicts.ACCEPTED if passed else verdicts.WRONG_ANSWER
    else:
        verdict = verdicts.STATUS_VERDICT.get(status, verdicts.RUNTIME_ERROR)
    mem = ev.get("mem_kb")
    result = TestResult(index=test.index, name=test.name, hidden=test.hidden, verdict=verdict,
                        time_ms=ev.get("time_ms"), memory_kb=mem if mem and mem > 0 else None)
    if not test.hidden:   # hidden tests: nothing beyond the verdict leaves this function
        if isinstance(value, dict) and set(value) == {"__unserializable__"}:
            value = value["__unserializable__"]
        error = ev.get("error") or (_STATUS_TEXT.get(status) if status != "ok" else None)
        result.input, result.expected, result.stdout = test.args, test.expected, ev.get("stdout", "")
        result.actual = value if status == "ok" else None
        result.error, result.error_lines = error, list(ev.get("lines") or [])
    return result


def everything(spec: LanguageSpec, verdict: str, message: str, *, compile_output: str = "",
               markers: list[dict] | None = None, stdout: str = "",
               sandbox: dict | None = None) -> RunResult:
    """One verdict for every test (compile error, load failure, sandbox failure)."""
    tests = []
    for t in spec.tests:
        r = TestResult(index=t.index, name=t.name, hidden=t.hidden, verdict=verdict)
        if not t.hidden:
            r.input, r.expected, r.error = t.args, t.expected, message
        tests.append(r)
    return RunResult(verdict=verdict, language=spec.language, tests=tests, message=message,
                     compile_output=compile_output, markers=markers or [], stdout=stdout,
                     sandbox=sandbox or {})


RUNNER_FAILED = "The code runner failed, not your code"


def runner_failure(spec: LanguageSpec, detail: str, sandbox: dict | None = None) -> RunResult:
    """Internal Error for every test: the sandbox could not run the code (it was not
    judged). The message always starts with RUNNER_FAILED, then says why."""
    detail = detail.strip() or "unknown reason."
    return everything(spec, verdicts.INTERNAL_ERROR, f"{RUNNER_FAILED}: {detail}",
                      sandbox=sandbox)


def markers_for(lines: list[int], error: str) -> list[dict]:
    # The error line itself: the last line that is not indented (Python puts it
    # last, node before its "    at ..." frames).
    summary = next((ln.strip() for ln in reversed(error.splitlines())
                    if ln.strip() and not ln[:1].isspace()), "")
    return [{"line": int(n), "message": summary, "severity": "error"} for n in lines if n]


def _dedupe(markers: list[dict]) -> list[dict]:
    seen, out = set(), []
    for m in markers:
        if m["line"] not in seen:
            seen.add(m["line"])
            out.append(m)
    return out
