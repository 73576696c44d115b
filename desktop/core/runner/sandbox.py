"""Parent side of the sandbox: a fresh folder, a scrubbed environment, and one
supervised child started through child/jail.py.

The child writes JSON events on a private pipe; this module enforces the
deadlines the caller derives from those events, caps everything it reads
(a program printing 1 GB costs us at most the cap), kills the whole process
group (and pids cgroup) at the end, and reports exit status and rusage.
"""
from __future__ import annotations

import functools
import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import cgroups

JAIL = str(Path(__file__).resolve().parent / "child" / "jail.py")
SAFE_PATH = "/usr/local/bin:/usr/bin:/bin"
DRAIN_S = 0.3            # after the child ends, how long its leftovers may keep pipes open
RESULTS_CAP = 96 * 1024 * 1024


class SandboxError(RuntimeError):
    """The sandbox could not be set up; nothing of the candidate's code ran."""


@dataclass(frozen=True)
class Plan:
    """Which protections every run asks for (the child reports what it got)."""
    user: tuple[int, int] | None     # drop to this uid/gid (only when we are root)
    network: bool
    landlock: bool
    cgroups: bool


@functools.lru_cache(maxsize=1)
def plan() -> Plan:
    linux = sys.platform.startswith("linux")
    user = _unprivileged_user() if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    return Plan(user=user, network=linux, landlock=linux,
                cgroups=linux and cgroups.base_dir() is not None)


def _unprivileged_user() -> tuple[int, int]:
    import pwd
    try:
        pw = pwd.getpwnam("nobody")
        return pw.pw_uid, pw.pw_gid
    except KeyError:
        return 65534, 65534


@functools.lru_cache(maxsize=1)
def python_executable() -> str | None:
    """The interpreter that runs the jail and Python submissions: our own, unless
    the unprivileged user cannot read its standard library (e.g. a pyenv under
    /root), then a system one it can read."""
    frozen = getattr(sys, "frozen", False)   # a PyInstaller build has no interpreter of its own
    candidates = [] if frozen else [sys.executable]
    candidates += [shutil.which("python3"), "/usr/bin/python3", "/usr/local/bin/python3"]
    user = plan().user
    seen = set()
    for exe in candidates:
        if not exe or exe in seen or not os.access(exe, os.X_OK):
            continue
        seen.add(exe)
        if user is None or _runs_as(exe, user):
            return exe
    return None


