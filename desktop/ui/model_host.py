"""Loads the speech and language models on the worker thread at start-up and
reports their state; the window never waits for them."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.workers import Worker


class ModelHost(QObject):
    changed = Signal(dict)  # {"stt": state, "llm": state}; state: loading|ready|failed: why|off

    def __init__(self, worker: Worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.stt = None
        self.llm = None
        self.state = {"stt": "off", "llm": "off"}

    def load(self, stt_name: str, llm_name: str) -> None:
        self._set("stt", "loading")
        self.worker.submit(lambda: _load_stt(stt_name), label="loading speech model",
                           on_done=lambda m: self._loaded("stt", m),
                           on_error=lambda e: self._set("stt", f"failed: {e}"))
        self._set("llm", "loading")
        self.worker.submit(lambda: _load_llm(llm_name), label="loading language model",
                           on_done=lambda m: self._loaded("llm", m),
                           on_error=lambda e: self._set("llm", f"failed: {e}"))

    def _loaded(self, which: str, model) -> None:
        setattr(self, which, model)
        self._set(which, "ready")

    def _set(self, which: str, state: str) -> None:
        self.state[which] = state
        self.changed.emit(dict(self.state))

    def interviewer_model(self):
        """The engine's view of the language model (None until loaded)."""
        if self.llm is None:
            return None
        from desktop.core.engine.model_port import InterviewerModel
        return InterviewerModel(self.llm)


def _load_stt(name: str):
    from desktop.core.stt import SpeechToText
    return SpeechToText(name).load()


def _load_llm(name: str):
    from desktop.core.llm import LanguageModel
    return LanguageModel(name).load()
