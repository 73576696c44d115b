"""Runner overhead and throughput. Only prints; never fails on a slow machine.

    .venv/bin/python bench/bench_runner.py [--repeat N]

(a) one Python submission with 10 quick tests (one sandboxed child for all
    of them) against spawning a bare `python3 -c pass` ten times;
(b) all 164 HumanEval canonical solutions, two at a time.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.runner import protections, run_submission  # noqa: E402
from desktop.core.runner import cgroups  # noqa: E402
from desktop.core.runner.sandbox import WATCH_S, plan, python_executable  # noqa: E402

TEN_TESTS = {
    "id": "bench", "kind": "coding",
    "languages": {"python": {"entry_point": "add", "starter": ""}},
    "tests": {"cases": [{"args": [i, i], "expected": 2 * i, "hidden": i >= 3} for i in range(10)]},
}
CODE = "def add(a, b):\n    return a + b\n"


def median_time(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def bare_spawns(python: str, n: int = 10) -> None:
    for _ in range(n):
        subprocess.run([python, "-c", "pass"], check=True)


def bench_overhead(repeat: int) -> None:
    python = python_executable() or sys.executable
    run_submission(TEN_TESTS, CODE)  # warm-up: tool lookup, probes, page cache
    submission = median_time(lambda: run_submission(TEN_TESTS, CODE), repeat)
    ten = median_time(lambda: bare_spawns(python), repeat)
    one = median_time(lambda: bare_spawns(python, 1), repeat)
    print("(a) overhead of one submission (10 tests, sandboxed) vs bare interpreter spawns")
    print(f"    interpreter: {python}")
    print(f"    {'one submission, 10 tests':34} {submission * 1000:8.1f} ms")
    print(f"    {'python3 -c pass, 10 spawns':34} {ten * 1000:8.1f} ms")
    print(f"    {'python3 -c pass, 1 spawn':34} {one * 1000:8.1f} ms")
    ratio = submission / ten
    print(f"    ratio submission / 10 spawns: {ratio:.2f}x (target <= 2x) "
          f"{'OK' if ratio <= 2 else 'ABOVE TARGET'}")
    print(f"    ratio submission / 1 spawn:   {submission / one:.2f}x")


def bench_humaneval() -> None:
    try:
        from desktop.core import humaneval
        pack = humaneval.build_pack()
    except Exception as exc:  # noqa: BLE001 - the bench reports, it does not fail
        print(f"(b) skipped: {exc}")
        return
    started = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda r: run_submission(r, r["solution"]["python"]), pack.records))
    elapsed = time.perf_counter() - started
    accepted = sum(r.accepted for r in results)
    print("(b) HumanEval canonical solutions, 2 at a time")
    print(f"    {accepted}/{len(results)} Accepted in {elapsed:.1f} s "
          f"({elapsed / len(results) * 1000:.0f} ms each on average; target < 60 s) "
          f"{'OK' if elapsed < 60 else 'ABOVE TARGET'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    report = protections()
    active = [k for k, v in report.items() if v["active"] and k != "sandbox"]
    print(f"cores: {os.cpu_count()}, load: {os.getloadavg()[0]:.2f}, protections: {', '.join(active)}")
    p = plan()
    print(f"sandbox: {'safe' if report.get('sandbox', {}).get('active') else 'UNAVAILABLE'}; "
          f"code runs as {'uid %d' % p.user[0] if p.user else 'the app user'}, "
          f"PID namespace {'on' if p.pid_namespace else 'off'}, "
          f"cgroups {', '.join(k for k, v in cgroups.available().items() if v) or 'none'}, "
          f"memory/disk checked every {WATCH_S * 1000:.0f} ms")
    bench_overhead(args.repeat)
    bench_humaneval()


if __name__ == "__main__":
    main()
