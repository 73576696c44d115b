"""Parent side of the sandbox: a fresh folder, a scrubbed environment, and one
supervised child started through child/jail.py.

The child writes JSON events on a private pipe; this module enforces the
deadlines the caller derives from those events, caps everything it reads
(a program printing 1 GB costs us at most the cap), watches the memory of
all the run's processes together and the size of its folder (stopping the
run past either cap), kills the whole process group (and the run's cgroups)
at the end, and reports exit status and rusage.
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
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import cgroups

JAIL = str(Path(__file__).resolve().parent / "child" / "jail.py")
SAFE_PATH = "/usr/local/bin:/usr/bin:/bin"
DRAIN_S = 0.3            # after the child ends, how long its leftovers may keep pipes open
RESULTS_CAP = 96 * 1024 * 1024
WATCH_S = 0.05           # how often the run's memory and folder size are checked
HELPERS = 2              # jail processes besides the code: the outer helper and init (PID 1)
MAX_FILES = 2000         # entries the run's folder may hold (empty files cost no bytes)
WORKDIR_PREFIX = "pp-run-"
STALE_S = 600            # an unlocked run folder of an older version this old is a leftover
FRESH_S = 5              # a run folder younger than this is never taken for a leftover


class SandboxError(RuntimeError):
    """The sandbox could not be set up; nothing of the candidate's code ran."""


@dataclass(frozen=True)
class Plan:
    """Which protections every run asks for (the child reports what it got)."""
    user: tuple[int, int] | None     # drop to this uid/gid (only when we are root)
    network: bool
    landlock: bool
    cgroups: bool
    pid_namespace: bool


@functools.lru_cache(maxsize=1)
def plan() -> Plan:
    linux = sys.platform.startswith("linux")
    user = _unprivileged_user() if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    # A PID namespace keeps the code from seeing or signalling any process outside
    # the run. Needed when the code keeps our uid (it could signal the app) unless
    # Landlock scopes signals (ABI 6); as root, the code runs as another user, so
    # the namespace is only worth its cost (~5 ms a run) when Landlock cannot
    # keep it from signalling other runs.
    pid_namespace = linux and (user is None or landlock_abi() < 6)
    return Plan(user=user, network=linux, landlock=linux,
                cgroups=linux and any(cgroups.available().values()),
                pid_namespace=pid_namespace)


def landlock_abi() -> int:
    try:
        from .child import landlock
        return landlock.abi_version()
    except (OSError, ImportError, AttributeError):
        return 0


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
    """A fresh private folder per run, owned by the sandbox user, removed after.
    The app holds an flock on it while it exists: a pp-run-* folder nobody
    holds is a leftover of an app that crashed (any app instance, in any PID
    namespace), and the first run of the next app removes it."""

    def __init__(self):
        remove_leftovers()
        self.path = tempfile.mkdtemp(prefix=f"{WORKDIR_PREFIX}{os.getpid()}-")
        self._lock = _lock_folder(self.path, wait=True)
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
        remove_tree(self.path)
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def _lock_folder(path: str, wait: bool) -> int | None:
    """An fd holding an exclusive flock on the folder; None if another process
    holds it (or locks are not available here)."""
    try:
        import fcntl
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except (ImportError, OSError):
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        return fd
    except OSError:
        os.close(fd)
        return None


_leftovers_done = False
_leftovers_lock = threading.Lock()


def remove_leftovers(force: bool = False) -> list[str]:
    """Delete the pp-run-* folders in the temp folder that no app holds (once per
    process, unless forced). Returns what was removed."""
    global _leftovers_done
    with _leftovers_lock:
        if _leftovers_done and not force:
            return []
        _leftovers_done = True
        removed = []
        try:
            entries = list(os.scandir(tempfile.gettempdir()))
        except OSError:
            return removed
        now = time.time()
        for entry in entries:
            if not entry.name.startswith(WORKDIR_PREFIX):
                continue
            try:
                if not entry.is_dir(follow_symlinks=False):
                    continue
                age = now - entry.stat(follow_symlinks=False).st_mtime
            except OSError:
                continue
            owner = entry.name[len(WORKDIR_PREFIX):].split("-", 1)[0]
            if age < FRESH_S or (not owner.isdigit() and age < STALE_S):
                # Just made (its app may not hold the lock yet), or a name of older
                # versions, which took no lock: judge those by age.
                continue
            lock = _lock_folder(entry.path, wait=False)
            if lock is None:
                continue    # a live app is using it
            try:
                remove_tree(entry.path)
            finally:
                os.close(lock)
            removed.append(entry.path)
        return removed


def remove_tree(path: str) -> None:
    """rmtree that also gets through folders the code made unreadable (chmod 0)."""
    def retry(func, target, _exc):
        try:
            os.chmod(os.path.dirname(target), 0o700)
            if os.path.isdir(target) and not os.path.islink(target):
                os.chmod(target, 0o700)
                shutil.rmtree(target, ignore_errors=True)
            else:
                func(target)
        except OSError:
            pass
    shutil.rmtree(path, onerror=retry)
    if os.path.lexists(path):
        shutil.rmtree(path, ignore_errors=True)


