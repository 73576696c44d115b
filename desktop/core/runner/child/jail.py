"""First code of every sandboxed child: `python -I -S jail.py CONFIG_JSON`.

It applies the protections only the process itself can apply, in an order
where each step still has the rights it needs:

  wait to be moved into the run's cgroups (the parent does it) ->
  network + PID namespaces (need root or a user namespace) -> resource limits ->
  [with a PID namespace: fork a tiny init (PID 1), which forks the process
   that goes on (PID 2); both helpers only wait and pass its exit status up] ->
  /proc handles the harness needs later -> unprivileged user -> Landlock ->
  [seccomp signal filter, when nothing else scopes signals] -> safety check ->
  the Python harness in this same process, or exec of node / a program / g++.

What it achieved is the first line on the results pipe ({"ev": "jail", ...});
when a required step fails it reports "jail_error" and never runs the code.

Without a switch to another user (the app is not running as root), the code
would run as the user who owns the app's files and processes: then Landlock's
file-system rules, and a PID namespace, Landlock's signal scoping (ABI 6) or
the seccomp signal filter, are required; their absence is a "Sandbox
unavailable" jail_error.
"""
import json
import os
import resource
import signal
import sys

_CLONE_NEWNET, _CLONE_NEWUSER, _CLONE_NEWPID = 0x40000000, 0x10000000, 0x20000000
_PR_SET_CHILD_SUBREAPER = 36
_CHILD_DIR = os.path.dirname(os.path.abspath(__file__))
UNAVAILABLE = "Sandbox unavailable"


class Unavailable(Exception):
    """A protection needed for safety is missing: the code must not run."""


def main() -> None:
    cfg = json.loads(sys.argv[1])
    rfd = cfg["results_fd"]
    # Import our own modules while the app's folder is surely still readable.
    sys.path.insert(0, _CHILD_DIR)
    import landlock
    import seccomp
    harness = None
    if cfg["mode"] == "python":
        import py_harness as harness
    sys.path.remove(_CHILD_DIR)
    try:
        applied = _outer(cfg)          # may fork: returns in the process that goes on
        proc_fds = _inner(cfg, landlock, seccomp, applied)
    except Exception as exc:  # never run candidate code half-protected
        text = str(exc) if isinstance(exc, Unavailable) else f"{type(exc).__name__}: {exc}"
        _emit(rfd, {"ev": "jail_error", "error": text,
                    "unavailable": isinstance(exc, Unavailable)})
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


def _outer(cfg: dict) -> dict:
    """Steps that the helper processes share: cgroups, namespaces, limits."""
    applied = {"uid": os.getuid(), "pids_cgroup": False, "memory_cgroup": False}
    if cfg.get("cgroups"):
        _join_cgroups(cfg["cgroups"])
        applied["pids_cgroup"] = bool(cfg.get("cgroup_pids"))
        applied["memory_cgroup"] = bool(cfg.get("cgroup_memory"))
    applied["network"], pid_ns = _namespaces(bool(cfg.get("network")),
                                             bool(cfg.get("pid_namespace")))
    for name, value in cfg["rlimits"].items():
        _set_limit(name, value)
    applied["rlimits"] = sorted(cfg["rlimits"])
    applied["pid_namespace"] = pid_ns
    if pid_ns:
        _fork_into_pid_namespace()
    elif sys.platform == "linux":
        _prctl(_PR_SET_CHILD_SUBREAPER, 1)   # orphans stay below us, where they are found
    return applied


def _inner(cfg: dict, landlock, seccomp, applied: dict) -> dict:
    """Steps of the process that runs the code; returns the /proc handles."""
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
            applied["landlock"] = landlock.restrict(["."], ["/dev/null"],
                                                    max_abi=cfg.get("landlock_abi_max"))
        except OSError as exc:
            applied["landlock"] = {"error": str(exc)}
    else:
        applied["landlock"] = {"error": "Landlock is not used on this system"}
    applied["signal_filter"] = ""
    if not (cfg.get("user") or applied["pid_namespace"] or applied["landlock"].get("signals")):
        # Same uid as the app, no PID namespace, Landlock too old to scope signals.
        try:
            seccomp.scope_signals(os.getpid(), os.getpgrp())
            applied["signal_filter"] = "seccomp"
        except OSError as exc:
            applied["signal_filter_error"] = str(exc)
    missing = _missing_protections(cfg, applied)
    applied["unsafe"] = missing
    if missing and cfg["mode"] != "probe":
        raise Unavailable(f"{UNAVAILABLE}: the app is not running as root, so the code would "
                          f"run as your own user, and " + "; ".join(missing)
                          + ". The code was not run.")
    return proc_fds


