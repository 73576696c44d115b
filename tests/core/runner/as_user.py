"""Plays the app as an ordinary user (the tests start it with another uid):
`python3 as_user.py CONFIG_JSON` prints one JSON object.

It owns an "app database" file and an "app process" (a sleep), optionally
takes Landlock away the way a kernel without it would (a seccomp filter that
makes the Landlock system calls fail with ENOSYS) or refuses unshare() (as
when user namespaces are restricted), then judges `code` with the real runner
(or runs `jailed` code through the sandbox with `extra` jail settings).
`{db}` and `{app_pid}` in the code are replaced by the paths/pids the code
should not be able to touch.
"""
import ctypes
import json
import os
import platform
import struct
import subprocess
import sys
import tempfile
import time

_AUDIT_ARCH_X86_64 = 0xC000003E
_ENOSYS, _EPERM = 38, 1
LANDLOCK_GONE = {444: _ENOSYS, 445: _ENOSYS, 446: _ENOSYS}   # a kernel without Landlock
USERNS_RESTRICTED = {272: _EPERM}   # unshare() refused (AppArmor on Ubuntu 24.04 is close)


def deny_syscalls(denied: dict) -> None:
    """seccomp: the given x86-64 system calls fail with the given errno."""
    if platform.machine() not in ("x86_64", "AMD64"):
        raise SystemExit("the seccomp filter here is written for x86-64")
    ld_w_abs, jeq_k, ret_k, allow = 0x20, 0x15, 0x06, 0x7FFF0000
    n = len(denied)
    prog = [(ld_w_abs, 0, 0, 4),                              # A = arch
            (jeq_k, 0, n + 1, _AUDIT_ARCH_X86_64),            # other arch: to ALLOW
            (ld_w_abs, 0, 0, 0)]                              # A = syscall number
    for i, (nr, errno) in enumerate(denied.items()):
        # match: to the i-th RET ERRNO (jumps count from the next instruction)
        prog.append((jeq_k, n, 0, nr))
    prog.append((ret_k, 0, 0, allow))
    prog += [(ret_k, 0, 0, 0x00050000 | errno) for errno in denied.values()]
    raw = b"".join(struct.pack("HBBI", *ins) for ins in prog)
    buf = ctypes.create_string_buffer(raw)

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = SockFprog(len(prog), ctypes.addressof(buf))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(38, 1, 0, 0, 0) != 0:                                      # NO_NEW_PRIVS
        raise OSError(ctypes.get_errno(), "prctl(NO_NEW_PRIVS)")
    if libc.prctl(22, 2, ctypes.byref(fprog), 0, 0) != 0:                    # SECCOMP_MODE_FILTER
        raise OSError(ctypes.get_errno(), "prctl(SECCOMP)")


def main() -> None:
    cfg = json.loads(sys.argv[1])
    denied = {}
    if cfg.get("block_landlock"):
        denied.update(LANDLOCK_GONE)
    if cfg.get("block_userns"):
        denied.update(USERNS_RESTRICTED)
    if denied:
        deny_syscalls(denied)
    from desktop.core.runner import Limits, protections, run_submission
    from tests.core.runner.helpers import Watcher, run_one_jailed

    home = tempfile.mkdtemp(prefix="pp-app-")
    db = os.path.join(home, "perfect-pitch.sqlite3")
    with open(db, "w") as f:
        f.write("precious")
    app = subprocess.Popen(["sleep", "300"])
    out = {"uid": os.getuid()}
    try:
        if cfg.get("protections"):
            out["protections"] = protections()
            from desktop.commands.doctor import _runner_checks
            out["doctor"] = _runner_checks()
        if cfg.get("jailed"):
            code = cfg["jailed"].replace("{db}", db).replace("{app_pid}", str(app.pid))
            outcome = run_one_jailed(code, cfg.get("extra") or {})
            out.update(jail=outcome.event("jail"), jail_error=outcome.event("jail_error"),
                       done=outcome.event("done"))
        if cfg.get("code"):
            code = cfg["code"].replace("{db}", db).replace("{app_pid}", str(app.pid))
            problem = {"id": "p", "kind": "coding", "title": "t", "prompt": "",
                       "languages": {"python": {"entry_point": "solve", "starter": ""}},
                       "tests": {"cases": [{"args": [1], "expected": cfg.get("expected", 1)}]}}
            started = time.monotonic()
            with Watcher() as watch:
                result = run_submission(problem, code,
                                        limits=Limits(time_limit_s=2.0, total_time_s=10.0))
            out["seconds"] = time.monotonic() - started
            out["peak_kb"], out["longest_pause"] = watch.peak_kb, watch.longest_pause
            out.update(verdict=result.verdict, message=result.message,
                       tests=[t.as_dict() for t in result.tests], sandbox=result.sandbox)
        with open(db) as f:
            out["db"] = f.read()
        time.sleep(0.05)
        out["app_alive"] = app.poll() is None
    finally:
        app.kill()
        app.wait()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
