"""What the sandbox must stop, tried for real. Dangerous probes (the fork
bomb) only run after a harmless run showed the protection is in place."""
from __future__ import annotations

import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from desktop.core.runner import Limits, protections, run_submission, verdicts
from desktop.core.runner.judge import RUNNER_FAILED
from desktop.core.runner.programs import RUN_HEADROOM_MB
from desktop.core.runner.sandbox import plan

from .conftest import FAST
from .helpers import Watcher, problem, run_as_other_user, run_one_jailed

REPO = Path(__file__).resolve().parents[3]
ONE = problem([((1,), 1)])


def run_value(code: str, args=(1,)):
    """Run `solve` once on a visible case and return (verdict, test result)."""
    result = run_submission(problem([(args, None)]), code, limits=FAST)
    return result.tests[0]


def test_protections_report():
    report = protections()
    for name in ("unprivileged_user", "network_isolation", "filesystem_writes", "process_limit",
                 "resource_limits", "timeouts", "output_cap"):
        assert set(report[name]) == {"active", "detail"}, name
    assert report["resource_limits"]["active"] and report["timeouts"]["active"]


def test_code_never_runs_as_root():
    test = run_value("import os\ndef solve(x):\n    return [os.getuid(), os.geteuid(), os.getgroups()]\n")
    uid, euid, groups = test.actual
    if os.geteuid() == 0:
        assert uid != 0 and euid != 0 and 0 not in groups
        assert protections()["unprivileged_user"]["active"]
    else:
        assert uid == os.getuid() or uid == 65534   # (65534 inside a user namespace)


def test_environment_is_scrubbed_and_cwd_is_a_fresh_temp_folder(isolated_dirs):
    code = "import os\ndef solve(x):\n    return [sorted(os.environ), os.getcwd(), os.environ['HOME']]\n"
    first, second = run_value(code).actual, run_value(code).actual
    env, cwd, home = first
    assert not any(k.startswith("PERFECT_PITCH") for k in env)
    assert cwd == home and cwd != second[1] and not os.path.exists(cwd)


def test_writes_outside_the_sandbox_fail(isolated_dirs):
    if os.geteuid() != 0 and not protections()["filesystem_writes"]["active"]:
        pytest.skip("no Landlock and not root: the code runs as the user and could write")
    marker = uuid.uuid4().hex
    targets = [REPO / f"pwned-{marker}", Path(isolated_dirs["data"]) / f"pwned-{marker}",
               Path("/tmp") / f"outside-{marker}"]
    Path(isolated_dirs["data"]).mkdir(parents=True, exist_ok=True)
    for target in targets:
        code = f"def solve(x):\n    open({str(target)!r}, 'w').write('x')\n    return x\n"
        test = run_value(code)
        assert test.verdict == verdicts.RUNTIME_ERROR and "PermissionError" in test.error
        assert not target.exists()
    inside = run_value("def solve(x):\n    open('notes.txt', 'w').write('ok')\n"
                       "    return open('notes.txt').read()\n")
    assert inside.actual == "ok"


def test_network_is_unreachable():
    if not protections()["network_isolation"]["active"]:
        pytest.skip(protections()["network_isolation"]["detail"])
    with socket.socket() as server:   # a real listener the code must not reach
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        code = ("import socket\ndef solve(x):\n"
                f"    socket.create_connection(('127.0.0.1', {port}), timeout=2)\n    return 'connected'\n")
        test = run_value(code)
    assert test.verdict == verdicts.RUNTIME_ERROR and "connected" != test.actual


def _nobody_processes() -> list[str]:
    user = plan().user
    if not user:
        return []
    alive = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if os.stat(f"/proc/{pid}").st_uid != user[0]:
                continue
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":   # zombies wait for init to reap them; they run nothing
            alive.append(pid)
    return alive


