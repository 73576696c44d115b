"""The Python test harness, run inside the sandboxed child after jail.py.

Input (stdin, read whole before the candidate's code runs): line 1 is a
header {"source", "entry_point", "start", "time_limit_s", "output_limit"};
each further line is one test, {"args": [...]} or {"script": "..."}.
Output: one JSON line per event on the results pipe. Expected answers never
come here -- the parent compares -- so a program cannot read hidden ones.
"""
import builtins
import io
import json
import os
import signal
import sys
import time
import types

# The builtins as they were before the candidate's code ran: the hidden checks
# run with these, so the code cannot swap abs(), sorted(), etc. under them.
_BUILTINS = dict(builtins.__dict__)

CANDIDATE_FILE = "solution.py"
CHECK_FILE = "<hidden checks>"
STDOUT_SHOWN = 64 * 1024          # characters of a test's output kept for display
VALUE_LIMIT = 32 * 1024 * 1024    # characters of a returned value sent back
ERROR_LIMIT = 4000


class _Stop(BaseException):
    """Raised into the candidate's code; a BaseException so that a plain
    `except Exception:` in that code does not swallow it."""


class _TimeUp(_Stop):
    pass


class _TooMuchOutput(_Stop):
    pass


class _NotPlainData(_Stop):
    """The candidate returned something the checks must not compare (it could
    answer `==` with whatever it likes). A BaseException: `except Exception:`
    in the checks does not swallow it, and the harness remembers it anyway."""


_MAX_DEPTH = 500


def plain(value, depth: int = 0):
    """`value` rebuilt from exact built-in types only (None, bool, int, float,
    complex, str, bytes, bytearray, list, tuple, dict, set, frozenset). Subclasses
    become their base type, read through the base type's own methods, so no
    method of the candidate's runs; anything else raises _NotPlainData."""
    t = type(value)
    if t in _EXACT_SCALARS:
        return value
    if depth > _MAX_DEPTH:
        raise _NotPlainData("the returned value is nested too deeply")
    d = depth + 1
    if t is list or isinstance(value, list):
        return [plain(x, d) for x in list.__iter__(value)]
    if t is tuple or isinstance(value, tuple):
        return tuple(plain(x, d) for x in tuple.__iter__(value))
    if t is dict or isinstance(value, dict):
        return {plain(k, d): plain(v, d) for k, v in dict.items(value)}
    if isinstance(value, frozenset):
        return frozenset(plain(x, d) for x in frozenset.__iter__(value))
    if isinstance(value, set):
        return {plain(x, d) for x in set.__iter__(value)}
    for base, convert in _SUBCLASS_CONVERSIONS:
        if isinstance(value, base):
            return convert(value)
    raise _NotPlainData(f"the function returned a {t.__name__!r} object; "
                        "return plain data (numbers, strings, lists, tuples, dicts, sets, None)")


_EXACT_SCALARS = frozenset({type(None), bool, int, float, complex, str, bytes})
_SUBCLASS_CONVERSIONS = (   # (bool cannot be subclassed)
    (int, int.__int__), (float, float.__float__), (str, str.__str__),
    (bytes, bytes.__bytes__), (complex, complex.__complex__),
    (bytearray, lambda v: bytearray(memoryview(v))),
)


class CappedOutput(io.TextIOBase):
    """sys.stdout/sys.stderr during a test: keeps what fits, then stops the test."""

    encoding = "utf-8"

    def __init__(self, limit: int):
        self.parts, self.size, self.limit, self.overflow = [], 0, limit, False

    def writable(self):
        return True

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        self.size += len(s)
        if self.size > self.limit:
            self.overflow = True
            raise _TooMuchOutput()
        if self.size - len(s) < STDOUT_SHOWN:
            self.parts.append(s)
        return len(s)

    def text(self) -> str:
        return "".join(self.parts)[:STDOUT_SHOWN]


