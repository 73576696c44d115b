"""What the sandbox must stop, tried for real. Dangerous probes (the fork
bomb) only run after a harmless run showed the protection is in place."""
from __future__ import annotations

import os
import socket
import time
import uuid
from pathlib import Path

import pytest

from desktop.core.runner import protections, run_submission, verdicts
from desktop.core.runner.sandbox import plan

from .conftest import FAST
from .helpers import problem

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
