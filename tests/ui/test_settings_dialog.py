"""The settings dialog: model choice (known, own, bad), facts, speed tests on
the worker thread, microphone, theme and data folder, all in the INI file
the core reads too."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from desktop.core import audio, model_store
from desktop.core.settings import Settings
from desktop.ui.model_host import ModelHost
from desktop.ui.settings import qsettings
from desktop.ui.settings_dialog import NO_MICROPHONE, SettingsDialog
from desktop.workers import Worker

SHOTS = Path("/tmp/shots")
DEVICES = [audio.InputDevice(2, "USB headset", 1, 48000, False),
           audio.InputDevice(5, "Built-in microphone", 2, 44100, True)]


@pytest.fixture
def host(qtbot):
    worker = Worker()
    model_host = ModelHost(worker)
    model_host.loads = []
    model_host.load = lambda stt, llm: model_host.loads.append((stt, llm))  # no real reload here
    yield model_host
    worker.shutdown(wait=True)


@pytest.fixture
def mics(monkeypatch):
    monkeypatch.setattr(audio, "list_input_devices", lambda: list(DEVICES))


def _dialog(qtbot, host) -> SettingsDialog:
    dialog = SettingsDialog(host)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def _installed(name: str) -> bool:
    return model_store.status(name, verify=False).present


def test_known_models_with_their_facts(qtbot, host, mics):
    dialog = _dialog(qtbot, host)
    stt = dialog.findChild(QComboBox, "sttModel")
    llm = dialog.findChild(QComboBox, "llmModel")
    assert [stt.itemData(i) for i in range(stt.count())] == [model_store.DEFAULT_STT, "__other__"]
    assert [llm.itemData(i) for i in range(llm.count())] == [model_store.DEFAULT_LLM, "__other__"]
    assert stt.currentText() == model_store.DEFAULT_STT
    info = dialog.findChild(QLabel, "sttInfo").text()
    if _installed(model_store.DEFAULT_STT):
        assert "MB" in info and "MIT" in info and "checksums recorded" in info
    else:
        assert "Not installed" in info
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "settings.png"))


def test_a_bad_own_model_is_refused_with_a_reason(qtbot, host, mics, tmp_path, monkeypatch):
    dialog = _dialog(qtbot, host)
    not_gguf = tmp_path / "notes.txt"
    not_gguf.write_text("hello")
    llm = dialog.choosers["llm"]
    monkeypatch.setattr(llm, "pick_path", lambda: str(not_gguf))
    combo = dialog.findChild(QComboBox, "llmModel")
    combo.setCurrentIndex(combo.findData("__other__"))
    combo.activated.emit(combo.currentIndex())
    problem = dialog.findChild(QLabel, "llmProblem")
    assert problem.isVisible() and "not a GGUF model" in problem.text()
    assert combo.currentData() == model_store.DEFAULT_LLM  # back to the previous choice
    assert not dialog.choosers["stt"].choose_custom(str(tmp_path))
    assert "missing model.bin, config.json" in dialog.findChild(QLabel, "sttProblem").text()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "settings_bad_model.png"))


def test_own_model_is_saved_and_models_reload(qtbot, host, mics, tmp_path):
    folder = tmp_path / "whisper-small-ct2"
    folder.mkdir()
    (folder / "model.bin").write_bytes(b"\0" * 2048)
    (folder / "config.json").write_text("{}")
    dialog = _dialog(qtbot, host)
    assert dialog.choosers["stt"].choose_custom(str(folder))
    combo = dialog.findChild(QComboBox, "sttModel")
    assert combo.currentText() == "Your model: whisper-small-ct2"
    assert "no checksum recorded" in dialog.findChild(QLabel, "sttInfo").text()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert host.loads == [(str(folder), model_store.DEFAULT_LLM)]
    assert Settings().get("models/stt") == str(folder)  # the core reads the same file
    # Reopened: the own model is still the choice.
    again = _dialog(qtbot, host)
    assert again.findChild(QComboBox, "sttModel").currentText() == "Your model: whisper-small-ct2"
    again.accept()
    assert len(host.loads) == 1  # nothing changed: no reload


def test_microphone_theme_and_data_folder(qtbot, host, mics, tmp_path):
    dialog = _dialog(qtbot, host)
    mic = dialog.findChild(QComboBox, "micDevice")
    assert [mic.itemText(i) for i in range(mic.count())] == [
        "System default", "USB headset", "Built-in microphone (default)"]
    mic.setCurrentIndex(1)
    theme = dialog.findChild(QComboBox, "theme")
    theme.setCurrentIndex(theme.findData("dark"))
    dialog.findChild(QLineEdit, "dataDir").setText(str(tmp_path / "elsewhere"))
    assert "restart" in dialog.findChild(QLabel, "dataDirNote").text()
    dialog.accept()
    core = Settings()
    assert core.get("audio/input_device") == "2"
    assert core.get("ui/theme") == "dark"
    assert core.get("paths/data_dir") == str(tmp_path / "elsewhere")
    assert host.loads == []  # models unchanged
    again = _dialog(qtbot, host)
    assert again.findChild(QComboBox, "micDevice").currentText() == "USB headset"
    assert again.findChild(QComboBox, "theme").currentData() == "dark"


def test_no_microphone_keeps_the_stored_choice(qtbot, host, monkeypatch):
    qsettings().setValue("audio/input_device", 4)
    monkeypatch.setattr(audio, "list_input_devices", lambda: [])
    dialog = _dialog(qtbot, host)
    mic = dialog.findChild(QComboBox, "micDevice")
    assert mic.currentText() == NO_MICROPHONE and not mic.isEnabled()
    dialog.accept()
    assert Settings().get("audio/input_device") == "4"


def test_speed_test_failure_is_reported(qtbot, host, mics, tmp_path):
    fake = tmp_path / "broken.gguf"
    fake.write_bytes(b"GGUF" + b"\0" * 64)  # right header, no model
    dialog = _dialog(qtbot, host)
    assert dialog.choosers["llm"].choose_custom(str(fake))
    button = dialog.findChild(QPushButton, "llmBench")
    result = dialog.findChild(QLabel, "llmBenchResult")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not button.isEnabled() and "Measuring" in result.text()
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=30000)
    assert result.text().startswith("Speed test failed:")


@pytest.mark.models
def test_speed_tests_run_on_the_worker(qtbot, host, mics):
    if not (_installed(model_store.DEFAULT_STT) and _installed(model_store.DEFAULT_LLM)):
        pytest.skip("default models not installed (make test installs them)")
    dialog = _dialog(qtbot, host)
    for kind, expected in (("stt", "× real time"), ("llm", "tokens/s")):
        button = dialog.findChild(QPushButton, f"{kind}Bench")
        result = dialog.findChild(QLabel, f"{kind}BenchResult")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert not button.isEnabled()  # the click returned at once: the work is elsewhere
        qtbot.waitUntil(lambda b=button: b.isEnabled(), timeout=120000)
        assert expected in result.text(), result.text()
    dialog.grab().save(str(SHOTS / "settings_measured.png"))