def test_fork_bomb_is_contained():
    report = protections()
    if not report["process_limit"]["active"]:
        pytest.skip("no enforceable process limit here: " + report["process_limit"]["detail"])
    if os.geteuid() == 0:   # the harmless check first: the code must not be root
        assert run_value("import os\ndef solve(x):\n    return os.getuid()\n").actual != 0
    code = ("import os\ndef solve(x):\n    while True:\n        try:\n"
            "            os.fork()\n        except OSError:\n            pass\n")
    started = time.monotonic()
    result = run_submission(ONE, code, limits=FAST)
    assert result.verdict in (verdicts.TIME_LIMIT, verdicts.RUNTIME_ERROR)
    assert time.monotonic() - started < 15
    deadline = time.monotonic() + 5
    while _nobody_processes() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _nobody_processes() == []


def test_escaped_processes_are_killed():
    if not protections()["pids_cgroup"]["active"]:
        pytest.skip("no pids cgroup: a process that calls setsid() escapes the group kill")
    tag = f"{time.time() % 1000:.3f}"
    code = ("import os\ndef solve(x):\n    if os.fork() == 0:\n        os.setsid()\n"
            f"        os.execv('/bin/sleep', ['sleep', '{tag}'])\n    return x\n")
    assert run_submission(ONE, code).accepted
    left = [p for p in filter(str.isdigit, os.listdir("/proc"))
            if _cmdline(p) == f"sleep {tag}"]
    assert left == []


