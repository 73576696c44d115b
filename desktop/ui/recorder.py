"""Recording off the UI thread: a Python thread reads the AudioSource (the
microphone, or a WAV file played as one) and reports levels. When a live
transcriber is given, each chunk also goes to it, so speech is transcribed
while the candidate keeps talking and (unless push-to-talk) a long silence
ends the turn; the answer is then ready moments after recording stops.
Whatever goes wrong with live transcription, the audio is kept and handed
back, so the worker can transcribe it the ordinary way."""
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

    def __init__(self, source_factory: Callable[[], AudioSource] | None = None, parent=None):
        super().__init__(parent)
        self.source_factory = source_factory or (lambda: MicrophoneSource())
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._cancel = threading.Event()
        self.result: tuple | None = None  # (samples, transcript) of the last recording

    @property
    def recording(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, transcriber=None, *, auto_end: bool = True) -> None:
        """transcriber: a StreamingTranscriber made on the caller's thread, or
        None. auto_end: a long silence ends the turn (off for push-to-talk)."""
        if self.recording:
            return
        self._stop.clear()
        self._cancel.clear()
        self.result = None
        self._thread = threading.Thread(target=self._run, args=(transcriber, auto_end),
                                        name="recorder", daemon=True)
        self._thread.start()

    def stop(self, *, cancel_transcription: bool = False) -> None:
        """Stop recording; with cancel_transcription, skip finishing the live
        transcript (the audio is still handed back)."""
        if cancel_transcription:
            self._cancel.set()
        self._stop.set()

    def wait(self, timeout: float) -> bool:
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.recording

    def _run(self, streaming, auto_end: bool) -> None:
        chunks: list[np.ndarray] = []
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
            total = 0
            while not self._stop.is_set() and total < MAX_RECORDING_S * 16000:
                chunk = source.read(timeout=0.2)
                if chunk is None:
                    break  # the source ended (file done, device gone)
                if not chunk.size:
                    continue
                chunks.append(chunk)
                total += chunk.size
                self.level.emit(source.level_dbfs)
                streaming = self._feed(streaming, chunk)
                if auto_end and streaming is not None and streaming.end_of_turn:
                    break  # a long silence after speech: the answer is over
            for chunk in source.drain():  # what arrived while a segment was transcribed
                chunks.append(chunk)
                streaming = self._feed(streaming, chunk)
        finally:
            source.stop()
        transcript = None
        if streaming is not None and not self._cancel.is_set():
            try:
                transcript = streaming.finish(cancel=self._cancel)
            except Exception:  # noqa: BLE001 - the worker transcribes the audio instead
                transcript = None
            if transcript is not None and transcript.cancelled:
                transcript = None
        samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int16)
        self.result = (samples, transcript)
        self.finished.emit(samples, transcript)

    def _feed(self, streaming, chunk: np.ndarray):
        """Feed live transcription; on any failure drop it (None) and keep recording."""
        if streaming is None:
            return None
        try:
            if streaming.feed(chunk):
                self.partial.emit(streaming.text)
        except Exception:  # noqa: BLE001 - fall back to transcribing after the recording
            return None
        return streaming
