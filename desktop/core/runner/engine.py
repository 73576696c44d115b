"""run_submission: prepare the program, run all its tests in one sandboxed
child, and if that child dies mid-way (time, memory, crash, processes left
behind) give the test it was on its verdict and continue with the rest in a
fresh child, until every test has one or the time budget is spent."""
from __future__ import annotations

import json
import signal
import time
from dataclasses import dataclass, field

from . import languages, programs, verdicts
from .judge import everything, judge, markers_for, runner_failure
from .limits import Limits
from .problem import LanguageSpec, ProblemError, TestSpec, language_spec
from .results import RunResult
from .sandbox import SandboxError, Workdir, run_jailed

GRACE_S = 1.0          # beyond the harness's own per-test timer, before we kill
BETWEEN_TESTS_S = 5.0  # reading the next (maybe huge) test, sending an answer
_MEMORY_SIGNS = ("MemoryError", "heap out of memory", "bad_alloc", "Cannot allocate memory",
                 "out of memory")
_SIGNAL_TEXT = {signal.SIGSEGV: "segmentation fault: invalid memory access or stack overflow",
                signal.SIGABRT: "aborted", signal.SIGFPE: "arithmetic error (e.g. division by zero)",
                signal.SIGBUS: "bus error", signal.SIGILL: "illegal instruction"}


class LanguageUnavailable(ProblemError):
    """The language's tool (node, g++) is not installed here."""


def run_submission(problem: dict, code: str | bytes, language: str = "python", *,
                   limits: Limits = Limits()) -> RunResult:
    """Judge `code` against the problem's tests. Safe to call from any thread.
    Raises ProblemError when the problem cannot run in that language."""
    spec = language_spec(problem, language)
    tool = languages.tool(language)
    if tool is None:
        raise LanguageUnavailable(languages.available_languages()[language]["reason"])
    text, problem_text = _source_text(code)
    if text is None:
        return everything(spec, verdicts.COMPILE_ERROR, problem_text, compile_output=problem_text,
                          markers=markers_for([_line_of(problem_text)], problem_text))
    try:
        with Workdir() as workdir:
            program = programs.prepare(spec, text, workdir, limits, tool)
            if isinstance(program, programs.CompileFailure):
                return everything(spec, verdicts.COMPILE_ERROR, "The code does not compile.",
                                  compile_output=program.output, markers=program.markers)
            collected = _execute(program, spec, workdir, limits)
    except SandboxError as exc:
        return runner_failure(spec, str(exc))
    except OSError as exc:   # e.g. no temp folder, a full disk: nothing of the code ran
        return runner_failure(spec, f"the run folder could not be prepared ({exc}).")
    result = judge(spec, collected)
    result.compile_output = result.compile_output or program.compile_output
    return result


# --- running -------------------------------------------------------------------

@dataclass
class Collected:
    """What the children reported, before judging."""

    done: dict[int, dict] = field(default_factory=dict)
    load_error: dict | None = None
    load_stdout: str = ""
    jail: dict = field(default_factory=dict)
    internal_error: str = ""


class _Deadlines:
    """Turns the child's events into the next kill deadline; asks for an early
    stop once enough tests went over the time or memory limit."""

    def __init__(self, limits: Limits, budget_end: float, costly_left: int):
        self.limits, self.budget_end, self.costly_left = limits, budget_end, costly_left
        self.costly = 0
        self.stopped = False

    def __call__(self, event: dict | None) -> float:
        now, kind = time.monotonic(), (event or {}).get("ev")
        if self.stopped:   # later events of the same read must not move the stop back
            return now
        if kind == "start":
            deadline = now + self.limits.time_limit_s + GRACE_S
        elif kind in (None, "jail"):   # starting, then loading the code
            deadline = now + self.limits.startup_s + self.limits.time_limit_s
        else:
            deadline = now + BETWEEN_TESTS_S
        if kind == "done" and event.get("status") in _COSTLY:
            self.costly += 1
            if self.costly >= self.costly_left:
                self.stopped = True
                return now
        return min(deadline, self.budget_end)


_COSTLY = ("timeout", "memory")


