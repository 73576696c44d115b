"""Start-up: time to the first painted frame of the window, measured from
process spawn, beside a bare PySide6 window painted the same way (baseline).
Also `make run` on an already set-up checkout (skips every set-up step).
Targets: window painted ≤ 1.5 s; `make run` to window < 3 s.
Run: .venv/bin/python bench/bench_startup.py   (uses QT_QPA_PLATFORM=offscreen
unless a DISPLAY is set)
"""
from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = """
import time, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv)
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1280, 800)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print("painted", flush=True); QTimer.singleShot(0, app.quit)
        return False
w.installEventFilter(F(w)); w.show(); app.exec()
"""


def time_to_painted(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env, cwd=ROOT)
    for line in proc.stdout:
        if "painted" in line:
            elapsed = time.perf_counter() - t0
            break
    else:
        raise RuntimeError(f"{cmd} never painted")
    proc.wait(timeout=30)
    return elapsed


def main() -> None:
    env = dict(os.environ, PERFECT_PITCH_REPORT_PAINT="1")
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as tmp:
        env["PERFECT_PITCH_DATA_DIR"] = str(Path(tmp) / "data")
        env["PERFECT_PITCH_CONFIG_DIR"] = str(Path(tmp) / "config")
        py = str(ROOT / ".venv" / "bin" / "python")
        runs = 5
        bare = [time_to_painted([py, "-c", BARE], env) for _ in range(runs)]
        app = [time_to_painted([py, "-m", "desktop", "gui"], env) for _ in range(runs)]
        make = [time_to_painted(["make", "-s", "run"], env) for _ in range(3)]
    b, a, m = (statistics.median(x) for x in (bare, app, make))
    print(f"{'start-up (median)':36} {'s':>6} {'bare Qt window s':>17} {'ratio':>6} target")
    print(f"{'perfect-pitch window painted':36} {a:>6.2f} {b:>17.2f} {a / b:>6.2f} ≤ 1.5 s")
    print(f"{'make run (set up) to window':36} {m:>6.2f} {b:>17.2f} {m / b:>6.2f} < 3 s")


if __name__ == "__main__":
    main()
