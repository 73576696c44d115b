"""Small problem records for the runner tests (same shape as FORMAT.md)."""
from __future__ import annotations


def problem(cases, *, entry="solve", script=None, js_entry=None, cpp_signature=None,
            qid="test-problem"):
    """cases: (args, expected) or (args, expected, {"hidden": True, ...}) tuples."""
    languages = {"python": {"entry_point": entry, "starter": ""}}
    if js_entry:
        languages["javascript"] = {"entry_point": js_entry, "starter": ""}
    if cpp_signature:
        languages["cpp"] = {"entry_point": entry, "starter": "", "signature": cpp_signature}
    out = []
    for case in cases:
        args, expected, *extra = case
        out.append({"args": list(args), "expected": expected, "hidden": False,
                    **(extra[0] if extra else {})})
    tests = {"cases": out}
    if script:
        tests["script"] = script
    return {"id": qid, "kind": "coding", "title": "Test problem", "prompt": "…",
            "skills": ["Python"], "difficulty": "easy", "hints": ["…"],
            "languages": languages, "tests": tests}


HIDDEN = {"hidden": True}

# Echo: returns its argument; one visible and one hidden case.
ECHO = problem([((1,), 1), ((2,), 2, HIDDEN)])


# --- watching a run from the outside (real processes, nothing mocked) ----------

import json as _json
import os as _os
import shutil as _shutil
import subprocess as _subprocess
import tempfile as _tempfile
import threading as _threading
import time as _time
from pathlib import Path as _Path

OTHER_UID = 43210          # "an ordinary user": a uid no account uses
AS_USER = _Path(__file__).with_name("as_user.py")
REPO = _Path(__file__).resolve().parents[3]


def descendants(pid: int) -> list[int]:
    out, stack = [], [pid]
    while stack:
        p = stack.pop()
        try:
            tasks = _os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{p}/task/{tid}/children") as f:
                    kids = [int(c) for c in f.read().split()]
            except OSError:
                continue
            out += kids
            stack += kids
    return out


def anon_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("RssAnon:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def folder_bytes(path: str) -> int:
    total = 0
    for root, dirs, files in _os.walk(path):
        for name in files:
            try:
                total += _os.lstat(_os.path.join(root, name)).st_blocks * 512
            except OSError:
                pass
    return total


class Watcher:
    """While a run goes on: the most memory all our descendant processes held at
    once (kB, anonymous), the biggest pp-run-* folder of this process (bytes),
    and the longest pause of a thread that only sleeps 10 ms (is the app responsive?)."""

    def __init__(self):
        self.peak_kb = self.peak_folder = 0
        self.longest_pause = 0.0
        self._stop = _threading.Event()
        self._threads = [_threading.Thread(target=self._sample, daemon=True),
                         _threading.Thread(target=self._tick, daemon=True)]

    def __enter__(self):
        for t in self._threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for t in self._threads:
            t.join()

    def _sample(self):
        me, tmp = _os.getpid(), _tempfile.gettempdir()
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(anon_kb(p) for p in descendants(me)))
            for entry in _os.scandir(tmp):
                if entry.name.startswith(f"pp-run-{me}-"):
                    self.peak_folder = max(self.peak_folder, folder_bytes(entry.path))
            _time.sleep(0.01)

    def _tick(self):
        last = _time.monotonic()
        while not self._stop.is_set():
            _time.sleep(0.01)
            now = _time.monotonic()
            self.longest_pause = max(self.longest_pause, now - last)
            last = now


def run_as_other_user(cfg: dict, timeout: float = 120) -> dict:
    """Run as_user.py (the app, as an ordinary user) with cfg; its JSON answer."""
    from desktop.core.runner.sandbox import python_executable
    python = python_executable()
    home = _tempfile.mkdtemp(prefix="pp-user-test-")
    _os.chown(home, OTHER_UID, OTHER_UID)
    try:
        done = _subprocess.run(
            [python, str(AS_USER), _json.dumps(cfg)], user=OTHER_UID, group=OTHER_UID,
            extra_groups=[], cwd=home, capture_output=True, text=True, timeout=timeout,
            env={"PATH": "/usr/local/bin:/usr/bin:/bin", "PYTHONPATH": str(REPO),
                 "PYTHONDONTWRITEBYTECODE": "1", "HOME": home, "TMPDIR": home})
        assert done.returncode == 0, done.stderr[-3000:]
        return _json.loads(done.stdout)
    finally:
        _shutil.rmtree(home, ignore_errors=True)


def run_one_jailed(code: str, extra: dict | None = None, args=(1,)):
    """`solve(*args)` once, straight through sandbox.run_jailed (the real child),
    with extra jail settings; returns the Outcome."""
    from desktop.core.runner import sandbox
    header = {"source": code, "entry_point": "solve", "start": 0, "time_limit_s": 2.0,
              "output_limit": 65536}
    with sandbox.Workdir() as workdir:
        return sandbox.run_jailed(
            mode="python", workdir=workdir, rlimits={"CPU": 5, "NOFILE": 64}, processes=8,
            on_event=lambda event: _time.monotonic() + 5, output_cap=65536, extra=extra,
            stdin=(_json.dumps(header) + "\n" + _json.dumps({"args": list(args)})).encode())