def _missing_protections(cfg: dict, applied: dict) -> list[str]:
    """What keeps code running as the app's own user away from the app's files
    and processes, and is not in place."""
    if cfg.get("user"):
        return []            # another uid: file permissions and signal rules protect the app
    landlock = applied.get("landlock") or {}
    missing = []
    if not landlock.get("filesystem"):
        missing.append("Landlock file-system rules are not available "
                       f"({landlock.get('error') or 'unknown reason'}): the code could "
                       "overwrite your files")
    if not (landlock.get("signals") or applied.get("pid_namespace")
            or applied.get("signal_filter")):
        missing.append("neither a PID namespace, Landlock signal scoping (ABI 6) nor a "
                       "seccomp signal filter is available "
                       f"({applied.get('signal_filter_error') or 'unknown reason'}): "
                       "the code could kill your processes")
    return missing


def _fork_into_pid_namespace() -> None:
    """After unshare(CLONE_NEWPID): our next child is PID 1 of the new namespace.
    It forks the process that goes on (PID 2, not init, so it keeps normal signal
    semantics) and waits for it; when it ends, init ends, and the kernel kills
    everything else in the namespace. Each helper exits the way its child did."""
    r, w = os.pipe()
    init = os.fork()
    if init:
        os.close(w)
        _wait_and_mirror(init, r, None)
    os.close(r)
    child = os.fork()
    if child:
        _wait_and_mirror(child, None, w)
    os.close(w)


def _wait_and_mirror(child: int, status_in: int | None, status_out: int | None) -> None:
    """Helper process: wait for `child` (reaping any orphan on the way), then end
    with its exit status. Init (PID 1) cannot kill itself with a signal, so it
    passes the raw status up a pipe to the outer helper, which reproduces it."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
    status = None
    try:
        while True:
            pid, st = os.waitpid(-1 if status_out is not None else child, 0)
            if pid == child:
                status = st
                break
    except ChildProcessError:
        pass
    if status_out is not None:            # init: report, then end (and with it the namespace)
        if status is not None:
            os.write(status_out, status.to_bytes(4, "little"))
        os._exit(0)
    data = os.read(status_in, 4)
    if len(data) == 4:
        status = int.from_bytes(data, "little")
    _end_like(status if status is not None else 0)


def _end_like(status: int) -> None:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            signal.signal(sig, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, [sig])
        except (OSError, ValueError):
            pass
        os.kill(os.getpid(), sig)
        os._exit(128 + sig)
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 70)


def _join_cgroups(paths: list, timeout_s: float = 5.0) -> None:
    """The parent moves us into the run's cgroups; wait until we are in all of them."""
    import time
    names = ["/" + os.path.basename(p) for p in paths]
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        with open("/proc/self/cgroup") as f:
            lines = [line.rstrip("\n") for line in f]
        if sum(any(line.endswith(n) for n in names) for line in lines) >= len(paths):
            return
        time.sleep(0.001)
    raise OSError("the process was not moved into the run's cgroups")


def _unshare(flags: int) -> None:
    if hasattr(os, "unshare"):  # Python 3.12+
        os.unshare(flags)
        return
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(flags) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, os.strerror(errno))


def _prctl(option: int, value: int) -> None:
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _namespaces(network: bool, pid: bool) -> tuple[str, bool]:
    """An empty network namespace (no interfaces but a down loopback) and a PID
    namespace (the code cannot see or signal any process outside the run).
    Root makes them directly; anyone else inside a new user namespace."""
    if sys.platform != "linux" or not (network or pid):
        return "", False
    net = _CLONE_NEWNET if network else 0
    pidf = _CLONE_NEWPID if pid else 0
    user = 0 if os.geteuid() == 0 else _CLONE_NEWUSER
    for flags in dict.fromkeys(f for f in (net | pidf, net, pidf) if f):
        try:
            _unshare(user | flags)
        except (OSError, AttributeError):
            continue
        text = ""
        if flags & _CLONE_NEWNET:
            text = "user + network namespace" if user else "network namespace"
        return text, bool(flags & _CLONE_NEWPID)
    return "", False


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
    app = cfg.get("probe_pid")
    if app:
        try:
            os.kill(app, 0)
            out["signal_blocked"], out["signal_error"] = False, ""
        except OSError as exc:
            out["signal_blocked"], out["signal_error"] = True, type(exc).__name__
    return out


def _emit(fd: int, event: dict) -> None:
    data = (json.dumps(event) + "\n").encode()
    while data:
        data = data[os.write(fd, data):]


if __name__ == "__main__":
    main()
