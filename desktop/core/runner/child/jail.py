"""First code of every sandboxed child: `python -I -S jail.py CONFIG_JSON`.

It applies the protections only the process itself can apply, in an order
where each step still has the rights it needs:

  wait to be moved into the run's pids cgroup (the parent does it) ->
  network namespace (needs root or a user namespace) -> resource limits ->
  /proc handles the harness needs later -> unprivileged user -> Landlock ->
  the Python harness in this same process, or exec of node / a program / g++.

What it achieved is the first line on the results pipe ({"ev": "jail", ...});
when a required step fails it reports "jail_error" and never runs the code.
"""
import json
import os
import resource
import sys

_CLONE_NEWNET, _CLONE_NEWUSER = 0x40000000, 0x10000000
_CHILD_DIR = os.path.dirname(os.path.abspath(__file__))


def main() -> None:
    cfg = json.loads(sys.argv[1])
    rfd = cfg["results_fd"]
    # Import our own modules while the app's folder is surely still readable.
    sys.path.insert(0, _CHILD_DIR)
    import landlock
    harness = None
    if cfg["mode"] == "python":
        import py_harness as harness
    sys.path.remove(_CHILD_DIR)
    try:
        applied, proc_fds = _apply(cfg, landlock)
    except Exception as exc:  # never run candidate code half-protected
        _emit(rfd, {"ev": "jail_error", "error": f"{type(exc).__name__}: {exc}"})
        os._exit(71)
    if cfg["mode"] == "probe":
        applied.update(_probe(cfg))
    _emit(rfd, {"ev": "jail", **applied})
    if cfg["mode"] == "python":
        harness.main(rfd, proc_fds)
    elif cfg["mode"] == "exec":
        argv = cfg["argv"]
        try:
            os.execve(argv[0], argv, os.environ)
        except OSError as exc:
            _emit(rfd, {"ev": "jail_error", "error": f"cannot start {argv[0]}: {exc}"})
            os._exit(72)
    os._exit(0)


def _apply(cfg: dict, landlock) -> tuple[dict, dict]:
    applied = {"uid": os.getuid()}
    if cfg.get("cgroup"):
        applied["pids_cgroup"] = _join_cgroup(cfg["cgroup"])
    applied["network"] = _isolate_network() if cfg.get("network") else ""
    for name, value in cfg["rlimits"].items():
        _set_limit(name, value)
    applied["rlimits"] = sorted(cfg["rlimits"])
    proc_fds = {}
    if cfg["mode"] == "python":
        # After the switch to another user this process is no longer "dumpable",
        # so its own /proc files become root's: open them now.
        for name, flags in (("status", os.O_RDONLY), ("clear_refs", os.O_WRONLY)):
            try:
                proc_fds[name] = os.open(f"/proc/self/{name}", flags)
            except OSError:
                pass
    if cfg.get("user"):
        uid, gid = cfg["user"]
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)
        if os.getuid() != uid or os.geteuid() != uid or _can_regain_root():
            raise OSError("could not drop to the unprivileged user")
        applied["uid"] = uid
    applied["landlock"] = {}
    if cfg.get("landlock"):
        try:
            applied["landlock"] = landlock.restrict(["."], ["/dev/null"])
        except OSError as exc:
            applied["landlock"] = {"error": str(exc)}
    return applied, proc_fds


def _join_cgroup(path: str, timeout_s: float = 5.0) -> bool:
    """The parent moves us into the run's pids cgroup; wait until we are in it."""
    import time
    name = "/" + os.path.basename(path)
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        with open("/proc/self/cgroup") as f:
            if any(line.rstrip("\n").endswith(name) for line in f):
                return True
        time.sleep(0.001)
    raise OSError("the process was not moved into its pids cgroup")


def _unshare(flags: int) -> None:
    if hasattr(os, "unshare"):  # Python 3.12+
        os.unshare(flags)
        return
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(flags) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, os.strerror(errno))


def _isolate_network() -> str:
    """An empty network namespace: no interfaces but a down loopback."""
    if not hasattr(os, "setuid") or sys.platform != "linux":
        return ""
    try:
        _unshare(_CLONE_NEWNET)
        return "network namespace"
    except (OSError, AttributeError):
        pass
    if os.geteuid() != 0:
        try:  # unprivileged: a user namespace grants the right to make a network one
            _unshare(_CLONE_NEWUSER | _CLONE_NEWNET)
            return "user + network namespace"
        except (OSError, AttributeError):
            pass
    return ""


def _set_limit(name: str, value) -> None:
    res = getattr(resource, "RLIMIT_" + name, None)
    if res is None or value is None:
        return
    soft, hard = int(value), int(value)
    if name == "CPU":
        hard = soft + 1  # SIGXCPU first, SIGKILL a second later
    cur_soft, cur_hard = resource.getrlimit(res)
    if cur_hard != resource.RLIM_INFINITY:
        soft, hard = min(soft, cur_hard), min(hard, cur_hard)
    resource.setrlimit(res, (soft, hard))


def _can_regain_root() -> bool:
    try:
        os.setuid(0)
    except OSError:
        return False
    return True


def _probe(cfg: dict) -> dict:
    """Checks for `protections()`: try what the sandbox must forbid."""
    import socket
    out = {}
    try:
        s = socket.create_connection(("127.0.0.1", cfg.get("probe_port", 9)), timeout=1)
        s.close()
        out["net_blocked"] = False
    except OSError as exc:
        out["net_blocked"] = "refused" not in str(exc).lower()
    target = cfg.get("probe_outside")
    if target:
        try:
            with open(target, "w") as f:
                f.write("x")
            out["outside_write_blocked"] = False
        except OSError:
            out["outside_write_blocked"] = True
    try:
        with open("inside.txt", "w") as f:
            f.write("x")
        out["inside_write_ok"] = True
    except OSError:
        out["inside_write_ok"] = False
    try:
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
        out["fork_ok"] = True
    except OSError:
        out["fork_ok"] = False
    out["nproc_limit"] = resource.getrlimit(resource.RLIMIT_NPROC)[0]
    return out


def _emit(fd: int, event: dict) -> None:
    data = (json.dumps(event) + "\n").encode()
    while data:
        data = data[os.write(fd, data):]


if __name__ == "__main__":
    main()
