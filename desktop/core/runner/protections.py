"""What the sandbox actually enforces on this machine, found by starting one
probe child that applies every protection and then tries what they forbid.
`perfect-pitch doctor` shows this; tests use it to decide what is safe to try."""
from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
import uuid

from . import sandbox
from .child.jail import UNAVAILABLE
from .limits import Limits

_lock = threading.Lock()
_cache: dict | None = None


def protections(refresh: bool = False) -> dict:
    """{name: {"active": bool, "detail": str}} for each protection, and "sandbox":
    whether code can run safely here at all (its detail says what is missing)."""
    global _cache
    with _lock:
        if _cache is None or refresh:
            _cache = _probe()
        return {k: dict(v) for k, v in _cache.items()}


def _item(active: bool, detail: str) -> dict:
    return {"active": bool(active), "detail": detail}


PROBE_MEMORY = 256 * 1024 * 1024


def _probe() -> dict:
    outside = os.path.join(tempfile.gettempdir(), f"pp-probe-outside-{uuid.uuid4().hex}")
    try:
        with sandbox.Workdir() as workdir:
            outcome = sandbox.run_jailed(
                mode="probe", workdir=workdir, rlimits={"CPU": 5, "NOFILE": 64}, processes=8,
                on_event=lambda event: time.monotonic() + 10, output_cap=64 * 1024,
                extra={"probe_outside": outside, "probe_pid": os.getpid()},
                memory_bytes=PROBE_MEMORY, disk_bytes=Limits().disk_limit_bytes)
    except (sandbox.SandboxError, OSError) as exc:
        return {"sandbox": _item(False, f"{UNAVAILABLE}: the sandbox did not start ({exc})")}
    finally:
        if os.path.exists(outside):
            os.unlink(outside)
    jail = outcome.event("jail")
    if jail is None:
        error = outcome.event("jail_error") or {}
        detail = error.get("error") or outcome.stderr.decode("utf-8", "replace")[-500:]
        return {"sandbox": _item(False, f"{UNAVAILABLE}: the sandbox did not start ({detail})")}
    plan = sandbox.plan()
    uid = jail.get("uid")
    landlock = jail.get("landlock") or {}
    as_root = uid == 0
    other_user = not as_root and plan.user is not None
    outside_blocked = bool(jail.get("outside_write_blocked") and jail.get("inside_write_ok"))
    report = {
        "unprivileged_user": _item(
            other_user,
            f"code runs as uid {uid}" + (" (nobody)" if plan.user else
                                         " (your own user: the app is not running as root)")),
        "network_isolation": _item(
            jail.get("net_blocked"),
            " + ".join(filter(None, [jail.get("network"),
                                     "Landlock TCP rules" if landlock.get("tcp") else ""]))
            or "not available: code could open network connections"),
        "filesystem_writes": _item(
            outside_blocked,
            f"Landlock ABI {landlock['abi']}: writes only inside the run's temp folder"
            if landlock.get("filesystem") else
            "no Landlock: writes limited only by file permissions"
            + (" of the unprivileged user" if other_user else
               f" ({landlock.get('error') or 'not available'})")),
        "process_limit": _item(
            not as_root or jail.get("pids_cgroup"),
            f"RLIMIT_NPROC {jail.get('nproc_limit')}" + (" (not enforced for root)" if as_root else "")
            + (", pids cgroup" if jail.get("pids_cgroup") else "")),
        "pids_cgroup": _item(jail.get("pids_cgroup"),
                             "per-run pids cgroup (also kills escaped processes)"
                             if jail.get("pids_cgroup") else "no writable pids cgroup"),
        "signals_scoped": _item(jail.get("signal_blocked"), _signals_detail(jail, landlock, other_user)),
        "memory_limit": _item(
            jail.get("memory_cgroup") or sys.platform == "linux",
            "memory cgroup: all the run's processes together, enforced by the kernel"
            if jail.get("memory_cgroup") else
            f"no writable memory cgroup: the run's processes together are measured every "
            f"{sandbox.WATCH_S * 1000:.0f} ms and stopped past the limit"
            + ("" if sys.platform == "linux" else " (not available on this system)")),
        "disk_quota": _item(
            outside_blocked,
            f"the run's folder is measured every {sandbox.WATCH_S * 1000:.0f} ms and the run "
            f"stopped past {Limits().disk_limit_mb} MB or {sandbox.MAX_FILES} files; one file "
            "is capped by RLIMIT_FSIZE"
            + ("" if outside_blocked else "; but the code can also write outside its folder")),
        "resource_limits": _item("CPU" in jail.get("rlimits", []),
                                 "CPU time, address space, file size, open files; no core dumps"),
        "timeouts": _item(True, "per-test timer; wall-clock kill of the whole process group"),
        "output_cap": _item(True, "output read with a cap; past it the run is stopped"),
    }
    missing = list(jail.get("unsafe") or [])
    if not report["process_limit"]["active"]:
        missing.append("no enforceable process limit: a fork bomb could freeze the computer")
    if plan.user is not None and not other_user:
        missing.append("the code would run as root")
    report["sandbox"] = _item(
        not missing,
        "safe to run code: " + ", ".join(k for k in REQUIRED if report[k]["active"])
        if not missing else f"{UNAVAILABLE}: " + "; ".join(missing))
    return report


# Each of these keeps the code away from the app's files and processes, or the
# machine usable; with one off (and nothing else covering it) code is not run.
REQUIRED = ("filesystem_writes", "unprivileged_user", "signals_scoped", "process_limit")


def _signals_detail(jail: dict, landlock: dict, other_user: bool) -> str:
    how = []
    if jail.get("pid_namespace"):
        how.append("PID namespace (no process outside the run is visible)")
    if landlock.get("signals"):
        how.append(f"Landlock ABI {landlock.get('abi')} signal scoping")
    if jail.get("signal_filter"):
        how.append("seccomp filter (only its own processes)")
    if other_user:
        how.append("another user cannot signal the app")
    if jail.get("signal_blocked"):
        return "cannot signal processes outside the sandbox: " + ", ".join(how or ["blocked"])
    return "not available: code could signal your processes"