class Harness:
    def __init__(self, results_fd: int, proc_fds: dict):
        self.rfd = results_fd
        self.proc = proc_fds
        self.pid = os.getpid()
        self.source_lines: list[str] = []

    # -- reporting ----------------------------------------------------------
    def emit(self, event: dict, raw_value: str | None = None) -> None:
        if os.getpid() != self.pid:   # a process the candidate forked: it must not report
            os._exit(0)
        line = json.dumps(event)
        if raw_value is not None:     # already JSON: splice in, no second encoding
            line = line[:-1] + ', "value": ' + raw_value + "}"
        data = (line + "\n").encode("utf-8", "replace")
        while data:
            data = data[os.write(self.rfd, data):]

    def peak_kb(self) -> int | None:
        fd = self.proc.get("status")
        if fd is None:
            return None
        for line in os.pread(fd, 4096, 0).decode().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return None

    def reset_peak(self) -> None:
        fd = self.proc.get("clear_refs")
        if fd is not None:
            try:
                os.write(fd, b"5")   # 5 = reset the peak resident set size
            except OSError:
                pass

    # -- errors ---------------------------------------------------------------
    def describe(self, exc: BaseException, filename: str = CANDIDATE_FILE) -> tuple[str, list[int]]:
        """A traceback that shows only the candidate's own frames."""
        import linecache
        import traceback
        linecache.cache[CANDIDATE_FILE] = (0, None, self.source_lines, CANDIDATE_FILE)
        if isinstance(exc, SyntaxError):
            exc.filename = filename
            text = "".join(traceback.format_exception_only(type(exc), exc))
            return text[:ERROR_LIMIT], [exc.lineno] if exc.lineno else []
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]
        shown = frames if len(frames) <= 8 else frames[:3] + frames[-5:]
        out = ["Traceback (most recent call last):\n"]
        for n, f in enumerate(shown):
            if len(frames) > 8 and n == 3:
                out.append(f"  ... {len(frames) - 8} more calls ...\n")
            out.append(f'  File "{f.filename}", line {f.lineno}, in {f.name}\n')
            if f.line:
                out.append(f"    {f.line}\n")
        try:
            out += traceback.format_exception_only(type(exc), exc)
        except Exception:
            out.append(type(exc).__name__ + "\n")
        text = "".join(out)
        if len(text) > ERROR_LIMIT:
            text = text[:ERROR_LIMIT] + "…\n"
        lines = []
        for f in reversed(frames):
            if f.lineno not in lines:
                lines.append(f.lineno)
        return text, lines[:10]

    # -- running --------------------------------------------------------------
    def guarded(self, func, out: CappedOutput, limit_s: float):
        """Call func with output captured and a timer armed.
        Returns (status, value, exception)."""
        real_out, real_err = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = out
        status, value, error = "ok", None, None
        try:
            try:
                signal.setitimer(signal.ITIMER_REAL, limit_s)
                value = func()
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except _TimeUp:
            status = "timeout"
        except _TooMuchOutput:
            status = "output"
        except MemoryError:
            status = "memory"
        except AssertionError as exc:
            status, error = "assert", exc
        except BaseException as exc:  # SystemExit, RecursionError, anything
            status, error = "error", exc
        finally:
            sys.stdout, sys.stderr = real_out, real_err
        if out.overflow:
            status = "output"
        return status, value, error

    def load(self, header: dict):
        source = header["source"]
        self.source_lines = source.splitlines(True)
        limit = header["output_limit"]
        try:
            code = compile(source, CANDIDATE_FILE, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, UnicodeError) as exc:
            text, lines = (self.describe(exc) if isinstance(exc, SyntaxError)
                           else (f"{type(exc).__name__}: {exc}", []))
            self.emit({"ev": "load_error", "status": "compile", "error": text, "lines": lines})
            return None
        module = types.ModuleType("solution")
        module.__dict__["__builtins__"] = builtins
        sys.modules["solution"] = module   # so dataclasses, pickle... find the module
        out = CappedOutput(limit)
        status, _, exc = self.guarded(lambda: exec(code, module.__dict__), out,
                                      header["time_limit_s"])
        if status != "ok":
            text, lines = self.describe(exc) if exc is not None else ("", [])
            self.emit({"ev": "load_error", "status": status, "error": text, "lines": lines,
                       "stdout": out.text()})
            return None
        fn = module.__dict__.get(header["entry_point"])
        if not callable(fn):
            self.emit({"ev": "load_error", "status": "error", "lines": [], "stdout": out.text(),
                       "error": f"No function named {header['entry_point']!r} is defined."})
            return None
        self.emit({"ev": "ready", "stdout": out.text()})
        return module.__dict__, fn

    def run_test(self, index: int, test: dict, header: dict, namespace: dict, fn) -> None:
        self.emit({"ev": "start", "i": index})
        out = CappedOutput(header["output_limit"])
        not_plain = []
        if "script" in test:
            def candidate(*args, **kwargs):
                # What the checks see is plain data, never the candidate's own
                # objects (an object whose __eq__ always says True passes any assert).
                try:
                    return plain(fn(*args, **kwargs))
                except _NotPlainData as exc:
                    not_plain.append(str(exc))
                    raise

            def call():
                # The checks may use the prompt's helpers, but not names that
                # shadow the builtins, and they get the builtins as they were.
                scope = {k: v for k, v in namespace.items() if k not in _BUILTINS}
                scope["__builtins__"] = dict(_BUILTINS)
                exec(compile(test["script"], CHECK_FILE, "exec"), scope)
                scope["check"](candidate)
        else:
            args = test["args"]

            def call():
                return fn(*args)
        self.reset_peak()
        t0 = time.perf_counter()
        status, value, exc = self.guarded(call, out, header["time_limit_s"])
        elapsed_ms = (time.perf_counter() - t0) * 1000
        if not_plain and status not in ("timeout", "output", "memory"):
            status, exc = "assert", None   # even if the checks caught the exception
        event = {"ev": "done", "i": index, "status": status, "time_ms": round(elapsed_ms, 3),
                 "mem_kb": self.peak_kb(), "stdout": out.text()}
        if not_plain and status == "assert":
            event["error"] = "Wrong answer: " + not_plain[0]
        if exc is not None and status == "error":
            event["error"], event["lines"] = self.describe(exc)
        raw = None
        if status == "ok" and "script" not in test:
            raw = to_json(value)
            if raw is None:
                event["status"], event["error"] = "output", "The returned value is too large."
        self.emit(event, raw)
        if _has_children():
            # Processes the code started are still running: end this process so
            # the parent kills them with the group and continues in a fresh one.
            self.emit({"ev": "restart", "reason": "processes left running"})
            os._exit(0)


