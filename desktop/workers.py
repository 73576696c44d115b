"""Background work, off the UI thread.

One worker thread runs model loading, transcription, generation and code runs
in order (they share the models). `Worker.submit` is the one helper the UI
uses, like Anki's QueryOp: a function runs in the background and its result
(or error) comes back on the UI thread through Qt signals.
"""
from __future__ import annotations

import itertools
import threading
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal, Slot


class Cancelled(Exception):
    """Raised inside a job that noticed it was cancelled."""


@dataclass
class Job:
    id: int
    label: str
    cancel_event: threading.Event = field(default_factory=threading.Event)
    _worker: "Worker | None" = None

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def cancel(self) -> None:
        self.cancel_event.set()

    def progress(self, done: float, total: float = 1.0, text: str = "") -> None:
        if self._worker is not None:
            self._worker.progress.emit(self.id, {"done": done, "total": total, "text": text})


class Worker(QObject):
    """Runs jobs on one background thread; results return as queued signals."""

    started = Signal(int, str)          # job id, label
    finished = Signal(int, object)      # job id, result
    failed = Signal(int, str, str)      # job id, message, traceback
    progress = Signal(int, object)      # job id, {"done", "total", "text"}

    def __init__(self, parent=None, name: str = "perfect-pitch-worker"):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self.jobs: dict[int, Job] = {}
        self.is_shut_down = False
        self.finished.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    def submit(self, fn: Callable[..., Any], *, label: str = "", pass_job: bool = False,
               on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[str], None] | None = None) -> Job:
        job = Job(next(self._ids), label or getattr(fn, "__name__", "job"), _worker=self)
        self._callbacks[job.id] = (on_done, on_error)
        self.jobs[job.id] = job

        def run() -> None:
            if job.cancelled:
                self.failed.emit(job.id, "Cancelled.", "")
                return
            self.started.emit(job.id, job.label)
            try:
                result = fn(job) if pass_job else fn()
            except Cancelled:
                self.failed.emit(job.id, "Cancelled.", "")
            except Exception as exc:  # noqa: BLE001 - reported to the UI, never lost
                self.failed.emit(job.id, str(exc) or type(exc).__name__, traceback.format_exc())
            else:
                self.finished.emit(job.id, result)

        self._pool.submit(run)
        return job

    @Slot(int, object)
    def _deliver_result(self, job_id: int, result: Any) -> None:
        on_done, _ = self._callbacks.pop(job_id, (None, None))
        self.jobs.pop(job_id, None)
        if on_done:
            on_done(result)

    @Slot(int, str, str)
    def _deliver_error(self, job_id: int, message: str, tb: str) -> None:
        _, on_error = self._callbacks.pop(job_id, (None, None))
        self.jobs.pop(job_id, None)
        if on_error:
            on_error(message)

    def busy(self) -> bool:
        return bool(self.jobs)

    def shutdown(self, wait: bool = True) -> None:
        self.is_shut_down = True
        for job in list(self.jobs.values()):
            job.cancel()
        self._pool.shutdown(wait=wait, cancel_futures=True)
