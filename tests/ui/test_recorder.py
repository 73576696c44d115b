"""The recorder thread with live transcription on the real Whisper model:
speech is transcribed while it is recorded and a long silence ends the turn."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from desktop.core import audio
from desktop.core.audio import WavFileSource
from desktop.core.recording import END_OF_TURN_SILENCE_S, live_transcriber
from desktop.core.stt import SpeechToText
from desktop.ui.recorder import Recorder
from tests.speech import speak


def test_a_long_silence_ends_the_turn_and_the_answer_is_already_transcribed(qtbot, tmp_path):
    speech = audio.load_audio(speak("I would use a hash map to count each number.",
                                    tmp_path / "s.wav"))
    silence = np.zeros(int(audio.SAMPLE_RATE * (END_OF_TURN_SILENCE_S + 6)), dtype=np.float32)
    wav = audio.save_wav(tmp_path / "answer.wav", np.concatenate([speech, silence]))
    stt = SpeechToText().load()
    recorder = Recorder(lambda: WavFileSource(wav))
    done, partial = [], []
    recorder.partial.connect(partial.append)
    recorder.finished.connect(lambda samples, transcript: done.append((samples, transcript)))
    recorder.start(live_transcriber(stt, "hash map"))
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    samples, transcript = done[0]
    assert "hash map" in transcript.text.lower()
    assert partial and "hash map" in partial[0].lower()  # heard before the recording ended
    # stopped by the silence, well before the file's end
    assert samples.size / audio.SAMPLE_RATE < speech.size / audio.SAMPLE_RATE + END_OF_TURN_SILENCE_S + 3


def test_a_failing_live_transcriber_still_hands_back_the_audio(qtbot, tmp_path):
    class Broken:
        def feed(self, chunk):
            raise RuntimeError("VAD failed")

    wav = speak("Hello there.", tmp_path / "s.wav")
    recorder = Recorder(lambda: WavFileSource(wav))
    done = []
    recorder.finished.connect(lambda samples, transcript: done.append((samples, transcript)))
    recorder.start(Broken())
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    samples, transcript = done[0]
    assert transcript is None and samples.size > audio.SAMPLE_RATE // 2  # audio kept


def test_a_noisy_recording_is_transcribed_with_a_warning_in_the_voice_panel(qtbot, tmp_path):
    """A real recording through the panel: the answer still arrives, and the
    candidate is told the room is too noisy rather than left wondering why
    words come out wrong."""
    from desktop.ui.voice_panel import VoicePanel
    from tests.speech import in_noisy_room

    speech = speak("I would use a hash map to count each number.", tmp_path / "s.wav")
    noisy = in_noisy_room(speech, 18, tmp_path / "noisy.wav")
    room = audio.load_audio(noisy)[-audio.SAMPLE_RATE // 2:]  # the room's own noise, no speech
    tail = np.resize(room, int(audio.SAMPLE_RATE * (END_OF_TURN_SILENCE_S + 6)))
    wav = audio.save_wav(tmp_path / "answer.wav", np.concatenate([audio.load_audio(noisy), tail]))
    stt = SpeechToText().load()
    panel = VoicePanel(Recorder(lambda: WavFileSource(wav)),
                       transcriber_factory=lambda: live_transcriber(stt, "hash map"))
    qtbot.addWidget(panel)
    panel.resize(460, 260)  # about its size in the interview room
    panel.show()
    answers = []
    panel.spoken_answer.connect(lambda samples, transcript: answers.append(transcript))
    panel.record_button.click()
    qtbot.waitUntil(lambda: bool(answers), timeout=60_000)
    assert answers[0] is not None and answers[0].noisy and "hash" in answers[0].text.lower()
    assert panel.mic_note.isVisible() and "background noise" in panel.mic_note.text()
    shots = Path("/tmp/shots")
    shots.mkdir(exist_ok=True)
    panel.grab().save(str(shots / "voice_panel_noisy.png"))
