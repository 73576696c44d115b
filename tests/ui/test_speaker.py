"""Spoken replies through Qt's text-to-speech."""
from __future__ import annotations

from PySide6.QtTextToSpeech import QTextToSpeech

from desktop.ui.speaker import Speaker


def test_replies_are_queued_for_speech_when_enabled(qtbot):
    # Qt's own "mock" engine: a real QTextToSpeech that speaks into nothing,
    # so the test needs no speech-dispatcher daemon.
    speaker = Speaker(engine="mock")
    speaker.say("not yet")  # disabled: nothing happens
    assert speaker.tts is None
    speaker.set_enabled(True)
    states = []
    speaker.tts.stateChanged.connect(states.append)
    speaker.say("Tell me about a time you led a team.")
    qtbot.waitUntil(lambda: QTextToSpeech.State.Speaking in states, timeout=5000)
    speaker.set_enabled(False)
    qtbot.waitUntil(lambda: speaker.tts.state() != QTextToSpeech.State.Speaking, timeout=5000)