@dataclass
class Outcome:
    events: list[dict] = field(default_factory=list)
    exit_code: int | None = None
    signal: int | None = None
    timed_out: bool = False
    output_overflow: bool = False
    memory_exceeded: bool = False    # all the run's processes together went over the cap
    disk_exceeded: str = ""          # why the run's folder went over its quota
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
               extra: dict | None = None, memory_bytes: int | None = None,
               disk_bytes: int | None = None) -> Outcome:
    """Start jail.py in `mode` ("python", "exec" or "probe") and supervise it.

    on_event(None) gives the first deadline (time.monotonic() based); it is
    called again with every event and returns the next deadline.
    memory_bytes caps all the run's processes together (a memory cgroup, or
    else polling); disk_bytes caps the run's folder (polling).
    """
    python = python_executable()
    if not python:
        raise SandboxError("no Python interpreter was found to run the sandbox.")
    p = plan()
    cgroup = cgroups.create(processes + HELPERS, memory_bytes) if p.cgroups else None
    owner = p.user[0] if p.user else os.getuid()
    limits = dict(rlimits, NPROC=task_count(owner) + processes + HELPERS, CORE=0)
    read_fd, write_fd = os.pipe()
    config = {"results_fd": write_fd, "mode": mode, "argv": argv, "user": p.user,
              "network": p.network, "landlock": p.landlock,
              "pid_namespace": p.pid_namespace,
              "cgroups": cgroup.dirs if cgroup else [],
              "cgroup_pids": bool(cgroup and cgroup.pids),
              "cgroup_memory": bool(cgroup and cgroup.memory),
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
        raise SandboxError(f"the sandbox process could not be started ({exc}).") from exc
    finally:
        os.close(write_fd)
    try:
        if cgroup:
            try:
                cgroups.add(cgroup, proc.pid)
            except OSError as exc:
                raise SandboxError(f"the run could not be put in its cgroups ({exc}).") from exc
        watch = _Watch(proc.pid, workdir.path, cgroup, memory_bytes, disk_bytes)
        return _supervise(proc, read_fd, stdin, on_event, output_cap, watch)
    finally:
        _kill_group(proc.pid)
        cgroups.destroy(cgroup)
        os.close(read_fd)
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            try:
                stream.close()
            except OSError:
                pass


class _Watch:
    """The limits no single rlimit expresses, checked every WATCH_S: memory of all
    the run's processes together, and the size of the run's folder."""

    def __init__(self, pid: int, folder: str, group, memory_bytes, disk_bytes):
        self.pid, self.folder, self.group = pid, folder, group
        self.memory_bytes, self.disk_bytes = memory_bytes, disk_bytes
        self.poll_memory = bool(memory_bytes) and not (group and group.memory)

    def check(self, out: Outcome) -> bool:
        """True when a limit was passed (recorded in `out`)."""
        if self.memory_bytes:
            if self.poll_memory:
                out.memory_exceeded = tree_memory_bytes(self.pid) > self.memory_bytes
            else:
                out.memory_exceeded = cgroups.memory_exceeded(self.group)
        if self.disk_bytes and not out.memory_exceeded:
            out.disk_exceeded = folder_over_quota(self.folder, self.disk_bytes)
        return out.memory_exceeded or bool(out.disk_exceeded)


def folder_over_quota(path: str, quota: int, max_files: int = MAX_FILES) -> str:
    """Why the folder is over its quota ("" when it is not): bytes on disk or entries."""
    total, count = folder_usage(path, quota, max_files)
    if total > quota:
        return f"it wrote more than {quota / (1024 * 1024):g} MB in its folder"
    if count > max_files:
        return f"it created more than {max_files} files in its folder"
    return ""


def folder_usage(path: str, stop_bytes: int | None = None,
                 stop_count: int | None = None) -> tuple[int, int]:
    """(bytes, entries) under path, symlinks not followed; a file counts its size
    or its blocks, whichever is more. Stops early past stop_bytes / stop_count."""
    total, count, stack = 0, 0, [path]
    while stack:
        try:
            with os.scandir(stack.pop()) as it:
                for entry in it:
                    count += 1
                    try:
                        st = entry.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    is_dir = entry.is_dir(follow_symlinks=False)
                    total += max(0 if is_dir else st.st_size, st.st_blocks * 512)
                    if is_dir:
                        stack.append(entry.path)
                    if ((stop_bytes is not None and total > stop_bytes)
                            or (stop_count is not None and count > stop_count)):
                        return total, count
        except OSError:
            continue
    return total, count


def tree_memory_bytes(root: int) -> int:
    """Memory of a process and all its descendants (proportional set size, so
    pages shared after fork count once). Orphans stay in the tree: the jail is
    their subreaper, or init of the run's PID namespace."""
    total, seen, stack = 0, set(), [root]
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += _process_memory(pid)
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{pid}/task/{tid}/children") as f:
                    stack += [int(c) for c in f.read().split()]
            except OSError:
                continue
    return total


def _process_memory(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _supervise(proc: subprocess.Popen, results_fd: int, stdin: bytes,
               on_event: Callable[[dict | None], float], output_cap: int,
               watch: _Watch | None = None) -> Outcome:
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
    next_watch = started + WATCH_S
    try:
        while True:
            now = time.monotonic()
            if stop_at is None and now >= deadline:
                out.timed_out = True
                _kill_group(proc.pid)
                stop_at = now + DRAIN_S
            if watch is not None and stop_at is None and now >= next_watch:
                if watch.check(out):
                    _kill_group(proc.pid)
                    stop_at = now + DRAIN_S
                next_watch = time.monotonic() + WATCH_S
            if stop_at is not None and view:   # nobody will read the rest of the input
                sel.unregister(stdin_fd)
                proc.stdin.close()
                view = view[:0]
            if stop_at is not None and (now >= stop_at or _only(sel, pidfd)):
                break
            wait = (stop_at if stop_at is not None else min(deadline, next_watch)) - now
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
    if watch is not None and not (out.memory_exceeded or out.disk_exceeded):
        watch.check(out)    # e.g. a cgroup OOM kill that ended the child before a tick
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
