"""Recording off the UI thread: a Python thread reads the AudioSource (the
microphone, or a WAV file played as one) and reports levels. When the speech
model is loaded, each chunk also goes to a StreamingTranscriber, so speech is
transcribed while the candidate keeps talking and a long silence ends the
turn; the answer is then ready moments after recording stops."""
from __future__ import annotations

import threading
from typing import Callable

import numpy as np
from PySide6.QtCore import QObject, Signal

from desktop.core.audio import AudioError, AudioSource, MicrophoneSource

MAX_RECORDING_S = 10 * 60  # a safety stop: one answer is never longer than this


class Recorder(QObject):
    level = Signal(float)              # dBFS of the latest chunk
    partial = Signal(str)              # what has been transcribed so far
    finished = Signal(object, object)  # int16 samples (16 kHz mono), Transcript or None
    failed = Signal(str)

    def __init__(self, source_factory: Callable[[], AudioSource] | None = None, parent=None,
                 transcriber_factory: Callable[[], object] | None = None):
        super().__init__(parent)
        self.source_factory = source_factory or (lambda: MicrophoneSource())
        # Returns a StreamingTranscriber, or None while the speech model is loading.
        self.transcriber_factory = transcriber_factory or (lambda: None)
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
        streaming = self.transcriber_factory()
        transcript = None
        try:
            while not self._stop.is_set():
                chunk = source.read(timeout=0.2)
                if chunk is None:
                    break  # the source ended (file done, device gone)
                if not chunk.size:
                    continue
                chunks.append(chunk)
                total += chunk.size
                self.level.emit(source.level_dbfs)
                if streaming is not None and self._feed(streaming, chunk):
                    break  # a long silence after speech: the answer is over
                if total >= MAX_RECORDING_S * 16000:
                    break
        finally:
            source.stop()
        if streaming is not None:
            try:
                transcript = streaming.finish()
            except Exception:  # noqa: BLE001 - the worker transcribes the audio instead
                transcript = None
        self.finished.emit(np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int16),
                           transcript)

    def _feed(self, streaming, chunk: np.ndarray) -> bool:
        """True when the turn has ended."""
        if streaming.feed(chunk):
            self.partial.emit(streaming.text)
        return streaming.end_of_turn
