"""The interview room: conversation + voice panel, the code editor with its
tests, and the session timeline, around one SessionController."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMainWindow, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

from db import service
from desktop.core import paths
from desktop.core.engine import Phase

from .code_panel import CodePanel
from .conversation import ConversationView
from .formatting import clock
from .recorder import Recorder
from .session_controller import SessionController
from .speaker import Speaker
from .settings import qsettings
from .timeline import Timeline
from .voice_panel import PUSH_TO_TALK_KEY, VoicePanel


CANCELLABLE = ("transcribing…", "thinking…")


def _languages() -> dict:
    try:
        from desktop.core.runner import available_languages
        return available_languages()
    except ImportError:
        return {"python": {"available": True}}


class InterviewRoom(QMainWindow):
    closed = Signal()

    def __init__(self, interview_id: int, worker, model_host, parent=None, *, source_factory=None,
                 plan: list[str] | None = None):
        """plan: question ids to ask (default: chosen from the bank by the
        interview's mode, skills, difficulty and the profile's history)."""
        super().__init__(parent)
        self.setObjectName("interviewRoom")
        self.interview = service.get_interview(interview_id)
        self.setWindowTitle(f"{self.interview['title']} — Perfect Pitch")
        self.resize(1400, 860)
        self._fixed_plan = plan
        self.controller = SessionController.open(interview_id, worker, model_host)
        self.session = self.controller.session
        settings = qsettings()

        # header: where we are, time left, commands
        self.where = QLabel()
        self.where.setObjectName("questionHeader")
        self.q_timer = QLabel()
        self.q_timer.setObjectName("questionTimer")
        self.total_timer = QLabel()
        self.total_timer.setObjectName("interviewTimer")
        self.buttons = {}
        self.speaker = Speaker(self)
        self.speak_button = QPushButton("Speak replies")
        self.speak_button.setObjectName("speakButton")
        self.speak_button.setCheckable(True)
        self.speak_button.toggled.connect(self._toggle_speech)
        self.speaker.unavailable.connect(self._no_speech)
        header = QHBoxLayout()
        header.addWidget(self.where, 1)
        header.addWidget(self.q_timer)
        header.addWidget(self.total_timer)
        header.addWidget(self.speak_button)
        for name, label, key in (("hint", "Hint", "Ctrl+H"), ("repeat", "Repeat", "Ctrl+Shift+R"),
                                 ("skip", "Skip", "Ctrl+Shift+S"), ("end", "End", "Ctrl+Shift+E")):
            b = QPushButton(f"{label} ({key})")
            b.setObjectName(f"{name}Button")
            b.clicked.connect(lambda _=False, n=name: self.controller.command(n))
            QShortcut(QKeySequence(key), self, lambda n=name: self.controller.command(n))
            header.addWidget(b)
            self.buttons[name] = b

        # left: conversation, status chip, voice panel
        self.conversation = ConversationView()
        self.chip = QLabel()
        self.chip.setObjectName("statusChip")
        self.chip.setStyleSheet("background:#fff3cd; border-radius:8px; padding:2px 8px;")
        self.chip.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.controller.cancel)
        self.cancel_button.hide()
        chip_row = QHBoxLayout()
        chip_row.addWidget(self.chip)
        chip_row.addWidget(self.cancel_button)
        chip_row.addStretch(1)
        device = settings.value("audio/input_device")
        if source_factory is None:
            from desktop.core.audio import MicrophoneSource
            source_factory = lambda: MicrophoneSource(int(device) if device not in (None, "") else None)  # noqa: E731
        self.recorder = Recorder(source_factory, self)
        self.voice = VoicePanel(self.recorder, transcriber_factory=self._streaming_transcriber)
        self.voice.typed_answer.connect(self.controller.answer_text)
        self.voice.spoken_answer.connect(self._spoken)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.conversation, 1)
        lv.addLayout(chip_row)
        lv.addWidget(self.voice)

        # middle: code; right: timeline
        self.code = CodePanel(_languages(), theme=settings.value("ui/theme", "light"))
        self.code.run_requested.connect(self.controller.submit_code)
        self.timeline = Timeline()
        self.timeline.jump.connect(self.conversation.jump_to)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.code)
        split.addWidget(self.timeline)
        split.setSizes([460, 680, 240])

        self.error_bar = QLabel()
        self.error_bar.setObjectName("errorBar")
        self.error_bar.setWordWrap(True)
        self.error_bar.setStyleSheet("background:#fdecea; color:#611a15; padding:4px;")
        self.retry_button = QPushButton("Retry")
        self.retry_button.clicked.connect(self._retry)
        self.error_row = QWidget()
        er = QHBoxLayout(self.error_row)
        er.setContentsMargins(0, 0, 0, 0)
        er.addWidget(self.error_bar, 1)
        er.addWidget(self.retry_button)
        self.error_row.hide()

        central = QWidget()
        v = QVBoxLayout(central)
        v.addLayout(header)
        v.addWidget(split, 1)
        v.addWidget(self.error_row)
        self.setCentralWidget(central)

        self.speak_button.setChecked(settings.value("ui/speak_replies", "false") == "true")
        self.controller.event.connect(self._on_event)
        self.controller.busy_changed.connect(self._on_busy)
        self.controller.failed.connect(self._show_error)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._update_timers)
        self._tick.start()
        self._load_existing()

    # --- start / resume -----------------------------------------------------------

    def _load_existing(self) -> None:
        transcript = service.load_transcript(self.interview["id"])
        self.conversation.set_messages(transcript)
        for m in transcript:
            self.timeline.add_message(m)
        for sub in service.code_submissions(self.interview["id"]):
            self.timeline.add_event("code", f"{sub['verdict']} {sub['passed']}/{sub['total']}")
        self._show_phase()
        if self.session.phase == Phase.SETUP:
            self.controller.start(self._plan())
        elif self.session.phase != Phase.DONE:
            self.controller.start()  # resume

    def _plan(self) -> list[str]:
        if self._fixed_plan:
            return self._fixed_plan
        from desktop.core.engine.session import plan_interview
        return plan_interview(self.interview, list(self.session.bank.values()),
                              service.recent_qids(self.interview["user_id"]))

    # --- events from the controller -------------------------------------------------

    def _on_event(self, event) -> None:
        kind, data = event.kind, event.data
        if kind in ("message", "message_updated"):
            msg = data["message"]
            self.conversation.upsert(msg)
            self.timeline.add_message(msg)
            if msg["role"] == "assistant" and msg["status"] == "completed":
                self.speaker.say(msg["content"])
        elif kind == "token":
            self.conversation.append_token(data["message_id"], data["text"])
        elif kind == "phase":
            self._show_phase()
        elif kind == "code_result":
            self.code.show_result(data["result"])
            sub = data["submission"]
            self.timeline.add_event("code", f"{sub['verdict']} {sub['passed']}/{sub['total']}")
        elif kind == "status":
            self.chip.setText(data["text"])
            self.chip.setVisible(bool(data["text"]))
        elif kind == "report":
            r = data["report"]
            score = "—" if r["overall_score"] is None else f"{r['overall_score']:.1f}/10"
            self.timeline.add_event("score", f"Report: {score}")
        elif kind == "error":
            self._show_error(data["message"], retry=data.get("retry", False))

    def _show_phase(self) -> None:
        s = self.session
        q = s.current_question
        if s.phase == Phase.DONE:
            self.where.setText("<b>Interview finished</b> — your report is in the conversation and "
                               "in the review window.")
        elif q is not None:
            title = q.get("title") or q["prompt"][:70]
            self.where.setText(f"<b>Question {s.state.index + 1} of {len(s.state.plan)}</b> · {title}")
        if q is not None and getattr(self, "_shown_qid", None) != q["id"]:
            self._shown_qid = q["id"]
            self.code.set_problem(q)
        done = s.phase == Phase.DONE
        self._update_timers()
        for b in self.buttons.values():
            b.setEnabled(not done)
        if done:
            self.code.run_button.setEnabled(False)
        self.voice.set_enabled_for_answers(not done)

    def _toggle_speech(self, on: bool) -> None:
        self.speaker.set_enabled(on)
        qsettings().setValue("ui/speak_replies", "true" if on else "false")

    def _no_speech(self, message: str) -> None:
        self.speak_button.blockSignals(True)
        self.speak_button.setChecked(False)
        self.speak_button.blockSignals(False)
        self._show_error(message, retry=False)

    def _on_busy(self, busy: bool, label: str) -> None:
        # Only transcription and generation can stop early; code runs have their own limits.
        self.cancel_button.setVisible(busy and label in CANCELLABLE)
        if busy:
            self.chip.setText(label)
            self.chip.show()
            self.error_row.hide()
        elif not self.chip.text() or self.chip.text() == label:
            self.chip.hide()

    def _show_error(self, message: str, retry: bool = True) -> None:
        self.error_bar.setText(message)
        self.retry_button.setVisible(retry)
        self.error_row.show()

    def _retry(self) -> None:
        self.error_row.hide()
        self.controller.retry()

    def _streaming_transcriber(self):
        """Live transcription for a new recording if the speech model is
        loaded, else None (the worker then transcribes the whole recording)."""
        if self.session.stt is None:
            return None
        from desktop.core.recording import live_transcriber
        return live_transcriber(self.session.stt, self.session.stt_context())

    def _spoken(self, samples, transcript=None) -> None:
        from desktop.core.audio import save_wav
        folder = paths.data_dir() / "recordings" / str(self.interview["id"])
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"answer-{len(list(folder.glob('*.wav'))) + 1}.wav"
        try:
            save_wav(path, samples)
            recording = str(path)
        except OSError:
            recording = None  # the answer still counts; only the replay file is lost
        if transcript is not None:
            self.controller.answer_transcript(transcript, recording_path=recording)
        else:
            self.controller.answer_audio(samples, recording_path=recording)

    def _update_timers(self) -> None:
        if self.session.phase in (Phase.DONE, Phase.SETUP):
            return
        self.q_timer.setText(f"Question: {clock(self.session.question_time_left_s())} left")
        total = self.session.time_left_s()
        self.total_timer.setText("Interview: " + (f"{clock(total)} left" if total is not None
                                                  else clock(self.session.elapsed_s())))

    # --- keys and closing ------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() == PUSH_TO_TALK_KEY and not event.isAutoRepeat():
            self.voice.push_to_talk(True)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() == PUSH_TO_TALK_KEY and not event.isAutoRepeat():
            self.voice.push_to_talk(False)
            return
        super().keyReleaseEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Closing mid-turn keeps everything committed; the interview resumes
        later. An answer being recorded is kept: it is queued for the worker
        to transcribe before the session is saved."""
        self.controller.cancel()  # whatever runs now; calls queued after this still run
        if self.recorder.recording:
            self.recorder.stop(cancel_transcription=True)
            self.recorder.wait(5.0)
        # Deliver a just-finished recording now, so its answer is queued
        # before the save below.
        QCoreApplication.sendPostedEvents(self.voice, QEvent.Type.MetaCall)
        self._tick.stop()
        self.controller.event.disconnect(self._on_event)
        self.controller.busy_changed.disconnect(self._on_busy)
        self.controller.failed.disconnect(self._show_error)
        self.controller.close()
        self.closed.emit()
        super().closeEvent(event)
