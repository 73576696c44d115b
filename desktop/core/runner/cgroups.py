"""Control groups per run, when this machine lets us make them:

- pids: caps the number of tasks of one submission and, unlike a process
  group, also finds processes that escaped with setsid(), so they can be killed;
- memory: caps the memory of all the run's processes *together* (RLIMIT_AS is
  per process, and a run may have many), and tells us when the cap was hit.

Works with cgroup v1 (a hierarchy per controller, e.g. as root) and v2 (one
hierarchy: at its root, or next to our own cgroup when that part of the tree is
delegated to us). A run's cgroups are named perfect-pitch-<app pid>-<n>, so the
ones a crashed app left behind can be recognised and removed.
"""
from __future__ import annotations

import itertools
import os
import re
import signal
import threading
import time
from dataclasses import dataclass, field

_MOUNTINFO = "/proc/self/mountinfo"
_PREFIX = "perfect-pitch-"
_NAME = re.compile(r"^perfect-pitch-(\d+)-\d+$")
_counter = itertools.count()
_lock = threading.Lock()
_parents: dict | None = None        # controller -> (parent dir, version), looked up once
_cleaned = False


@dataclass
class RunGroup:
    """The cgroup directories one run's processes are put in."""
    dirs: list[str] = field(default_factory=list)
    pids: str | None = None          # directory holding pids.max
    memory: str | None = None        # directory holding the memory limit
    memory_v1: bool = False


def available() -> dict[str, str | None]:
    """{"pids": parent dir or None, "memory": parent dir or None}."""
    return {name: (found[0] if found else None) for name, found in _lookup().items()}


def base_dir() -> str | None:
    """Where the pids cgroups go (kept for callers that only need pids)."""
    return available()["pids"]


def _lookup() -> dict:
    global _parents
    with _lock:
        if _parents is None:
            _parents = {name: _find_parent(name) for name in ("pids", "memory")}
        return _parents


def _mounts() -> tuple[dict[str, str], str | None]:
    """v1 mount point per controller, and the v2 mount point."""
    v1, v2 = {}, None
    try:
        with open(_MOUNTINFO) as f:
            lines = f.read().splitlines()
    except OSError:
        return v1, v2
    for line in lines:
        left, _, right = line.partition(" - ")
        parts, rparts = left.split(), right.split()
        if len(parts) < 5 or len(rparts) < 3 or parts[3] != "/":
            continue                      # only mounts of a hierarchy's root
        fstype, options = rparts[0], rparts[2].split(",")
        if fstype == "cgroup2" and v2 is None:
            v2 = parts[4]
        elif fstype == "cgroup":
            for opt in options:
                v1.setdefault(opt, parts[4])
    return v1, v2


def _own_paths() -> tuple[dict[str, str], str | None]:
    """Our cgroup per v1 controller, and our v2 cgroup (from /proc/self/cgroup)."""
    v1, v2 = {}, None
    try:
        with open("/proc/self/cgroup") as f:
            lines = f.read().splitlines()
    except OSError:
        return v1, v2
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if controllers == "":
            v2 = path
        for c in controllers.split(","):
            v1[c] = path
    return v1, v2


def _find_parent(controller: str) -> tuple[str, int] | None:
    v1_mounts, v2_mount = _mounts()
    v1_own, v2_own = _own_paths()
    if controller in v1_mounts:
        mount = v1_mounts[controller]
        # Below our own cgroup first, so the limits above us still apply to the run.
        own = os.path.join(mount, v1_own.get(controller, "/").lstrip("/"))
        for parent in dict.fromkeys((os.path.normpath(own), mount)):
            if os.path.isfile(os.path.join(parent, "cgroup.procs")) and _try_mkdir(parent):
                return parent, 1
    if v2_mount:
        candidates = [v2_mount]
        if v2_own and v2_own != "/":
            # Our cgroup has processes (us), so a child of it cannot get controllers;
            # a sibling can, when the parent delegates them and lets us write.
            candidates.insert(0, os.path.dirname(os.path.join(v2_mount, v2_own.lstrip("/"))))
        for parent in dict.fromkeys(os.path.normpath(p) for p in candidates):
            try:
                with open(os.path.join(parent, "cgroup.subtree_control")) as f:
                    delegated = controller in f.read().split()
            except OSError:
                delegated = False
            if delegated and _try_mkdir(parent):
                return parent, 2
    return None


