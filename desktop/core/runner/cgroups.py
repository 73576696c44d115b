"""A pids cgroup per run, when this machine lets us make one (root with
cgroup v1's pids hierarchy, or v2 with the pids controller delegated at the
root). It caps the number of tasks of one submission and, unlike a process
group, also finds processes that escaped with setsid(), so they can be killed."""
from __future__ import annotations

import itertools
import os
import signal
import threading
import time

_V1 = "/sys/fs/cgroup/pids"
_V2 = "/sys/fs/cgroup"
_counter = itertools.count()
_lock = threading.Lock()
_base: str | None | bool = False   # False = not looked up yet


def base_dir() -> str | None:
    global _base
    with _lock:
        if _base is False:
            _base = _find_base()
        return _base


def _find_base() -> str | None:
    if os.path.isfile(os.path.join(_V1, "cgroup.procs")) and _try_mkdir(_V1):
        return _V1
    try:
        with open(os.path.join(_V2, "cgroup.subtree_control")) as f:
            delegated = "pids" in f.read().split()
    except OSError:
        delegated = False
    if delegated and _try_mkdir(_V2):
        return _V2
    return None


def _try_mkdir(parent: str) -> bool:
    path = os.path.join(parent, f"perfect-pitch-probe-{os.getpid()}")
    try:
        os.mkdir(path)
        os.rmdir(path)
        return True
    except OSError:
        return False


def create(max_tasks: int) -> str | None:
    base = base_dir()
    if base is None:
        return None
    path = os.path.join(base, f"perfect-pitch-{os.getpid()}-{next(_counter)}")
    try:
        os.mkdir(path)
        with open(os.path.join(path, "pids.max"), "w") as f:
            f.write(str(max_tasks))
        return path
    except OSError:
        destroy(path)
        return None


def add(path: str, pid: int) -> None:
    """Move a process into the cgroup (raises OSError). The parent does this for
    the child: in cgroup v1 a move waits for an RCU grace period (~15 ms), which
    then overlaps with the child's own start-up instead of adding to it."""
    with open(os.path.join(path, "cgroup.procs"), "w") as f:
        f.write(str(pid))


def destroy(path: str | None, timeout_s: float = 2.0) -> None:
    """Kill everything still in the cgroup, then remove it."""
    if not path or not os.path.isdir(path):
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