def _cmdline(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
    except OSError:
        return ""


# --- an ordinary user (not root): Landlock and a PID namespace are the barrier --

def _needs_other_user():
    from desktop.core.runner.sandbox import python_executable
    if os.geteuid() != 0:
        pytest.skip("needs root to start the app as another (ordinary) user")
    if not python_executable():
        pytest.skip("no interpreter another user can run")


ATTACK = ("import os, signal\ndef solve(x):\n"
          "    open('{db}', 'w').write('pwned')\n"
          "    os.kill({app_pid}, signal.SIGKILL)\n    return 1\n")


def test_without_landlock_an_ordinary_user_gets_sandbox_unavailable():
    """A kernel without Landlock (emulated with seccomp) and the app not root: the
    code must not run at all, the verdict says the runner failed, and
    protections()/doctor say why."""
    _needs_other_user()
    if not protections()["filesystem_writes"]["active"]:
        pytest.skip("no Landlock here to take away")
    out = run_as_other_user({"block_landlock": True, "protections": True, "code": ATTACK})
    assert out["db"] == "precious" and out["app_alive"]
    assert out["verdict"] == verdicts.INTERNAL_ERROR
    assert out["message"].startswith(RUNNER_FAILED + ": Sandbox unavailable:")
    assert "Landlock" in out["message"] and "not run" in out["message"]
    report = out["protections"]
    assert not report["filesystem_writes"]["active"] and not report["sandbox"]["active"]
    assert "Landlock" in report["sandbox"]["detail"]
    doctor = {c["name"]: c for c in out["doctor"]}["sandbox"]
    assert doctor["ok"] is False and "Sandbox unavailable" in doctor["detail"]


def test_an_ordinary_users_code_cannot_see_or_signal_the_app():
    """With Landlock, writes are refused; and in its own PID namespace the code
    does not even see the app's processes (whatever the Landlock ABI)."""
    _needs_other_user()
    code = ("import os\ndef solve(x):\n    try:\n        os.kill({app_pid}, 9)\n"
            "        return 'killed'\n    except OSError as exc:\n"
            "        return [type(exc).__name__, os.getpid(), os.getuid() == 0]\n")
    out = run_as_other_user({"code": code, "expected": None, "protections": True})
    assert out["app_alive"]
    assert out["tests"][0]["actual"] == ["ProcessLookupError", 2, False]
    assert out["sandbox"]["pid_namespace"] is True
    assert out["protections"]["sandbox"]["active"]
    assert {c["name"]: c for c in out["doctor"]}["sandbox"]["ok"] is True
    attack = run_as_other_user({"code": ATTACK})
    assert attack["db"] == "precious" and attack["app_alive"]
    assert attack["verdict"] == verdicts.RUNTIME_ERROR and "PermissionError" in attack["tests"][0]["error"]


# --- memory and disk of the whole run ---------------------------------------------

MEMORY_BOMB = """import os, time
def solve(x):
    kids = []
    for i in range(12):               # 12 x 100 MB, each far below the per-process cap
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            data = b"x" * (100 * 1024 * 1024)
            os.write(w, b"1")
            time.sleep(30)
            os._exit(0)
        os.close(w)
        os.read(r, 1)
        kids.append(pid)
    return len(kids)
"""
MB = 1024 * 1024


def test_memory_of_all_processes_together_is_capped():
    started = time.monotonic()
    with Watcher() as watch:
        result = run_submission(problem([((1,), 12)]), MEMORY_BOMB,
                                limits=Limits(time_limit_s=2.0, total_time_s=10.0))
    assert result.verdict == verdicts.MEMORY_LIMIT, result.tests[0].error
    assert "memory" in result.tests[0].error
    limit_kb = (Limits().memory_mb + RUN_HEADROOM_MB) * 1024
    assert watch.peak_kb < limit_kb + 200 * 1024      # ~1.2 GB without the cap
    assert time.monotonic() - started < 5 and watch.longest_pause < 1.0


def test_memory_cap_without_a_memory_cgroup():
    """An ordinary user has no memory cgroup: the run's processes are measured."""
    _needs_other_user()
    out = run_as_other_user({"code": MEMORY_BOMB, "expected": 12})
    assert out["verdict"] == verdicts.MEMORY_LIMIT, out["tests"][0]["error"]
    limit_kb = (Limits().memory_mb + RUN_HEADROOM_MB) * 1024
    assert out["peak_kb"] < limit_kb + 300 * 1024
    assert out["seconds"] < 5 and out["longest_pause"] < 1.0


def test_files_written_by_the_code_have_a_total_quota():
    fill = ("def solve(x):\n    block = b'x' * (1024 * 1024)\n    for i in range(3000):\n"
            "        with open(f'f{i}.bin', 'wb') as f:\n            f.write(block)\n    return x\n")
    started = time.monotonic()
    with Watcher() as watch:
        result = run_submission(ONE, fill, limits=Limits(time_limit_s=5.0, total_time_s=20.0))
    assert result.verdict == verdicts.OUTPUT_LIMIT
    assert "disk quota" in result.tests[0].error
    assert watch.peak_folder < Limits().disk_limit_bytes + 100 * MB   # 3 GB without the quota
    assert time.monotonic() - started < 5 and watch.longest_pause < 1.0
    many = ("def solve(x):\n    for i in range(10**6):\n        open(f'e{i}', 'w').close()\n"
            "    return x\n")
    result = run_submission(ONE, many, limits=Limits(time_limit_s=5.0, total_time_s=20.0))
    assert result.verdict == verdicts.OUTPUT_LIMIT and "files" in result.tests[0].error


def test_run_folders_left_by_a_crashed_app_are_removed_on_the_first_run():
    import fcntl
    tmp = tempfile.mkdtemp()
    os.chmod(tmp, 0o755)          # the sandbox user must reach its folder inside
    held = None
    try:
        crashed = Path(tmp, "pp-run-999999-abcd1234")     # its app is gone: nobody holds it
        legacy = Path(tmp, "pp-run-k2j3h4")               # older versions: no pid in the name
        running = Path(tmp, f"pp-run-{os.getpid()}-efgh5678")
        for folder in (crashed, legacy, running):
            (folder / "sub").mkdir(parents=True)
            (folder / "sub" / "big.bin").write_bytes(b"x" * 4096)
        (crashed / "sub").chmod(0)                        # the code may have done that
        old = time.time() - 3600
        for folder in (crashed, legacy, running):
            os.utime(folder, (old, old))
        held = os.open(running, os.O_RDONLY | os.O_DIRECTORY)
        fcntl.flock(held, fcntl.LOCK_EX)                  # as a live app holds its run folder
        script = ("from desktop.core.runner import run_submission\n"
                  "from tests.core.runner.helpers import ECHO\n"
                  "print(run_submission(ECHO, 'def solve(x):\\n    return x\\n').verdict)\n")
        done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                              text=True, timeout=60, env=dict(os.environ, TMPDIR=tmp))
        assert done.stdout.strip() == verdicts.ACCEPTED, done.stderr
        assert not crashed.exists() and not legacy.exists()
        assert running.exists()
        assert [p.name for p in Path(tmp).iterdir()] == [running.name]   # its own is gone too
    finally:
        if held is not None:
            os.close(held)
        shutil.rmtree(tmp, ignore_errors=True)


