"""The voice panel: record/stop (button, Ctrl+Space, or hold F9 to talk),
an input level meter, and a text box to type the answer instead."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPlainTextEdit, QProgressBar, QPushButton,
                               QVBoxLayout, QWidget)

from .recorder import Recorder

PUSH_TO_TALK_KEY = Qt.Key.Key_F9
METER_FLOOR_DBFS = -60
WARNING_COLOUR = "#8a5300"


class VoicePanel(QWidget):
    typed_answer = Signal(str)
    spoken_answer = Signal(object, object)  # int16 samples, Transcript or None

    def __init__(self, recorder: Recorder, parent=None, transcriber_factory=None):
        """transcriber_factory: returns a live StreamingTranscriber for a new
        recording, or None (then the whole recording is transcribed after)."""
        super().__init__(parent)
        self.setObjectName("voicePanel")
        self.recorder = recorder
        self.transcriber_factory = transcriber_factory or (lambda: None)
        self._push_to_talk = False
        self.record_button = QPushButton("● Record  (Ctrl+Space, or hold F9)")
        self.record_button.setObjectName("recordButton")
        self.record_button.setCheckable(True)
        self.record_button.toggled.connect(self._toggle)
        self.meter = QProgressBar()
        self.meter.setObjectName("levelMeter")
        self.meter.setRange(METER_FLOOR_DBFS, 0)
        self.meter.setValue(METER_FLOOR_DBFS)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(10)
        self.mic_note = QLabel()
        self.mic_note.setObjectName("micNote")
        self.mic_note.setWordWrap(True)
        self.mic_note.hide()
        self.text = QPlainTextEdit()
        self.text.setObjectName("answerBox")
        self.text.setPlaceholderText("Or type your answer here… (Ctrl+Enter to send)")
        self.text.setMaximumHeight(110)
        self.send_button = QPushButton("Send answer")
        self.send_button.setObjectName("sendButton")
        self.send_button.clicked.connect(self._send_text)
        row = QHBoxLayout()
        row.addWidget(self.record_button, 1)
        row.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.meter)
        layout.addWidget(self.mic_note)
        layout.addWidget(self.text)
        QShortcut(QKeySequence("Ctrl+Return"), self.text, self._send_text)
        QShortcut(QKeySequence("Ctrl+Space"), self, self.record_button.toggle,
                  context=Qt.ShortcutContext.WindowShortcut)
        recorder.level.connect(lambda db: self.meter.setValue(int(max(METER_FLOOR_DBFS, db))))
        recorder.finished.connect(self._recorded)
        recorder.partial.connect(self._heard)
        recorder.failed.connect(self._no_microphone)

    def set_enabled_for_answers(self, enabled: bool) -> None:
        self.send_button.setEnabled(enabled)
        self.record_button.setEnabled(enabled or self.recorder.recording)

    def _toggle(self, on: bool) -> None:
        if on:
            self.record_button.setText("■ Stop  (Ctrl+Space)")
            self.recorder.start(self.transcriber_factory(), auto_end=not self._push_to_talk)
        else:
            self.record_button.setText("● Record  (Ctrl+Space, or hold F9)")
            self.recorder.stop()

    def push_to_talk(self, pressed: bool) -> None:
        """Held key: records exactly while held (no silence detection)."""
        if pressed != self.record_button.isChecked():
            self._push_to_talk = pressed
            self.record_button.setChecked(pressed)
            self._push_to_talk = False

    def _note(self, text: str, colour: str = WARNING_COLOUR) -> None:
        self.mic_note.setStyleSheet(f"color: {colour}")
        self.mic_note.setText(text)
        self.mic_note.show()

    def _heard(self, text: str) -> None:
        self._note(f"Heard so far: {text}", "#555")

    def _recorded(self, samples, transcript) -> None:
        self.meter.setValue(METER_FLOOR_DBFS)
        if transcript is not None and transcript.noisy:
            self._note(
                f"Lots of background noise (signal-to-noise {transcript.snr_db:.0f} dB): some words may "
                "be misheard. Move closer to the microphone or somewhere quieter, or type the answer.")
        elif transcript is not None:
            self.mic_note.hide()
        if self.record_button.isChecked():
            self.record_button.blockSignals(True)
            self.record_button.setChecked(False)
            self.record_button.setText("● Record  (Ctrl+Space, or hold F9)")
            self.record_button.blockSignals(False)
        if samples.size:
            self.spoken_answer.emit(samples, transcript)

    def _no_microphone(self, message: str) -> None:
        self.record_button.blockSignals(True)
        self.record_button.setChecked(False)
        self.record_button.blockSignals(False)
        self._note(f"{message}\nYou can type your answers below instead.")
        self.text.setFocus()

    def _send_text(self) -> None:
        text = self.text.toPlainText().strip()
        if text:
            self.typed_answer.emit(text)
            self.text.clear()
