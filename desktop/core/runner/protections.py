"""What the sandbox actually enforces on this machine, found by starting one
probe child that applies every protection and then tries what they forbid.
`perfect-pitch doctor` shows this; tests use it to decide what is safe to try."""
from __future__ import annotations

import os
import tempfile
import threading
import time
import uuid

from . import sandbox

_lock = threading.Lock()
_cache: dict | None = None


def protections(refresh: bool = False) -> dict:
    """{name: {"active": bool, "detail": str}} for each protection."""
    global _cache
    with _lock:
        if _cache is None or refresh:
            _cache = _probe()
        return {k: dict(v) for k, v in _cache.items()}


def _item(active: bool, detail: str) -> dict:
    return {"active": bool(active), "detail": detail}


def _probe() -> dict:
    outside = os.path.join(tempfile.gettempdir(), f"pp-probe-outside-{uuid.uuid4().hex}")
    try:
        with sandbox.Workdir() as workdir:
            outcome = sandbox.run_jailed(
                mode="probe", workdir=workdir, rlimits={"CPU": 5, "NOFILE": 64}, processes=8,
                on_event=lambda event: time.monotonic() + 10, output_cap=64 * 1024,
                extra={"probe_outside": outside})
    except sandbox.SandboxError as exc:
        return {"sandbox": _item(False, str(exc))}
    finally:
        if os.path.exists(outside):
            os.unlink(outside)
    jail = outcome.event("jail")
    if jail is None:
        error = outcome.event("jail_error") or {}
        detail = error.get("error") or outcome.stderr.decode("utf-8", "replace")[-500:]
        return {"sandbox": _item(False, f"the sandbox did not start: {detail}")}
    uid = jail.get("uid")
    landlock = jail.get("landlock") or {}
    as_root = uid == 0
    return {
        "unprivileged_user": _item(
            not as_root and sandbox.plan().user is not None,
            f"code runs as uid {uid}" + (" (nobody)" if sandbox.plan().user else
                                         " (your own user: the app is not running as root)")),
        "network_isolation": _item(
            jail.get("net_blocked"),
            " + ".join(filter(None, [jail.get("network"),
                                     "Landlock TCP rules" if landlock.get("tcp") else ""]))
            or "not available: code could open network connections"),
        "filesystem_writes": _item(
            jail.get("outside_write_blocked") and jail.get("inside_write_ok"),
            f"Landlock ABI {landlock['abi']}: writes only inside the run's temp folder"
            if landlock.get("filesystem") else
            "no Landlock: writes limited only by file permissions"
            + (" of the unprivileged user" if not as_root and sandbox.plan().user else "")),
        "process_limit": _item(
            not as_root or jail.get("pids_cgroup"),
            f"RLIMIT_NPROC {jail.get('nproc_limit')}" + (" (not enforced for root)" if as_root else "")
            + (", pids cgroup" if jail.get("pids_cgroup") else "")),
        "pids_cgroup": _item(jail.get("pids_cgroup"),
                             "per-run pids cgroup (also kills escaped processes)"
                             if jail.get("pids_cgroup") else "no writable pids cgroup"),
        "signals_scoped": _item(landlock.get("signals"),
                                "cannot signal processes outside the sandbox (Landlock)"
                                if landlock.get("signals") else "not available"),
        "resource_limits": _item("CPU" in jail.get("rlimits", []),
                                 "CPU time, address space, file size, open files; no core dumps"),
        "timeouts": _item(True, "per-test timer; wall-clock kill of the whole process group"),
        "output_cap": _item(True, "output read with a cap; past it the run is stopped"),
    }
