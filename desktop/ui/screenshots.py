"""`python -m desktop.ui.screenshots OUT_DIR`: screenshots of each main view
(for the README and for checking by eye), made from a scripted session in a
temporary data folder. Runs offscreen; models are not needed."""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

VIEWS = ("profiles", "dashboard", "new_interview", "room", "review", "settings")


def _pump(app, seconds: float = 0.2, until=None, timeout: float = 60) -> None:
    end = time.monotonic() + (timeout if until else seconds)
    while time.monotonic() < end:
        app.processEvents()
        if until and until():
            break
        time.sleep(0.01)
    app.processEvents()


def take(out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="pp-shots-"))
    os.environ["PERFECT_PITCH_DATA_DIR"] = str(tmp / "data")
    os.environ["PERFECT_PITCH_CONFIG_DIR"] = str(tmp / "config")
    from PySide6.QtWidgets import QApplication

    from db import open_database, service
    from desktop.core import bank, paths
    from desktop.ui.app import MainWindow
    from desktop.ui.new_interview import NewInterviewDialog
    from desktop.ui.review import ReviewWindow
    from desktop.ui.room import InterviewRoom
    from desktop.ui.settings_dialog import SettingsDialog

    app = QApplication.instance() or QApplication(sys.argv)
    out_dir.mkdir(parents=True, exist_ok=True)
    db = open_database(paths.database_path())
    bank.sync_builtin()
    saved: list[Path] = []

    def shot(widget, name: str) -> None:
        widget.show()
        _pump(app)
        path = out_dir / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    for name in ("Ana", "Ben"):
        service.create_profile(name)
    window = MainWindow(db, load_models=False)
    shot(window, "profiles")
    ana = service.list_profiles()[-1] if service.list_profiles()[-1]["username"] == "Ana" else \
        next(p for p in service.list_profiles() if p["username"] == "Ana")

    beh = service.bank_records("behavioral")[0]
    code_q = next(q for q in service.bank_records("coding") if q["difficulty"] == "easy")
    iv = service.create_interview(ana["id"], "Mixed practice", "Mixed", ["Python", "Teamwork"],
                                  question_count=2)
    room = InterviewRoom(iv["id"], window.worker, window.models, plan=[beh["id"], code_q["id"]])
    room.resize(1400, 860)
    room.show()
    ctl = room.controller
    _pump(app, until=lambda: not ctl.busy and room.session.state.index == 0)
    ctl.answer_text("At my last job our deploys failed weekly. I was responsible for the fix, so I "
                    "added a staging check and wrote a runbook. As a result failures fell 90 percent.")
    _pump(app, until=lambda: not ctl.busy)
    ctl.command("skip" if room.session.state.index == 0 else "repeat")
    _pump(app, until=lambda: not ctl.busy)
    room.code.editor.set_text(code_q["languages"]["python"]["starter"].replace(
        "pass", "return 0  # first try"))
    room.code._run()
    _pump(app, until=lambda: not ctl.busy)
    _pump(app, 0.3)
    shot(room, "room")
    ctl.command("end")
    _pump(app, until=lambda: not ctl.busy)
    room.close()

    window.show_dashboard(ana)
    window.resize(1280, 800)
    shot(window, "dashboard")
    dialog = NewInterviewDialog(window)
    shot(dialog, "new_interview")
    dialog.close()
    review = ReviewWindow(iv["id"])
    review.resize(1200, 800)
    shot(review, "review")
    review.close()
    settings = SettingsDialog(window.models, window)
    shot(settings, "settings")
    settings.close()
    window.close()
    window.worker.shutdown(wait=True)
    db.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    out = Path(argv[0] if argv else "screenshots")
    for path in take(out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
