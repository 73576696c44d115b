"""The main window and the application's start-up."""
from __future__ import annotations

import asyncio
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QStackedWidget

from db import DataError, close_database, open_database, service
from desktop.core import model_store, paths
from desktop.workers import Worker

from .dashboard import DashboardPage
from .model_host import ModelHost
from .profile_page import ProfilePage
from .settings import qsettings

APP_NAME = "Perfect Pitch"


class MainWindow(QMainWindow):
    def __init__(self, database, *, load_models: bool = True):
        super().__init__()
        self.database = database
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 800)
        self.settings = qsettings()
        self.worker = Worker(self)
        self.models = ModelHost(self.worker, self)
        self.profile: dict | None = None
        self.open_rooms: list = []

        self.stack = QStackedWidget()
        self.profile_page = ProfilePage()
        self.dashboard = DashboardPage()
        self.stack.addWidget(self.profile_page)
        self.stack.addWidget(self.dashboard)
        self.setCentralWidget(self.stack)
        self.profile_page.chosen.connect(self.show_dashboard)
        self.dashboard.switch_profile.connect(self.show_profiles)
        self.dashboard.new_interview.connect(self.new_interview)
        self.dashboard.open_interview.connect(self.open_interview)

        self.model_status = QLabel()
        self.model_status.setObjectName("modelStatus")
        self.statusBar().addPermanentWidget(self.model_status)
        self.models.changed.connect(self._show_model_state)
        self._build_menu()
        self.show_profiles()
        if load_models:
            # After the first paint, so the window appears at once.
            QTimer.singleShot(0, self.load_models)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        new = QAction("&New interview…", self, shortcut=QKeySequence.StandardKey.New,
                      triggered=self.new_interview)
        settings = QAction("&Settings…", self, shortcut=QKeySequence("Ctrl+,"),
                           triggered=self.open_settings)
        quit_ = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        for action in (new, settings, quit_):
            file_menu.addAction(action)

    # --- models -------------------------------------------------------------------

    def load_models(self) -> None:
        self.models.load(self.settings.value("models/stt", model_store.DEFAULT_STT),
                         self.settings.value("models/llm", model_store.DEFAULT_LLM))

    def _show_model_state(self, state: dict) -> None:
        def word(s: str) -> str:
            return {"ready": "ready", "loading": "loading…", "off": "off"}.get(s, "unavailable")
        self.model_status.setText(f"Speech: {word(state['stt'])} · Interviewer model: {word(state['llm'])}")
        problems = [s for s in state.values() if s.startswith("failed")]
        tips = "\n".join(s[len("failed: "):] for s in problems)
        self.model_status.setToolTip(tips or "Models are loaded in the background.")
        if problems:
            self.statusBar().showMessage("A model could not be loaded — hover here for why. "
                                         "Interviews still work (typed answers, standard questions).")

    # --- navigation -----------------------------------------------------------------

    def show_profiles(self) -> None:
        last = self.settings.value("profile/last_id")
        self.profile_page.refresh(select_id=int(last) if last else None)
        self.stack.setCurrentWidget(self.profile_page)

    def show_dashboard(self, profile: dict) -> None:
        self.profile = profile
        self.settings.setValue("profile/last_id", profile["id"])
        self.setWindowTitle(f"{APP_NAME} — {profile['username']}")
        self.dashboard.set_profile(profile)
        self.stack.setCurrentWidget(self.dashboard)

    def new_interview(self) -> None:
        if not self.profile:
            return
        from .new_interview import NewInterviewDialog
        dialog = NewInterviewDialog(self)
        if dialog.exec():
            interview = service.create_interview(self.profile["id"], **dialog.values())
            self.dashboard.refresh()
            self.open_interview(interview, new=True)

    def open_interview(self, interview: dict, new: bool = False) -> None:
        if interview["status"] == "completed":
            from .review import ReviewWindow
            window = ReviewWindow(interview["id"], self)
            window.show()
            self.open_rooms.append(window)
            return
        from .room import InterviewRoom
        room = InterviewRoom(interview["id"], self.worker, self.models, self)
        room.closed.connect(lambda: self.dashboard.refresh())
        room.show()
        self.open_rooms.append(room)

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog
        SettingsDialog(self.models, self).exec()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        for room in list(self.open_rooms):
            room.close()
        self.worker.shutdown(wait=False)
        super().closeEvent(event)


class _FirstPaintReporter(QObject):
    """For bench/bench_startup.py: print when the window first paints, then quit."""

    def __init__(self, parent, started: float):
        super().__init__(parent)
        self.started = started

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            print(f"painted {time.perf_counter() - self.started:.3f}", flush=True)
            obj.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


def _fatal(message: str) -> int:
    QMessageBox.critical(None, APP_NAME, message)
    print(message, file=sys.stderr)
    return 1


def run_app(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    app = QApplication.instance() or QApplication(argv or sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("PerfectPitch")
    try:
        database = open_database(paths.database_path(), exclusive=True)
    except DataError as exc:
        return _fatal(str(exc))
    service.mark_interrupted()
    window = MainWindow(database)
    window.show()
    if os.environ.get("PERFECT_PITCH_REPORT_PAINT"):
        window.installEventFilter(_FirstPaintReporter(window, started))
    import qasync
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    app.aboutToQuit.connect(loop.stop)
    with loop:
        loop.run_forever()
    close_database(database)
    return 0