def _unjsonable(value):
    if isinstance(value, (set, frozenset)):
        try:
            return sorted(value)
        except TypeError:
            return list(value)
    return {"__unserializable__": repr(value)[:300]}


def to_json(value) -> str | None:
    try:
        text = json.dumps(value, default=_unjsonable, ensure_ascii=False)
    except (ValueError, TypeError, RecursionError) as exc:
        text = json.dumps({"__unserializable__": f"{type(exc).__name__}: {exc}"[:300]})
    return text if len(text) <= VALUE_LIMIT else None


def _has_children() -> bool:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return False
        if pid == 0:
            return True


def _time_up(signum, frame):
    raise _TimeUp()


def main(results_fd: int, proc_fds: dict) -> None:
    data = sys.stdin.buffer.read()
    lines = data.split(b"\n")
    del data
    header = json.loads(lines[0])
    signal.signal(signal.SIGALRM, _time_up)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    harness = Harness(results_fd, proc_fds)
    loaded = harness.load(header)
    if loaded is not None:
        namespace, fn = loaded
        tests = [line for line in lines[1:] if line.strip()]
        for index in range(header["start"], len(tests)):
            test = json.loads(tests[index])
            tests[index] = b""   # free the input as we go
            harness.run_test(index, test, header, namespace, fn)
        harness.emit({"ev": "end"})
    os._exit(0)   # no interpreter teardown: faster, and no candidate atexit/__del__ output
