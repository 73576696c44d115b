"""Live transcription settings for one recorded answer (Qt-free)."""
from __future__ import annotations

from .stt import SpeechToText, StreamingTranscriber

END_OF_TURN_SILENCE_S = 4.0  # thinking pauses are shorter; a finished answer is not


def live_transcriber(stt: SpeechToText, context: str) -> StreamingTranscriber:
    return StreamingTranscriber(stt, context=context, end_silence=END_OF_TURN_SILENCE_S)
