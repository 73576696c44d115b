"""Test speech: espeak-ng says the text, sox makes it 16 kHz mono. Made at
test time into a temp folder, never committed."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def speak(text: str, out: Path, voice: str = "en-us", wpm: int = 160) -> Path:
    if not (shutil.which("espeak-ng") and shutil.which("sox")):
        pytest.skip("espeak-ng and sox are needed to make test speech (apt install espeak-ng sox)")
    raw = out.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(wpm), "-w", str(raw), text], check=True)
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", str(out)], check=True)
    return out


def with_white_noise(x, snr_db: float, seed: int, speech=None):
    """x plus white noise snr_db below the power of the speech (its samples
    above -40 dBFS; `speech` if the speech is only part of x), clipped."""
    import numpy as np

    speech = x if speech is None else speech
    power = float(np.mean(speech[np.abs(speech) > 0.01] ** 2))
    noise = np.random.default_rng(seed).normal(0, np.sqrt(power / 10 ** (snr_db / 10)), x.size)
    return np.clip(x + noise, -1, 1).astype(np.float32)


def in_noisy_room(wav: Path, snr_db: float, out: Path, seed: int = 0) -> Path:
    """The recording as a microphone in a room would give it: a second of room
    before and after, and white noise snr_db below the speech's own power."""
    import numpy as np

    from desktop.core import audio

    speech = audio.load_audio(wav)
    room = np.zeros(audio.SAMPLE_RATE, dtype=np.float32)
    x = np.concatenate([room, speech, room])
    return audio.save_wav(out, with_white_noise(x, snr_db, seed, speech))
