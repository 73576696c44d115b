"""Spoken replies: the interviewer's finished messages read aloud with Qt's
text-to-speech (speech-dispatcher on Linux). Off by default; failing to
start a voice only turns the option off with a note."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Speaker(QObject):
    unavailable = Signal(str)

    def __init__(self, parent=None, engine: str | None = None):
        super().__init__(parent)
        self.engine = engine
        self._tts = None
        self.enabled = False

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        if on and self._tts is None:
            from PySide6.QtTextToSpeech import QTextToSpeech
            engines = QTextToSpeech.availableEngines()
            engine = self.engine or next((e for e in engines if e != "mock"), None)
            if engine is None:
                self.enabled = False
                self.unavailable.emit("No text-to-speech voice is installed "
                                      "(on Debian: speech-dispatcher-espeak-ng).")
                return
            self._tts = QTextToSpeech(engine, self)
        if not on and self._tts is not None:
            self._tts.stop()

    def say(self, text: str) -> None:
        if self.enabled and self._tts is not None and text.strip():
            self._tts.enqueue(text)

    @property
    def tts(self):
        return self._tts