def _execute(program: programs.Program, spec: LanguageSpec, workdir: Workdir,
             limits: Limits) -> Collected:
    col = Collected()
    tests_blob = b"\n".join(json.dumps(_test_line(t)).encode() for t in spec.tests)
    budget_end = time.monotonic() + limits.total_time_s
    start, n = 0, len(spec.tests)
    costly, last_costly = 0, "timeout"
    while start < n and time.monotonic() < budget_end:
        header = dict(program.header, start=start, time_limit_s=limits.time_limit_s,
                      output_limit=limits.output_limit_bytes)
        deadlines = _Deadlines(limits, budget_end, max(1, limits.max_costly_failures - costly))
        outcome = run_jailed(mode=program.mode, argv=program.argv, workdir=workdir,
                             rlimits=program.rlimits, processes=program.processes,
                             on_event=deadlines, output_cap=limits.output_limit_bytes,
                             stdin=json.dumps(header).encode() + b"\n" + tests_blob,
                             memory_bytes=program.memory_bytes, disk_bytes=program.disk_bytes)
        ended = ready = voluntary = False
        running = None
        hidden_seen = False
        for ev in outcome.events:
            kind, i = ev.get("ev"), ev.get("i")
            if kind == "jail":
                col.jail = {k: v for k, v in ev.items() if k != "ev"}
            elif kind == "jail_error":
                col.internal_error = (ev.get("error") if ev.get("unavailable") else
                                      f"the sandbox could not be set up ({ev.get('error')}).")
                return col
            elif kind == "load_error":
                col.load_error = ev
                return col
            elif kind == "ready":
                ready, col.load_stdout = True, ev.get("stdout", "")
            elif kind == "start" and isinstance(i, int) and start <= i < n:
                running = i
                hidden_seen = hidden_seen or spec.tests[i].hidden
            elif kind == "done" and isinstance(i, int) and start <= i < n:
                col.done[i] = ev
                running = None if running == i else running
                if ev.get("status") in _COSTLY:
                    costly, last_costly = costly + 1, ev["status"]
            elif kind == "restart":
                voluntary = True
            elif kind == "end":
                ended = True
        if ended or deadlines.stopped:
            over = outcome.memory_exceeded or outcome.disk_exceeded
            finished = [i for i in col.done if i >= start]
            if ended and over and finished:   # went over after its last report: that test
                status, message = _fatal(outcome)
                col.done[max(finished)] = {"ev": "done", "i": max(finished), "status": status,
                                           "error": message}
            break
        if not col.jail:
            detail = outcome.stderr.decode("utf-8", "replace")[-2000:].strip()
            col.internal_error = ("the sandbox did not start"
                                  + (f" ({detail})." if detail else
                                     f" (it ended with {_ending(outcome)})."))
            return col
        status, message = _fatal(outcome)
        if not ready:   # died while loading the code (e.g. a top-level infinite loop)
            col.load_error = {"status": status, "error": message, "lines": []}
            return col
        if running is None:
            progressed = [i for i in col.done if i >= start]
            running = max(progressed) + 1 if progressed else start
            if running >= n:
                break
            if voluntary:
                start = running
                continue
        if status == "error" and not hidden_seen and outcome.stderr:
            message += "\n" + outcome.stderr.decode("utf-8", "replace")[-2000:]
        col.done[running] = {"ev": "done", "i": running, "status": status, "error": message}
        start = running + 1
        if status in _COSTLY:
            costly, last_costly = costly + 1, status
            if costly >= limits.max_costly_failures:
                break
    if costly >= limits.max_costly_failures:
        not_run = {"status": last_costly, "error": f"Not run: stopped after {costly} tests "
                   "went over the time or memory limit."}
    else:
        not_run = {"status": "timeout", "error": "Not run: the time for the whole submission "
                   "was used up by earlier tests."}
    for i in range(n):
        col.done.setdefault(i, dict(not_run))
    return col


def _test_line(test: TestSpec) -> dict:
    return {"script": test.script} if test.script is not None else {"args": test.args}


def _fatal(outcome) -> tuple[str, str]:
    """The verdict status of a test during which the child died or was killed."""
    if outcome.output_overflow:
        return "output", "The program wrote more output than allowed."
    if outcome.memory_exceeded:
        return "memory", ("The program ran out of memory: its processes together used more "
                          "than allowed.")
    if outcome.disk_exceeded:
        return "output", f"The program went over its disk quota: {outcome.disk_exceeded}."
    if outcome.timed_out:
        return "timeout", "The program was stopped: it ran past the time limit."
    if outcome.signal == signal.SIGXCPU:
        return "timeout", "The program used up its CPU time."
    text = (outcome.stderr + outcome.stdout).decode("utf-8", "replace")
    if any(sign in text for sign in _MEMORY_SIGNS):
        return "memory", "The program ran out of memory."
    if outcome.signal:
        name = _SIGNAL_TEXT.get(outcome.signal) or signal.Signals(outcome.signal).name
        return "error", f"The program crashed ({name})."
    return "error", f"The program exited (code {outcome.exit_code}) in the middle of the test."


def _ending(outcome) -> str:
    if outcome.signal:
        return signal.Signals(outcome.signal).name
    return f"exit code {outcome.exit_code}"


def _source_text(code: str | bytes) -> tuple[str | None, str]:
    """The code as text, or None and why it cannot be (not UTF-8)."""
    if isinstance(code, bytes):
        try:
            code = code.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = code[:exc.start].count(b"\n") + 1
            return None, (f"line {line}: the source is not valid UTF-8 "
                          f"(byte {exc.start} is 0x{code[exc.start]:02x}).")
    try:
        code.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = code[:exc.start].count("\n") + 1
        return None, f"line {line}: the source contains characters that are not valid UTF-8."
    return code.lstrip("\ufeff"), ""


def _line_of(message: str) -> int:
    try:
        return int(message.split(":", 1)[0].split()[-1])
    except (ValueError, IndexError):
        return 0
