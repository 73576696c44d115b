"""One controller per open interview — the desktop form of the seeds'
Durable Object broadcasting to every client. The engine runs on the worker
thread; its events come back here as a Qt signal that every open view of the
interview (room, timeline, review window) connects to.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from db import service
from desktop.core.engine import InterviewSession, SessionEvent
from desktop.workers import Worker

# One controller per open interview.
_controllers: dict[int, "SessionController"] = {}


class SessionController(QObject):
    event = Signal(object)        # SessionEvent, delivered on the UI thread
    busy_changed = Signal(bool, str)  # busy?, what it is doing
    failed = Signal(str)          # a step failed: why (the UI offers a retry)

    def __init__(self, interview_id: int, worker: Worker, session: InterviewSession):
        super().__init__()
        self.interview_id = interview_id
        self.worker = worker
        self.session = session
        self.pending = 0          # engine calls queued or running (in order, on the worker)
        self.closing = False
        self._failed_call = None
        # Emitted from the worker thread; Qt queues it to the UI thread.
        session.subscribe(self.event.emit)

    @classmethod
    def for_interview(cls, interview_id: int) -> "SessionController | None":
        controller = _controllers.get(interview_id)
        return controller if controller is not None and controller.alive else None

    @property
    def alive(self) -> bool:
        return not self.worker.is_shut_down

    @classmethod
    def open(cls, interview_id: int, worker: Worker, model_host) -> "SessionController":
        """The one controller of this interview (created on first use)."""
        existing = _controllers.get(interview_id)
        if existing is not None and existing.worker is worker and existing.alive:
            existing.reopen()
            return existing
        from desktop.core import bank
        bank.sync_builtin()
        session = InterviewSession(interview_id, bank=service.bank_records(),
                                   model=model_host.interviewer_model(), stt=model_host.stt,
                                   run_code=_run_code)
        controller = cls(interview_id, worker, session)
        model_host.changed.connect(lambda _s: controller.attach_models(model_host))
        _controllers[interview_id] = controller
        return controller

    def attach_models(self, model_host) -> None:
        """Models finish loading after the room opens: hand them to the engine."""
        self.session.model = model_host.interviewer_model()
        self.session.stt = model_host.stt

    # --- calls into the engine, always on the worker thread -----------------------

    @property
    def busy(self) -> bool:
        return self.pending > 0

    def reopen(self) -> None:
        self.closing = False

    def _call(self, label: str, fn, *args, **kwargs) -> None:
        """Queue an engine call: calls run one after another on the worker, so
        an answer typed while the interviewer is still talking is not lost."""
        call = (label, fn, args, kwargs)
        self.pending += 1
        self.busy_changed.emit(True, label)

        def run():
            self.session.cancel_event.clear()  # a Cancel applies to the step running now
            return fn(*args, **kwargs)

        self.worker.submit(run, label=label, on_done=self._done,
                           on_error=lambda message: self._error(message, call))

    def _done(self, _result) -> None:
        self.pending -= 1
        if not self.pending:
            self.busy_changed.emit(False, "")
            if self.closing and _controllers.get(self.interview_id) is self:
                del _controllers[self.interview_id]

    def _error(self, message: str, call) -> None:
        self._failed_call = call
        self._done(None)
        self.failed.emit(message)
        self.event.emit(SessionEvent("error", {"message": message, "retry": True}))

    def retry(self) -> None:
        if self._failed_call:
            label, fn, args, kwargs = self._failed_call
            self._failed_call = None
            self._call(label, fn, *args, **kwargs)

    def cancel(self) -> None:
        """Stop the transcription or generation in progress; queued calls
        still run (they are the candidate's own input)."""
        self.session.cancel()

    def start(self, plan: list[str] | None = None) -> None:
        self._call("starting", self.session.start, plan)

    def answer_text(self, text: str) -> None:
        self._call("thinking…", self.session.answer_text, text)

    def answer_audio(self, samples, recording_path: str | None = None) -> None:
        self._call("transcribing…", self.session.answer_audio, samples,
                   recording_path=recording_path)

    def answer_transcript(self, transcript, recording_path: str | None = None) -> None:
        self._call("thinking…", self.session.answer_transcript, transcript,
                   recording_path=recording_path)

    def submit_code(self, code: str, language: str) -> None:
        self._call("running tests…", self.session.submit_code, code, language)

    def command(self, name: str) -> None:
        self._call(name, self.session.command, name)

    def close(self) -> None:
        """The last view closed: save elapsed time after whatever is still
        queued (on the worker, never racing a running step). The controller
        stays registered until then, so reopening gets this same session."""
        self.closing = True
        self._call("saving", self.session.pause)


def _run_code(problem: dict, code: str, language: str) -> dict:
    from desktop.core.runner import run_submission
    return run_submission(problem, code, language).as_dict()