def _try_mkdir(parent: str) -> bool:
    path = os.path.join(parent, f"{_PREFIX}probe-{os.getpid()}")
    try:
        os.mkdir(path)
        os.rmdir(path)
        return True
    except OSError:
        return False


def create(max_tasks: int, memory_bytes: int | None = None) -> RunGroup | None:
    """Make the run's cgroups; None when no controller can be used here."""
    parents = _lookup()
    _cleanup_leftovers_once(parents)
    name = f"{_PREFIX}{os.getpid()}-{next(_counter)}"
    group = RunGroup()
    made: dict[str, str] = {}     # parent -> dir (v2: one dir serves both controllers)
    for controller in ("pids", "memory"):
        found = parents.get(controller)
        if found is None or (controller == "memory" and not memory_bytes):
            continue
        parent, version = found
        path, new = made.get(parent), False
        try:
            if path is None:
                path, new = os.path.join(parent, name), True
                os.mkdir(path)
                made[parent] = path
            if controller == "pids":
                _write(path, "pids.max", max_tasks)
                group.pids = path
            else:
                _limit_memory(path, version, memory_bytes)
                group.memory, group.memory_v1 = path, version == 1
        except OSError:      # this controller cannot be used: go on without it
            if new and path in made.values():
                del made[parent]
                _remove(path, 0.5)
    group.dirs = list(made.values())
    return group if group.dirs else None


def _limit_memory(path: str, version: int, limit: int) -> None:
    if version == 1:
        _write(path, "memory.limit_in_bytes", limit)
        _try_write(path, "memory.memsw.limit_in_bytes", limit)   # no escape into swap
        # Freeze (not kill) a run at its limit: we see "under_oom", stop the run
        # and give the test that was running its verdict. A kernel OOM kill of
        # a helper process instead could let the test it was part of pass.
        _try_write(path, "memory.oom_control", 1)
    else:
        _write(path, "memory.max", limit)
        _try_write(path, "memory.swap.max", 0)
        _try_write(path, "memory.oom.group", 1)   # at the limit, the whole run dies together


def _write(path: str, name: str, value) -> None:
    with open(os.path.join(path, name), "w") as f:
        f.write(str(value))


def _try_write(path: str, name: str, value) -> None:
    try:
        _write(path, name, value)
    except OSError:
        pass


def add(group: RunGroup, pid: int) -> None:
    """Move a process into the run's cgroups (raises OSError). The parent does this
    for the child: in cgroup v1 a move waits for an RCU grace period (~15 ms),
    which then overlaps with the child's own start-up instead of adding to it."""
    for path in group.dirs:
        with open(os.path.join(path, "cgroup.procs"), "w") as f:
            f.write(str(pid))


def memory_exceeded(group: RunGroup | None) -> bool:
    """True once the run hit its memory cap (v1: frozen at the cap; v2: OOM-killed)."""
    if group is None or group.memory is None:
        return False
    name = "memory.oom_control" if group.memory_v1 else "memory.events"
    try:
        with open(os.path.join(group.memory, name)) as f:
            fields = dict(line.split() for line in f.read().splitlines() if len(line.split()) == 2)
    except OSError:
        return False
    return (fields.get("under_oom", "0") != "0" or fields.get("oom_kill", "0") != "0"
            or fields.get("oom_group_kill", "0") != "0")


def destroy(group: RunGroup | None, timeout_s: float = 2.0) -> None:
    """Kill everything still in the run's cgroups, then remove them."""
    if group is None:
        return
    for path in group.dirs:
        _remove(path, timeout_s)


def _remove(path: str, timeout_s: float) -> None:
    if not os.path.isdir(path):
        return
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        pids = _members(path)
        if not pids:
            break
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.005)
    while True:
        try:
            os.rmdir(path)
            return
        except OSError:
            if time.monotonic() >= end:
                return
            time.sleep(0.005)


def _members(path: str) -> list[int]:
    try:
        with open(os.path.join(path, "cgroup.procs")) as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def _cleanup_leftovers_once(parents: dict) -> None:
    """Remove the run cgroups of app processes that no longer exist (a crash)."""
    global _cleaned
    with _lock:
        if _cleaned:
            return
        _cleaned = True
    for parent in {found[0] for found in parents.values() if found}:
        try:
            names = os.listdir(parent)
        except OSError:
            continue
        for name in names:
            match = _NAME.match(name)
            if match and not pid_alive(int(match.group(1))):
                _remove(os.path.join(parent, name), 1.0)


def pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:          # exists, owned by someone else
        return True
    return True
