"""Settings: which speech and language models to use (with their size,
licence, state and a speed test), the microphone, the theme and the data
folder. Everything is stored through qsettings(), the INI file the core reads."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from desktop.commands.output import human_size
from desktop.core import audio, model_store, paths

from .settings import qsettings

OTHER = "__other__"
KIND_NAMES = {"stt": "Speech recognition", "llm": "Interviewer (language model)"}
SETTING_KEYS = {"stt": "models/stt", "llm": "models/llm"}
DEFAULTS = {"stt": model_store.DEFAULT_STT, "llm": model_store.DEFAULT_LLM}
NO_MICROPHONE = "(none found — answers can be typed)"
BENCH_SECONDS = 5.0
BENCH_TOKENS = 32
ERROR_STYLE = "color: #b00020"


# --- speed tests (run on the worker thread) -----------------------------------------

def _bench_audio() -> tuple[np.ndarray, str]:
    """BENCH_SECONDS of 16 kHz audio. Whisper's VAD drops non-speech, which
    would make the timing meaningless, so a sentence spoken by espeak-ng is
    used when it is installed; otherwise a generated voice-like buzz."""
    n = int(BENCH_SECONDS * audio.SAMPLE_RATE)
    espeak = shutil.which("espeak-ng")
    if espeak:
        try:
            wav = subprocess.run(
                [espeak, "--stdout", "-s", "160", "I led a small team that rebuilt our billing "
                 "service, and we cut errors by half."], capture_output=True, check=True,
                timeout=10).stdout
            with tempfile.NamedTemporaryFile(suffix=".wav", delete=False) as fh:
                fh.write(wav)
            tmp = Path(fh.name)
            try:
                speech = audio.load_audio(tmp)[:n]
            finally:
                tmp.unlink(missing_ok=True)
            return np.pad(speech, (0, n - speech.size)), "spoken test sentence"
        except (OSError, subprocess.SubprocessError, audio.AudioError):
            pass
    t = np.arange(n) / audio.SAMPLE_RATE
    phase = 2 * np.pi * np.cumsum(120 + 15 * np.sin(2 * np.pi * 0.7 * t)) / audio.SAMPLE_RATE
    buzz = sum(np.sin(k * phase) / k for k in range(1, 30))
    envelope = (0.5 + 0.5 * np.sin(2 * np.pi * 4 * t)) ** 2  # syllable-like rhythm
    return (0.3 * buzz / np.abs(buzz).max() * envelope).astype(np.float32), \
        "generated sound (not speech: real answers are usually faster)"


def benchmark_stt(name: str, loaded=None) -> str:
    from desktop.core.stt import SpeechToText
    stt = loaded if loaded is not None and loaded.model_name == name else SpeechToText(name)
    load_s = time.perf_counter()
    stt.load()
    load_s = time.perf_counter() - load_s
    samples, what = _bench_audio()
    t0 = time.perf_counter()
    stt.transcribe(samples, language="en")
    rtf = (time.perf_counter() - t0) / BENCH_SECONDS
    verdict = "fast enough for live answers" if rtf < 0.5 else "slow: answers will lag"
    return (f"{rtf:.2f} × real time on {BENCH_SECONDS:.0f} s of {what} — {verdict}"
            + (f" (loaded in {load_s:.1f} s)" if load_s > 0.05 else ""))


def benchmark_llm(name: str, loaded=None) -> str:
    from desktop.core.llm import LanguageModel
    llm = loaded if loaded is not None and loaded.model_name == name else LanguageModel(name)
    llm.load()
    gen = llm.complete("Interviewer: Tell me about a project you are proud of.\nCandidate:",
                       max_tokens=BENCH_TOKENS, temperature=0.0, seed=0, stop=None)
    if not gen.tokens:
        return "The model produced no tokens."
    speed = gen.tokens / max(gen.total_s, 1e-6)
    verdict = "fast enough" if speed >= 10 else "slow: replies will take a while"
    return (f"{speed:.0f} tokens/s ({gen.tokens} tokens in {gen.total_s:.2f} s, first after "
            f"{gen.first_token_s or 0:.2f} s) — {verdict}")


# --- one model choice --------------------------------------------------------------------

def _folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


class ModelChooser(QWidget):
    """A combo of the known models of one kind plus "Other…" (a file or
    folder of the user's), the chosen model's facts, and a speed test."""

    def __init__(self, kind: str, current: str, model_host, parent=None):
        super().__init__(parent)
        self.kind = kind
        self.model_host = model_host
        self.combo = QComboBox()
        self.combo.setObjectName(f"{kind}Model")
        for name, spec in model_store.KNOWN_MODELS.items():
            if spec.kind == kind:
                self.combo.addItem(name, name)
        self.combo.addItem("Other…", OTHER)
        self.info = QLabel()
        self.info.setObjectName(f"{kind}Info")
        self.info.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName(f"{kind}Problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        self.bench_button = QPushButton("Measure &speed" if kind == "stt" else "Measure s&peed")
        self.bench_button.setObjectName(f"{kind}Bench")
        self.bench_button.setAutoDefault(False)
        self.bench_button.clicked.connect(self.measure_speed)
        self.bench_result = QLabel()
        self.bench_result.setObjectName(f"{kind}BenchResult")
        self.bench_result.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(self.combo, 1)
        row.addWidget(self.bench_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.info)
        layout.addWidget(self.problem)
        layout.addWidget(self.bench_result)

        self._select(current)
        self._previous = self.combo.currentIndex()
        self.combo.activated.connect(self._activated)

    def value(self) -> str:
        """A known model's name or the path of the user's own model."""
        return self.combo.currentData()

    def _select(self, value: str) -> None:
        index = self.combo.findData(value)
        if index < 0:  # a custom path: listed above "Other…"
            index = self.combo.count() - 1
            self.combo.insertItem(index, f"Your model: {Path(value).name}", value)
            self.combo.setItemData(index, value, Qt.ItemDataRole.ToolTipRole)
        self.combo.setCurrentIndex(index)
        self._show_info()

    def _activated(self, index: int) -> None:
        if self.combo.itemData(index) == OTHER:
            path = self.pick_path()
            if not path or not self.choose_custom(path):
                self.combo.setCurrentIndex(self._previous)
        else:
            self.problem.hide()
        self._previous = self.combo.currentIndex()
        self._show_info()

    def pick_path(self) -> str:
        if self.kind == "llm":
            path, _ = QFileDialog.getOpenFileName(self, "Choose a GGUF model file", "",
                                                  "GGUF models (*.gguf);;All files (*)")
            return path
        return QFileDialog.getExistingDirectory(self, "Choose a CTranslate2 Whisper model folder")

    def choose_custom(self, path: str) -> bool:
        """Use the user's own model at path; False (with the reason shown) when unusable."""
        try:
            checked = model_store.check_custom_model(Path(path), self.kind)
        except (model_store.ModelProblem, OSError) as exc:
            self.problem.setText(f"Not usable: {exc}")
            self.problem.show()
            return False
        self.problem.hide()
        self._select(str(checked))
        self._previous = self.combo.currentIndex()
        return True

    def _show_info(self) -> None:
        value = self.value()
        self.bench_result.clear()
        if value in model_store.KNOWN_MODELS:
            st = model_store.status(value, verify=False)  # sizes only: never hash here
            if not st.present:
                text = f"Not installed ({st.problem}). {st.fix}"
            else:
                state = ("checksums recorded, sizes match" if st.checksum_ok is not False
                         else f"damaged: {st.problem}. {st.fix}")
                text = f"{human_size(st.size)} · licence: {st.licence} · {state}"
        elif value and value != OTHER:
            path = Path(value)
            size = human_size(_folder_size(path)) if path.exists() else "missing"
            text = f"{size} · licence: see the model's own terms · your file (no checksum recorded)"
        else:
            text = ""
        self.info.setText(text)
        self.info.setToolTip("To verify every checksum: perfect-pitch models status")

    # --- speed test ---------------------------------------------------------------------

    def measure_speed(self) -> None:
        name = self.value()
        loaded = getattr(self.model_host, self.kind, None)
        bench = benchmark_stt if self.kind == "stt" else benchmark_llm
        self.bench_button.setEnabled(False)
        self.bench_result.setStyleSheet("")
        self.bench_result.setText("Measuring… (after any work already running)")
        self.model_host.worker.submit(lambda: bench(name, loaded), label="measuring model speed",
                                      on_done=self._bench_done, on_error=self._bench_failed)

    def _bench_done(self, text: str) -> None:
        self.bench_button.setEnabled(True)
        self.bench_result.setText(text)

    def _bench_failed(self, message: str) -> None:
        self.bench_button.setEnabled(True)
        self.bench_result.setStyleSheet(ERROR_STYLE)
        self.bench_result.setText(f"Speed test failed: {message}")


# --- the dialog ----------------------------------------------------------------------------

class SettingsDialog(QDialog):
    def __init__(self, model_host, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self.model_host = model_host
        self.settings = qsettings()

        # Stacked, not a form: the wrapped facts and speed results need the full
        # width, and a vertical box grows with them where a form row does not.
        models = QGroupBox("Models")
        models_box = QVBoxLayout(models)
        self.choosers = {}
        for kind in ("stt", "llm"):
            current = str(self.settings.value(SETTING_KEYS[kind], DEFAULTS[kind]))
            self.choosers[kind] = ModelChooser(kind, current, model_host)
            title = QLabel(f"<b>{KIND_NAMES[kind]}</b>")
            title.setBuddy(self.choosers[kind].combo)
            models_box.addWidget(title)
            models_box.addWidget(self.choosers[kind])
            models_box.addSpacing(6)

        self.mic_combo = QComboBox()
        self.mic_combo.setObjectName("micDevice")
        self._fill_microphones()
        self.theme_combo = QComboBox()
        self.theme_combo.setObjectName("theme")
        self.theme_combo.addItem("Light", "light")
        self.theme_combo.addItem("Dark", "dark")
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(
            self.settings.value("ui/theme", "light"))))
        self.data_dir = QLineEdit(str(self.settings.value("paths/data_dir", "") or ""))
        self.data_dir.setObjectName("dataDir")
        self.data_dir.setPlaceholderText(str(paths.data_dir()))
        browse = QPushButton("&Browse…")
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse_data_dir)
        data_row = QHBoxLayout()
        data_row.addWidget(self.data_dir, 1)
        data_row.addWidget(browse)
        data_note = QLabel("Applies after a restart; existing interviews are not moved.")
        data_note.setObjectName("dataDirNote")
        data_note.setStyleSheet("color: palette(mid)")

        general = QGroupBox("General")
        form = QFormLayout(general)
        form.addRow("&Microphone:", self.mic_combo)
        form.addRow("&Theme:", self.theme_combo)
        data_label = QLabel("&Data folder:")
        data_label.setBuddy(self.data_dir)  # a row as the field gets no automatic buddy
        form.addRow(data_label, data_row)
        form.addRow("", data_note)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("buttons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(models)
        layout.addWidget(general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(680, 560)

    def _fill_microphones(self) -> None:
        devices = audio.list_input_devices()
        if not devices:
            self.mic_combo.addItem(NO_MICROPHONE, None)
            self.mic_combo.setEnabled(False)
            return
        self.mic_combo.addItem("System default", "")
        for d in devices:
            self.mic_combo.addItem(d.name + (" (default)" if d.is_default else ""), d.index)
        stored = self.settings.value("audio/input_device", "")
        index = self.mic_combo.findData(int(stored)) if str(stored).isdigit() else 0
        self.mic_combo.setCurrentIndex(max(0, index))

    def _browse_data_dir(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Choose the data folder",
                                                self.data_dir.text() or str(paths.data_dir()))
        if path:
            self.data_dir.setText(path)

    def save(self) -> None:
        s = self.settings
        before = {k: str(s.value(SETTING_KEYS[k], DEFAULTS[k])) for k in SETTING_KEYS}
        chosen = {k: c.value() for k, c in self.choosers.items()}
        for kind, value in chosen.items():
            s.setValue(SETTING_KEYS[kind], value)
        if self.mic_combo.isEnabled():  # with no device found, keep the stored choice
            s.setValue("audio/input_device", self.mic_combo.currentData())
        s.setValue("ui/theme", self.theme_combo.currentData())
        data_dir = self.data_dir.text().strip()
        if data_dir:
            s.setValue("paths/data_dir", os.path.expanduser(data_dir))
        else:
            s.remove("paths/data_dir")
        s.sync()
        if chosen != before:
            self.model_host.load(chosen["stt"], chosen["llm"])  # reloads in the background

    def accept(self) -> None:
        self.save()
        super().accept()
