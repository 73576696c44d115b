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
