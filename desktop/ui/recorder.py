"""Recording off the UI thread: a Python thread reads the AudioSource (the
microphone, or a WAV file played as one) and reports levels; the samples are
handed back when recording stops."""
from __future__ import annotations

import threading
from typing import Callable

import numpy as np
from PySide6.QtCore import QObject, Signal

from desktop.core.audio import AudioError, AudioSource, MicrophoneSource

MAX_RECORDING_S = 10 * 60  # a safety stop: one answer is never longer than this


class Recorder(QObject):
    level = Signal(float)              # dBFS of the latest chunk
    finished = Signal(object)          # int16 numpy array, 16 kHz mono
    failed = Signal(str)

    def __init__(self, source_factory: Callable[[], AudioSource] | None = None, parent=None):
        super().__init__(parent)
        self.source_factory = source_factory or (lambda: MicrophoneSource())
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    @property
    def recording(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.recording:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="recorder", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        chunks: list[np.ndarray] = []
        total = 0
        try:
            source = self.source_factory()
            source.start()
        except AudioError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - any device failure: tell, don't crash
            self.failed.emit(f"The microphone could not be started: {exc}")
            return
        try:
            while not self._stop.is_set():
                chunk = source.read(timeout=0.2)
                if chunk is None:
                    break  # the source ended (file done, device gone)
                if chunk.size:
                    chunks.append(chunk)
                    total += chunk.size
                    self.level.emit(source.level_dbfs)
                    if total >= MAX_RECORDING_S * 16000:
                        break
        finally:
            source.stop()
        self.finished.emit(np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int16))
