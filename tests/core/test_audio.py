"""Audio sources, file loading and saving, levels, and the real microphone
path through a PulseAudio virtual microphone (skipped where PulseAudio cannot
start). Test speech is made with espeak-ng at test time, never committed."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import wave
from pathlib import Path

import numpy as np
import pytest

from desktop.core import audio
from tests.speech import in_noisy_room, speak
from desktop.core.audio import AudioError, NoMicrophone

SENTENCE = "I would use a hash map to count how many times each number appears."


def write_pcm(path: Path, samples: np.ndarray, rate: int, channels: int = 1) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.astype("<i2").tobytes())
    return path


def sine(freq: float, seconds: float, rate: int, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return amplitude * np.sin(2 * np.pi * freq * t)


def peak_hz(x: np.ndarray, rate: int = 16000) -> float:
    spectrum = np.abs(np.fft.rfft(x))
    return float(np.fft.rfftfreq(x.size, 1 / rate)[np.argmax(spectrum)])


# --- levels -----------------------------------------------------------------------

def test_rms_dbfs_levels():
    assert audio.rms_dbfs(np.zeros(1600, dtype=np.int16)) == audio.FLOOR_DBFS
    assert audio.rms_dbfs(np.zeros(0, dtype=np.int16)) == audio.FLOOR_DBFS
    full = (sine(440, 1, 16000, 1.0) * 32767).astype(np.int16)
    assert audio.rms_dbfs(full) == pytest.approx(-3.01, abs=0.1)  # a full-scale sine
    assert audio.rms_dbfs(sine(440, 1, 16000, 0.1).astype(np.float32)) == pytest.approx(-23.0, abs=0.1)


# --- loading files ----------------------------------------------------------------

def test_wav_round_trip(tmp_path):
    x = (sine(300, 0.5, 16000) * 32767).astype(np.int16)
    path = audio.save_wav(tmp_path / "a.wav", x)
    y = audio.load_audio(path)
    assert y.dtype == np.float32 and y.size == x.size
    assert np.max(np.abs(y - x / 32768.0)) < 1e-3


def test_stereo_44k_is_downmixed_and_resampled(tmp_path):
    left = sine(440, 2.0, 44100)
    stereo = np.stack([left, left], axis=1).reshape(-1) * 32767
    y = audio.load_audio(write_pcm(tmp_path / "s.wav", stereo, 44100, channels=2))
    assert y.size == pytest.approx(32000, abs=2)
    assert peak_hz(y) == pytest.approx(440, abs=2)


@pytest.mark.parametrize("sox_args", [
    ["-e", "floating-point", "-b", "32", "-r", "48000", "-c", "2"],  # float WAV: `wave` cannot read it
    ["-b", "24", "-r", "22050", "-c", "1"],
    ["-b", "8", "-e", "unsigned-integer", "-r", "8000", "-c", "1"],
])
def test_other_wav_encodings(tmp_path, sox_args):
    if not shutil.which("sox"):
        pytest.skip("sox is needed for this test")
    path = tmp_path / "x.wav"
    subprocess.run(["sox", "-n", *sox_args, str(path), "synth", "1", "sine", "500", "vol", "0.5"],
                   check=True)
    y = audio.load_audio(path)
    assert y.size == pytest.approx(16000, abs=2)
    assert peak_hz(y) == pytest.approx(500, abs=2)
    assert audio.rms_dbfs(y) == pytest.approx(-9.0, abs=1.0)


def test_compressed_formats_go_through_the_decoder(tmp_path):
    if not shutil.which("sox"):
        pytest.skip("sox is needed for this test")
    path = tmp_path / "x.flac"
    subprocess.run(["sox", "-n", "-r", "44100", str(path), "synth", "1", "sine", "700"], check=True)
    y = audio.load_audio(path)
    assert y.size == pytest.approx(16000, abs=200)
    assert peak_hz(y) == pytest.approx(700, abs=3)


def test_non_audio_file_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.wav"
    path.write_text("These are my interview notes, not a recording.\n" * 50)
    with pytest.raises(AudioError, match="not an audio file"):
        audio.load_audio(path)
    png = tmp_path / "picture.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(6000))
    with pytest.raises(AudioError):
        audio.load_audio(png)


def test_empty_missing_and_damaged_files(tmp_path):
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    with pytest.raises(AudioError, match="empty"):
        audio.load_audio(empty)
    with pytest.raises(AudioError, match="does not exist"):
        audio.load_audio(tmp_path / "missing.wav")
    with pytest.raises(AudioError, match="folder"):
        audio.load_audio(tmp_path)
    header_only = tmp_path / "cut.wav"
    header_only.write_bytes(b"RIFF\x24\x00\x00\x00WAVE")
    with pytest.raises(AudioError, match="damaged"):
        audio.load_audio(header_only)


def test_wav_with_no_samples_loads_as_empty(tmp_path):
    path = write_pcm(tmp_path / "none.wav", np.zeros(0), 16000)
    assert audio.load_audio(path).size == 0


# --- sources and writing ---------------------------------------------------------

def test_wav_file_source_gives_100ms_int16_chunks(tmp_path):
    x = (sine(200, 1.05, 16000, 0.25) * 32767).astype(np.int16)
    src = audio.WavFileSource(audio.save_wav(tmp_path / "a.wav", x))
    with src:
        chunks = list(src.chunks())
        assert src.read() is None  # ended
    assert all(c.dtype == np.int16 for c in chunks)
    assert [c.size for c in chunks[:-1]] == [1600] * 10 and chunks[-1].size == 800
    assert np.array_equal(np.concatenate(chunks), x)
    assert src.level_dbfs == pytest.approx(-15.0, abs=0.5)


def test_wav_file_source_realtime_pacing(tmp_path):
    path = audio.save_wav(tmp_path / "a.wav", np.zeros(8000, dtype=np.int16))
    t0 = time.monotonic()
    with audio.WavFileSource(path, realtime=True) as src:
        n = sum(1 for _ in src.chunks())
    assert n == 5 and time.monotonic() - t0 >= 0.35


def test_wav_file_source_rejects_non_audio(tmp_path):
    path = tmp_path / "x.wav"
    path.write_text("hello")
    with pytest.raises(AudioError):
        audio.WavFileSource(path).start()


def test_wav_writer_streams_and_appears_on_close(tmp_path):
    path = tmp_path / "rec" / "answer.wav"
    writer = audio.WavWriter(path)
    for _ in range(3):
        writer.write(np.full(1600, 1000, dtype=np.int16))
    writer.write(np.full(1600, 0.5, dtype=np.float32))
    assert not path.exists()  # only the .partial file while recording
    writer.close()
    y = audio.load_audio(path)
    assert y.size == 6400 and y[0] == pytest.approx(1000 / 32768, abs=1e-4)


# --- microphone ------------------------------------------------------------------

def test_no_portaudio_means_no_devices(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyaudio", None)  # import fails
    assert audio.list_input_devices() == []
    with pytest.raises(NoMicrophone, match="PyAudio"):
        audio.MicrophoneSource().start()


def test_listing_devices_never_raises():
    devices = audio.list_input_devices()
    assert isinstance(devices, list)
    assert all(d.channels > 0 for d in devices)


def test_unknown_device_is_no_microphone():
    pytest.importorskip("pyaudio")
    with pytest.raises(NoMicrophone):
        audio.MicrophoneSource(device_index=9999).start()


@pytest.fixture(scope="module")
def virtual_microphone():
    """A PulseAudio null sink whose monitor is the default source: what is
    played into `vsink` is what the 'microphone' hears. ALSA's default device
    reaches PulseAudio through libasound2-plugins, so PyAudio needs no setup."""
    if not (shutil.which("pulseaudio") and shutil.which("pactl") and shutil.which("paplay")):
        pytest.skip("PulseAudio (pulseaudio, pactl, paplay) is not installed")
    pytest.importorskip("pyaudio")

    def pactl(*args):
        return subprocess.run(["pactl", *args], capture_output=True, text=True, timeout=10)

    started_here = subprocess.run(["pulseaudio", "--check"]).returncode != 0
    if started_here:
        res = subprocess.run(["pulseaudio", "-D", "--exit-idle-time=-1", "--disallow-exit"],
                             capture_output=True, text=True, timeout=20)
        for _ in range(50):
            if pactl("info").returncode == 0:
                break
            time.sleep(0.1)
        else:
            pytest.skip(f"PulseAudio could not be started: {res.stderr.strip()[-200:]}")
    modules = []
    for args in (["module-null-sink", "sink_name=pp_vsink"],
                 ["module-virtual-source", "source_name=pp_vmic", "master=pp_vsink.monitor"]):
        res = pactl("load-module", *args)
        if res.returncode != 0:
            pytest.skip(f"PulseAudio module {args[0]} could not be loaded: {res.stderr.strip()}")
        modules.append(res.stdout.strip())
    previous = pactl("get-default-source").stdout.strip()
    pactl("set-default-source", "pp_vmic")
    yield "pp_vsink"
    if previous:
        pactl("set-default-source", previous)
    for module in reversed(modules):
        pactl("unload-module", module)
    if started_here:
        subprocess.run(["pulseaudio", "--kill"], timeout=10)


@pytest.mark.slow
@pytest.mark.models
def test_microphone_records_speech_through_pulseaudio(virtual_microphone, tmp_path):
    # A second of silence first: an idle null sink is suspended, and waking it
    # up swallows the start of whatever is played.
    words = audio.load_audio(speak(SENTENCE, tmp_path / "words.wav"))
    speech = audio.save_wav(tmp_path / "speech.wav",
                            np.concatenate([np.zeros(audio.SAMPLE_RATE, np.float32), words]))
    duration = words.size / audio.SAMPLE_RATE + 1.0
    assert any(d.is_default for d in audio.list_input_devices())
    recorded, levels = [], []
    with audio.MicrophoneSource() as mic:
        player = subprocess.Popen(["paplay", "-d", virtual_microphone, str(speech)])
        tail_until = None  # keep listening 1 s after playback ends
        deadline = time.monotonic() + duration + 15
        while time.monotonic() < (tail_until or deadline):
            chunk = mic.read(timeout=0.5)
            if chunk is None:
                break
            if chunk.size:
                recorded.append(chunk)
                levels.append(mic.level_dbfs)
            if tail_until is None and player.poll() is not None:
                tail_until = time.monotonic() + 1.0
        player.wait(timeout=10)
    x = np.concatenate(recorded)
    assert x.dtype == np.int16 and x.size / audio.SAMPLE_RATE >= 0.8 * duration
    assert max(levels) > -35  # speech arrived, at a sensible level
    saved = audio.save_wav(tmp_path / "recorded.wav", x)

    from desktop.core.model_store import ModelProblem
    from desktop.core.stt import SpeechToText, word_error_rate
    try:  # the models folder comes from the autouse fixture in conftest
        text = SpeechToText().transcribe(saved).text
    except ModelProblem as exc:
        pytest.skip(f"speech model not installed: {exc}")
    assert word_error_rate(SENTENCE, text) <= 0.25, text


def test_signal_to_noise_estimate_tells_a_noisy_room_from_a_quiet_one(tmp_path):
    clean = speak(SENTENCE, tmp_path / "s.wav")
    quiet = audio.estimate_snr_db(audio.load_audio(in_noisy_room(clean, 45, tmp_path / "quiet.wav")))
    noisy = audio.estimate_snr_db(audio.load_audio(in_noisy_room(clean, 20, tmp_path / "noisy.wav")))
    assert quiet > 40 and 15 < noisy < audio.NOISY_SNR_DB, (quiet, noisy)
    assert audio.estimate_snr_db(audio.load_audio(clean)) > 60  # espeak: near-digital silence
    assert audio.estimate_snr_db(np.zeros(audio.SAMPLE_RATE * 3, dtype=np.int16)) is None  # no sound
    assert audio.estimate_snr_db(np.ones(1000, dtype=np.float32)) is None  # too short to tell
