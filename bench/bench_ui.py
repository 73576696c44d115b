"""UI benchmarks (offscreen Qt, real models, real DB, real sandbox).

1. Main-thread responsiveness during a whole turn — a spoken answer
   (transcription), the interviewer's streamed follow-up (generation) and a
   code run — measured as gaps between ticks of a 5 ms QTimer. Baseline: the
   same timer on an idle window in the same run. Target: longest gap ≤ 50 ms.
2. Dashboard opening with 10,000 saved interviews, beside a bare QTableWidget
   of the same 50 rows (baseline). Target ≤ 150 ms.
Run: .venv/bin/python bench/bench_ui.py
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TMP = tempfile.mkdtemp(prefix="pp-bench-ui-")
os.environ["PERFECT_PITCH_DATA_DIR"] = str(Path(TMP) / "data")
os.environ["PERFECT_PITCH_CONFIG_DIR"] = str(Path(TMP) / "config")

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem  # noqa: E402

SPOKEN = ("At my last job the nightly data import kept failing. I was responsible for it, so I "
          "added retries and alerts. As a result failures dropped by ninety percent.")


class TickRecorder:
    """Gaps between the ticks of a 5 ms timer on the UI thread."""

    def __init__(self):
        self.clock = QElapsedTimer()
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self._tick)
        self.last = None
        self.gaps: list[float] = []

    def _tick(self):
        now = self.clock.nsecsElapsed() / 1e6
        if self.last is not None:
            self.gaps.append(now - self.last)
        self.last = now

    def start(self):
        self.clock.start()
        self.timer.start()

    def stop(self):
        self.timer.stop()
        return self.gaps


def pump_until(app, cond, timeout_s=120):
    t0 = time.monotonic()
    while not cond():
        app.processEvents()
        time.sleep(0.001)
        if time.monotonic() - t0 > timeout_s:
            raise TimeoutError


def gap_stats(gaps):
    gaps = sorted(gaps)
    return max(gaps), gaps[int(len(gaps) * 0.99) - 1], len(gaps)


def speech_wav(path: Path) -> Path:
    raw = path.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-w", str(raw), SPOKEN], check=True)
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", str(path)], check=True)
    return path


def responsiveness(app):
    from db import open_database, service
    from desktop.core import bank, paths
    from desktop.core.audio import WavFileSource, load_audio
    from desktop.core.engine import Phase
    from desktop.ui.model_host import ModelHost
    from desktop.ui.room import InterviewRoom
    from desktop.workers import Worker

    db = open_database(paths.database_path())
    bank.sync_builtin()
    profile = service.create_profile("bench")
    beh = service.bank_records("behavioral")[0]
    code_q = next(q for q in service.bank_records("coding") if q["difficulty"] == "easy")
    worker = Worker()
    host = ModelHost(worker)
    host.load("whisper-base", "gemma-3-270m-q4_k_m")
    pump_until(app, lambda: host.state == {"stt": "ready", "llm": "ready"})
    wav = speech_wav(Path(TMP) / "answer.wav")

    # baseline: an idle window for 3 s
    idle = TickRecorder()
    idle.start()
    t_end = time.monotonic() + 3
    pump_until(app, lambda: time.monotonic() > t_end)
    idle_gaps = idle.stop()

    iv = service.create_interview(profile["id"], "bench", "Mixed", [], question_count=2)
    room = InterviewRoom(iv["id"], worker, host, plan=[beh["id"], code_q["id"]],
                         source_factory=lambda: WavFileSource(wav))
    room.show()
    pump_until(app, lambda: room.session.phase == Phase.QUESTION and not room.controller.busy)
    busy = TickRecorder()
    busy.start()
    t0 = time.monotonic()
    room.controller.answer_audio(load_audio(wav))          # transcription + generation
    pump_until(app, lambda: not room.controller.busy)
    room.controller.command("skip" if room.session.current_question["id"] == beh["id"] else "repeat")
    pump_until(app, lambda: not room.controller.busy)
    room.controller.submit_code(code_q["solution"]["python"], "python")  # a code run
    pump_until(app, lambda: not room.controller.busy)
    turn_s = time.monotonic() - t0
    busy_gaps = busy.stop()
    room.close()
    worker.shutdown()
    (bmax, bp99, bn), (imax, ip99, _) = gap_stats(busy_gaps), gap_stats(idle_gaps)
    print(f"whole turn took {turn_s:.1f} s ({bn} ticks of a 5 ms timer)")
    print(f"{'UI thread gap during a turn':34} {'max ms':>8} {'p99 ms':>8}   idle max / p99   target")
    print(f"{'transcribe + generate + run code':34} {bmax:>8.1f} {bp99:>8.1f}   {imax:.1f} / {ip99:.1f}"
          f"   max ≤ 50 ms (ratio to idle max {bmax / imax:.1f})")
    db.close()


def dashboard_open(app):
    from bench_data_layer import populate
    from db import close_database, open_database, service
    from desktop.ui.app import MainWindow

    path = Path(TMP) / "dash.sqlite3"
    user_id, _ = populate(path, 10_000, 20_000)
    db = open_database(path)
    profile = next(p for p in service.list_profiles() if p["id"] == user_id)
    window = MainWindow(db, load_models=False)
    window.show()
    app.processEvents()
    samples, base = [], []
    for _ in range(7):
        window.show_profiles()
        app.processEvents()
        t0 = time.perf_counter()
        window.show_dashboard(profile)
        window.dashboard.repaint()
        samples.append((time.perf_counter() - t0) * 1000)
        rows = service.list_interviews(user_id, page_size=50)
        t0 = time.perf_counter()
        table = QTableWidget(len(rows), 7)
        for r, row in enumerate(rows):
            for c, v in enumerate((row["title"], row["type"], "", str(row["created_at"]), "", "", row["status"])):
                table.setItem(r, c, QTableWidgetItem(str(v)))
        table.show()
        table.repaint()
        base.append((time.perf_counter() - t0) * 1000)
        table.close()
    d, b = statistics.median(samples), statistics.median(base)
    n = service.count_interviews(user_id)
    print(f"{'dashboard open':34} {'ms':>8} {'bare table ms':>14} {'ratio':>6} target")
    print(f"{'with ' + format(n, ',') + ' interviews':34} {d:>8.1f} {b:>14.1f} {d / b:>6.1f} ≤ 150 ms")
    window.close()
    close_database(db)


def main():
    app = QApplication.instance() or QApplication(sys.argv)
    dashboard_open(app)
    responsiveness(app)


if __name__ == "__main__":
    main()