def _runs_as(exe: str, user: tuple[int, int]) -> bool:
    try:
        done = subprocess.run([exe, "-I", "-S", "-c", "import json, collections, ctypes"],
                              user=user[0], group=user[1], extra_groups=[], cwd="/",
                              env={"PATH": SAFE_PATH}, capture_output=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


class Workdir:
    """A fresh private folder per run, owned by the sandbox user, removed after."""

    def __init__(self):
        self.path = tempfile.mkdtemp(prefix="pp-run-")
        user = plan().user
        if user:
            os.chown(self.path, *user)

    def write(self, name: str, text: str) -> str:
        target = os.path.join(self.path, name)
        with open(target, "w", encoding="utf-8") as f:
            f.write(text)
        user = plan().user
        if user:
            os.chown(target, *user)
        return target

    def __enter__(self) -> "Workdir":
        return self

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


@dataclass
class Outcome:
    events: list[dict] = field(default_factory=list)
    exit_code: int | None = None
    signal: int | None = None
    timed_out: bool = False
    output_overflow: bool = False
    stdout: bytes = b""
    stderr: bytes = b""
    wall_s: float = 0.0
    max_rss_kb: int | None = None

    def event(self, name: str) -> dict | None:
        return next((e for e in self.events if e.get("ev") == name), None)


def task_count(uid: int) -> int:
    """Tasks (processes + threads) owned by uid: RLIMIT_NPROC counts them all."""
    total = 0
    try:
        entries = os.listdir("/proc")
    except OSError:
        return 0
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            if os.stat(f"/proc/{entry}").st_uid == uid:
                total += len(os.listdir(f"/proc/{entry}/task"))
        except OSError:
            continue
    return total


def run_jailed(*, mode: str, workdir: Workdir, rlimits: dict, processes: int,
               on_event: Callable[[dict | None], float], output_cap: int,
               stdin: bytes = b"", argv: list[str] | None = None,
               extra: dict | None = None) -> Outcome:
    """Start jail.py in `mode` ("python", "exec" or "probe") and supervise it.

    on_event(None) gives the first deadline (time.monotonic() based); it is
    called again with every event and returns the next deadline.
    """
    python = python_executable()
    if not python:
        raise SandboxError("No Python interpreter was found to run the sandbox.")
    p = plan()
    cgroup = cgroups.create(processes) if p.cgroups else None
    owner = p.user[0] if p.user else os.getuid()
    limits = dict(rlimits, NPROC=task_count(owner) + processes, CORE=0)
    read_fd, write_fd = os.pipe()
    config = {"results_fd": write_fd, "mode": mode, "argv": argv, "user": p.user,
              "network": p.network, "landlock": p.landlock, "cgroup": cgroup,
              "rlimits": limits, **(extra or {})}
    env = {"PATH": SAFE_PATH, "HOME": workdir.path, "TMPDIR": workdir.path,
           "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PP_RESULTS_FD": str(write_fd)}
    try:
        proc = subprocess.Popen(
            [python, "-I", "-S", JAIL, json.dumps(config)], cwd=workdir.path, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            pass_fds=(write_fd,), start_new_session=True)
    except OSError as exc:
        os.close(read_fd)
        cgroups.destroy(cgroup)
        raise SandboxError(f"Could not start the sandbox: {exc}") from exc
    finally:
        os.close(write_fd)
    try:
        if cgroup:
            try:
                cgroups.add(cgroup, proc.pid)
            except OSError as exc:
                raise SandboxError(f"Could not put the run in its pids cgroup: {exc}") from exc
        return _supervise(proc, read_fd, stdin, on_event, output_cap)
    finally:
        _kill_group(proc.pid)
        cgroups.destroy(cgroup)
        os.close(read_fd)
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            try:
                stream.close()
            except OSError:
                pass


def _supervise(proc: subprocess.Popen, results_fd: int, stdin: bytes,
               on_event: Callable[[dict | None], float], output_cap: int) -> Outcome:
    out = Outcome()
    started = time.monotonic()
    deadline = on_event(None)
    sel = selectors.DefaultSelector()
    buffers = {proc.stdout.fileno(): bytearray(), proc.stderr.fileno(): bytearray()}
    raw_total = 0
    pending = bytearray()          # results: an incomplete last line
    results_total = 0
    for fd in (*buffers, results_fd):
        os.set_blocking(fd, False)
        sel.register(fd, selectors.EVENT_READ)
    stdin_fd = proc.stdin.fileno()
    view = memoryview(stdin)
    if view:
        os.set_blocking(stdin_fd, False)
        sel.register(stdin_fd, selectors.EVENT_WRITE)
    else:
        proc.stdin.close()
    pidfd = _pidfd(proc.pid)
    if pidfd is not None:
        sel.register(pidfd, selectors.EVENT_READ)
    stop_at = None                 # set once the child ended or was killed: drain, then stop
    try:
        while True:
            now = time.monotonic()
            if stop_at is None and now >= deadline:
                out.timed_out = True
                _kill_group(proc.pid)
                stop_at = now + DRAIN_S
            if stop_at is not None and view:   # nobody will read the rest of the input
                sel.unregister(stdin_fd)
                proc.stdin.close()
                view = view[:0]
            if stop_at is not None and (now >= stop_at or _only(sel, pidfd)):
                break
            wait = (stop_at if stop_at is not None else deadline) - now
            if pidfd is None:
                wait = min(wait, 0.02)
            for key, _ in sel.select(max(0.0, wait)):
                fd = key.fd
                if fd == pidfd:
                    sel.unregister(fd)
                    stop_at = stop_at or time.monotonic() + DRAIN_S
                elif fd == stdin_fd:
                    view = _feed(sel, proc, view)
                elif fd == results_fd:
                    chunk = _read(sel, fd)
                    results_total += len(chunk)
                    if results_total > RESULTS_CAP:
                        out.output_overflow = True
                        _kill_group(proc.pid)
                        stop_at = stop_at or time.monotonic() + DRAIN_S
                        continue
                    pending += chunk
                    *lines, rest = pending.split(b"\n")
                    pending = bytearray(rest)
                    for line in lines:
                        event = _parse(line)
                        if event is not None:
                            out.events.append(event)
                            if stop_at is None:
                                deadline = on_event(event)
                else:
                    chunk = _read(sel, fd)
                    raw_total += len(chunk)
                    keep = output_cap - len(buffers[fd])
                    if keep > 0:
                        buffers[fd] += chunk[:keep]
                    if raw_total > output_cap and not out.output_overflow:
                        out.output_overflow = True
                        _kill_group(proc.pid)
                        stop_at = stop_at or time.monotonic() + DRAIN_S
            if pidfd is None and stop_at is None and _exited(proc.pid):
                stop_at = time.monotonic() + DRAIN_S
    finally:
        sel.close()
        if pidfd is not None:
            os.close(pidfd)
    _kill_group(proc.pid)   # leftovers of a finished child, or the child itself
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if os.WIFSIGNALED(status):
        out.signal = os.WTERMSIG(status)
    else:
        out.exit_code = os.WEXITSTATUS(status)
    out.max_rss_kb = usage.ru_maxrss
    out.stdout, out.stderr = bytes(buffers[proc.stdout.fileno()]), bytes(buffers[proc.stderr.fileno()])
    out.wall_s = time.monotonic() - started
    return out


def _only(sel: selectors.BaseSelector, pidfd: int | None) -> bool:
    """True when every pipe reached end of file (only the pidfd, if any, is left)."""
    return all(key.fd == pidfd for key in sel.get_map().values())


def _feed(sel, proc, view: memoryview) -> memoryview:
    fd = proc.stdin.fileno()
    try:
        written = os.write(fd, view[:65536])
        view = view[written:]
    except BlockingIOError:
        return view
    except OSError:          # the child stopped reading (it ended early)
        view = view[:0]
    if not view:
        sel.unregister(fd)
        proc.stdin.close()
    return view


def _read(sel, fd: int) -> bytes:
    try:
        chunk = os.read(fd, 1 << 16)
    except BlockingIOError:
        return b""
    except OSError:
        chunk = b""
    if not chunk:
        sel.unregister(fd)
    return chunk


def _parse(line: bytes) -> dict | None:
    try:   # C++ programs may print invalid UTF-8 into their output
        event = json.loads(line.decode("utf-8", "replace"))
    except ValueError:
        return None
    return event if isinstance(event, dict) else None


def _pidfd(pid: int) -> int | None:
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None


def _exited(pid: int) -> bool:
    try:   # WNOWAIT: look without reaping, wait4 below collects the status and rusage
        return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:
        return True


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