# --- the runner's own failures ----------------------------------------------------

def test_a_sandbox_that_cannot_start_is_an_internal_error_not_the_candidates(monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", "/nonexistent/perfect-pitch-tmp")
    result = run_submission(ONE, "def solve(x):\n    return x\n")
    assert result.verdict == verdicts.INTERNAL_ERROR
    assert result.message.startswith(RUNNER_FAILED + ":")
    assert "/nonexistent/perfect-pitch-tmp" in result.message
    assert all(t.verdict == verdicts.INTERNAL_ERROR for t in result.tests)
    assert result.tests[0].error == result.message


def test_without_pid_namespace_or_new_landlock_a_seccomp_filter_scopes_signals():
    """User namespaces refused (as AppArmor does on Ubuntu 24.04) and Landlock used
    as of ABI 5 (no signal scoping): the code still cannot signal the app."""
    _needs_other_user()
    if protections()["filesystem_writes"]["active"] is False or platform.machine() != "x86_64":
        pytest.skip("needs Landlock and x86-64")
    code = ("import os, signal\ndef solve(x):\n    res = []\n"
            "    for target in ({app_pid}, -1):\n        try:\n"
            "            os.kill(target, signal.SIGKILL)\n            res.append('sent')\n"
            "        except OSError as exc:\n            res.append(type(exc).__name__)\n"
            "    os.kill(os.getpid(), 0)\n    os.killpg(os.getpgrp(), 0)\n    return res\n")
    out = run_as_other_user({"block_userns": True, "jailed": code,
                             "extra": {"landlock_abi_max": 5}})
    assert out["app_alive"] and out["jail_error"] is None
    jail = out["jail"]
    assert jail["pid_namespace"] is False and jail["landlock"]["signals"] is False
    assert jail["signal_filter"] == "seccomp"
    assert out["done"]["value"] == ["PermissionError", "PermissionError"]


@pytest.mark.parametrize("ending, expected", [
    ("return [os.getpid(), _try_kill(os.getppid()), _try_kill({app})]", "value"),
    ("os.kill(os.getpid(), signal.SIGSEGV)", signal.SIGSEGV),
    ("os._exit(7)", 7),
])
def test_pid_namespace_as_root(ending, expected):
    """Root with a PID namespace (used when Landlock cannot scope signals): the code
    is PID 2, sees nothing outside, and the run ends the way the code did."""
    if os.geteuid() != 0:
        pytest.skip("the as-root path")
    code = ("import os, signal\n"
            "def _try_kill(pid):\n    try:\n        os.kill(pid, 0)\n        return 'visible'\n"
            "    except OSError as exc:\n        return type(exc).__name__\n"
            f"def solve(x):\n    {ending.format(app=os.getpid())}\n")
    outcome = run_one_jailed(code, {"pid_namespace": True})
    assert outcome.event("jail")["pid_namespace"] is True
    if expected == "value":
        assert outcome.event("done")["value"] == [2, "PermissionError", "ProcessLookupError"]
        assert outcome.exit_code == 0
    elif isinstance(expected, signal.Signals):
        assert outcome.signal == expected
    else:
        assert outcome.exit_code == expected and outcome.signal is None
