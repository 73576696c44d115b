"""Speech to text with faster-whisper (CTranslate2, int8 on the CPU).

Choices that matter:

* `vad_filter=True`: Silero VAD cuts silence out before Whisper sees it, so a
  silent or empty recording gives no words at all (`heard_nothing=True`)
  instead of Whisper's invented "Thank you." lines.
* Context biasing: the current question and the skill vocabulary go in as
  `initial_prompt` (biases the first 30 s window) and the vocabulary also as
  `hotwords` (faster-whisper adds those to *every* window's prompt; with
  `condition_on_previous_text=False` the initial prompt alone would fade
  after the first window).
* Language: "English first, verified". The interview runs in English, so
  audio is decoded as English (no language-detection pass: that costs ~0.6 s
  per call on 2 cores). When the English result looks doubtful (low word
  confidence, which is what forced English on other speech produces), the
  language is detected and, if it is clearly not English, the audio is
  transcribed again in that language and `language` reports it. Forcing
  English blindly would turn a Spanish answer into a made-up English
  "translation"; detecting every time would slow every English answer.
  Pass `language="en"` to force English, or any code to force that language.
* Long files are cut into ~5-minute blocks at quiet points, so progress and
  cancellation work between blocks and segments (VAD on a whole hour would
  run ~10 s without a chance to stop).
* Every Whisper call pays for a whole 30 s window, so no window is spent on
  the breath after a finished last sentence (_whisper_model_class), and live
  transcription batches short phrases (StreamingTranscriber).
* Each transcript carries the recording's signal-to-noise estimate: a noisy
  room costs words (bench: 20 dB SNR about doubles the error rate), and the
  candidate is told so rather than left to wonder.
"""
from __future__ import annotations

import math
import re
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, NamedTuple

import numpy as np

from . import audio as audio_mod
from . import model_store

SAMPLE_RATE = audio_mod.SAMPLE_RATE
BLOCK_S = 300.0  # long audio is transcribed in blocks of about this length
DOUBT_WORD_PROBABILITY = 0.6  # mean word probability below this triggers a language check
OTHER_LANGUAGE_MIN_PROBABILITY = 0.5
# Pauses under a second stay inside one speech chunk; 100 ms of padding keeps
# word edges without feeding Whisper the noise around them (measured: lower
# WER and time than faster-whisper's 400 ms on the bench set).
VAD_PARAMETERS = {"min_silence_duration_ms": 1000, "speech_pad_ms": 100}

Progress = Callable[[float, "Segment | None"], None]  # (fraction done, segment just finished)
Cancel = Callable[[], bool]  # or a threading.Event


class Word(NamedTuple):
    word: str
    start: float
    end: float
    probability: float


@dataclass
class Segment:
    start: float
    end: float
    text: str
    avg_logprob: float = 0.0


@dataclass
class Transcript:
    text: str
    words: list[Word] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    duration: float = 0.0  # seconds of audio
    language: str = "en"
    language_probability: float = 1.0
    seconds_taken: float = 0.0
    heard_nothing: bool = True
    cancelled: bool = False  # stopped early: text covers only the audio before the stop
    snr_db: float | None = None  # audio.estimate_snr_db of the recording (None: too short to tell)

    def as_dict(self) -> dict:
        out = asdict(self)
        out["words"] = [list(w) for w in self.words]
        return out

    @property
    def noisy(self) -> bool:
        """Background noise loud enough to cost words: worth telling the candidate."""
        return audio_mod.too_noisy(self.snr_db)

    @property
    def mean_word_probability(self) -> float:
        return float(np.mean([w.probability for w in self.words])) if self.words else 0.0


def _is_cancelled(cancel) -> bool:
    if cancel is None:
        return False
    is_set = getattr(cancel, "is_set", None)
    return bool(is_set() if is_set else cancel())


def build_context(question: str | None = None, vocabulary: list[str] | tuple[str, ...] = ()) -> str:
    """The biasing prompt: Whisper continues text in the style of its prompt, so
    a question followed by a glossary makes it spell "PostgreSQL" and
    "hash map" the way the interview does."""
    parts = []
    if question:
        parts.append(question.strip())
    if vocabulary:
        parts.append("Terms: " + ", ".join(v.strip() for v in vocabulary if v.strip()) + ".")
    return " ".join(parts)


def _hotwords(context: str) -> str | None:
    """The glossary part of a context (what is worth repeating in every window)."""
    m = re.search(r"Terms:\s*(.+)$", context)
    return m.group(1).rstrip(".") if m else None


def _quiet_cut(samples: np.ndarray, near: int, search: int) -> int:
    """The quietest 100 ms frame in the `search` samples before `near`: where
    to cut a long recording without splitting a word."""
    lo = max(0, near - search)
    frame = SAMPLE_RATE // 10
    window = samples[lo:near]
    n = window.size // frame
    if n < 2:
        return near
    energy = (window[: n * frame].reshape(n, frame) ** 2).mean(axis=1)
    return lo + int(np.argmin(energy)) * frame + frame // 2


BREATH_TAIL_S = 1.0  # audio after a finished last sentence shorter than this holds no further word


def _whisper_model_class():
    """faster-whisper's WhisperModel with one change (made here because
    faster-whisper is imported lazily, for start-up time).

    With word timestamps on, faster-whisper (like openai-whisper) starts the
    next window at the end of the last word it heard. That is a safety net:
    when Whisper stops early, the speech it skipped is decoded in that next
    window. But on a speech segment cut by VAD it usually leaves only the
    0.2-0.5 s of breath and padding after a finished sentence, and decoding
    that costs a full 30 s encoder pass plus, with a prompt, often an invented
    line repeated up to the token limit (measured: 1-5 s per answer in live
    transcription, for words that are then dropped). Here that one case, the
    window held all the audio left, its last word ends a sentence and less
    than BREATH_TAIL_S follows it, is treated as Whisper treats a window
    without speech: skipped. Anything longer is still decoded."""
    from faster_whisper import WhisperModel

    no_speech = NamedTuple("NoSpeech", [("sequences_ids", list), ("scores", list),
                                        ("no_speech_prob", float)])([[]], [-math.inf], 1.0)

    class BreathSkippingWhisper(WhisperModel):
        _breath_only_next = False  # set after a window, used by the next one
        _skip_allowed = False  # the loop's no-speech check will skip the fake window
        _text_dropped = False  # the last split threw away an unfinished segment's words

        def generate_segments(self, features, tokenizer, options, *args, **kwargs):
            self._breath_only_next = False
            # Only where the fake "no speech" answer is safe: the no-speech check is on
            # (it skips the window) and no language is detected from the (absent) encoding.
            self._skip_allowed = options.no_speech_threshold is not None and not options.multilingual
            try:
                yield from super().generate_segments(features, tokenizer, options, *args, **kwargs)
            finally:  # never leak into another call (or detect_language's encode)
                self._breath_only_next = self._skip_allowed = False

        def _split_segments_by_timestamps(self, tokenizer, tokens, *args, **kwargs):
            segments, seek, single_ending = super()._split_segments_by_timestamps(
                tokenizer, tokens, *args, **kwargs)
            kept = sum(len(s["tokens"]) for s in segments)
            self._text_dropped = any(t < tokenizer.eot for t in tokens[kept:])
            return segments, seek, single_ending

        def add_word_timestamps(self, segments, tokenizer, encoder_output, num_frames, *args, **kwargs):
            last_speech = super().add_word_timestamps(segments, tokenizer, encoder_output, num_frames,
                                                      *args, **kwargs)
            # Words Whisper wrote but the split dropped (an unfinished last segment,
            # "…X. <4.0><4.2> Thanks") are after the last kept word: decode them again.
            self._breath_only_next = (self._skip_allowed and not self._text_dropped
                                      and _only_breath_follows(segments, num_frames, self.feature_extractor))
            return last_speech

        def encode(self, features):
            if self._breath_only_next:
                return None  # not needed: generate_with_fallback answers "no speech"
            return super().encode(features)

        def generate_with_fallback(self, encoder_output, prompt, tokenizer, options):
            if self._breath_only_next:
                self._breath_only_next = False
                # no speech and a log-probability below any threshold: the loop skips the window
                return no_speech, -math.inf, 0.0, 0.0
            return super().generate_with_fallback(encoder_output, prompt, tokenizer, options)

    return BreathSkippingWhisper


def _only_breath_follows(segments, num_frames, feature_extractor) -> bool:
    """After one window of the sequential loop (segments = [window's segments]):
    did it hold all the audio left, end its last sentence, and leave less than
    BREATH_TAIL_S after the last word?"""
    if not isinstance(num_frames, int) or num_frames >= feature_extractor.nb_max_frames:
        return False  # a full window: more audio follows
    window = segments[0] if segments else []
    words = [w for seg in window for w in seg.get("words") or []]
    if not words:
        return False
    end = (window[0]["seek"] + num_frames) * feature_extractor.time_per_frame
    last = words[-1]
    return end - last["end"] < BREATH_TAIL_S and last["word"].rstrip().endswith((".", "?", "!"))


class SpeechToText:
    """One Whisper model, loaded on first use (or by load()). Not re-entrant:
    calls are serialised by a lock, as CTranslate2 already uses both cores."""

    def __init__(self, model: str = model_store.DEFAULT_STT, *, language: str | None = None,
                 beam_size: int = 5, cpu_threads: int = 2):
        self.model_name = model
        self.language = language
        self.beam_size = beam_size
        self.cpu_threads = cpu_threads
        self.model_id = ""
        self.load_seconds = 0.0
        self._model = None
        self._lock = threading.RLock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> "SpeechToText":
        with self._lock:
            if self._model is None:
                model_id, path = model_store.resolve(self.model_name, "stt")
                t0 = time.perf_counter()
                try:
                    self._model = _whisper_model_class()(str(path), device="cpu", compute_type="int8",
                                                         cpu_threads=self.cpu_threads)
                except (RuntimeError, ValueError, OSError) as exc:
                    raise model_store.ModelProblem(
                        f"The speech model at {path} could not be loaded: {exc}. "
                        "Reinstall it with `perfect-pitch models install`.") from None
                self.load_seconds = time.perf_counter() - t0
                self.model_id = model_id
        return self

    @property
    def multilingual(self) -> bool:
        return bool(self.load()._model.model.is_multilingual)

    # --- public ------------------------------------------------------------------

    def transcribe(self, audio_or_path, context: str | None = None, progress: Progress | None = None,
                   cancel: Cancel | None = None, *, language: str | None = None) -> Transcript:
        """Text of a recording (a path, or float32/int16 16 kHz mono samples).
        `context` biases spelling (see build_context). `progress(fraction,
        segment)` is called after each segment; `cancel()` (or an Event) is
        checked between segments and returns what was heard so far with
        cancelled=True. Raises AudioError for unreadable files."""
        samples = self._samples(audio_or_path)
        duration = samples.size / SAMPLE_RATE
        if samples.size < SAMPLE_RATE // 10:  # under 0.1 s: nothing to hear
            return Transcript("", duration=duration, language=language or self.language or "en")
        with self._lock:
            self.load()  # load time is reported in load_seconds, not seconds_taken
            # Whisper's temperature fallback samples: a fixed seed makes the same
            # audio give the same words every time (reproducible reviews, benchmarks).
            import ctranslate2
            ctranslate2.set_random_seed(SAMPLING_SEED)
            t0 = time.perf_counter()
            language = language or self.language
            result = Transcript("", duration=duration, language=language or "en")
            for offset, block in self._blocks(samples):
                if _is_cancelled(cancel):
                    result.cancelled = True
                    break
                part = self._transcribe_block(block, offset, duration, context, language,
                                              progress, cancel)
                if language is None and self.multilingual:
                    part = self._verify_language(block, offset, duration, context, part, cancel)
                    if part.words:  # pin the language once speech was heard
                        language = part.language
                _append(result, part)
                if part.cancelled:
                    break
        _drop_invented_tail(result)
        result.snr_db = audio_mod.estimate_snr_db(samples)
        result.seconds_taken = time.perf_counter() - t0
        if progress and not result.cancelled:
            progress(1.0, None)
        return result

    # --- internals ---------------------------------------------------------------

    @staticmethod
    def _samples(audio_or_path) -> np.ndarray:
        if isinstance(audio_or_path, (str, Path)):
            return audio_mod.load_audio(audio_or_path)
        return audio_mod.to_float32(np.asarray(audio_or_path)).reshape(-1)

    @staticmethod
    def _blocks(samples: np.ndarray):
        """(offset seconds, samples) pieces of about BLOCK_S, cut at quiet points."""
        block = int(BLOCK_S * SAMPLE_RATE)
        start = 0
        while samples.size - start > block + block // 5:
            cut = _quiet_cut(samples, start + block, 15 * SAMPLE_RATE)
            yield start / SAMPLE_RATE, samples[start:cut]
            start = cut
        yield start / SAMPLE_RATE, samples[start:]

    def _transcribe_block(self, block, offset, total, context, language, progress, cancel) -> Transcript:
        t0 = time.perf_counter()
        context = (context or "").strip() or None
        segments, info = self._model.transcribe(
            block,
            language=language or "en",
            beam_size=self.beam_size,
            vad_filter=True,
            vad_parameters=VAD_PARAMETERS,
            word_timestamps=True,
            condition_on_previous_text=False,
            # One retry at a higher temperature, not five: with a prompt, the
            # last window of a short answer (a breath of noise) often "fails"
            # and each retry costs a full decode for a line that gets dropped.
            temperature=(0.0, 0.4),
            initial_prompt=context,
            hotwords=_hotwords(context) if context else None,
        )
        part = Transcript("", duration=block.size / SAMPLE_RATE, language=info.language,
                          language_probability=float(info.language_probability))
        for seg in segments:  # a generator: each step decodes one more window
            text = seg.text.strip()
            if text and re.search(r"\w", text):
                s = Segment(round(seg.start + offset, 2), round(seg.end + offset, 2), text,
                            float(seg.avg_logprob))
                part.segments.append(s)
                part.words.extend(Word(w.word.strip(), round(w.start + offset, 2),
                                       round(w.end + offset, 2), round(float(w.probability), 3))
                                  for w in seg.words or [])
                if progress:
                    progress(min(1.0, (seg.end + offset) / total) if total else 1.0, s)
            if _is_cancelled(cancel):
                part.cancelled = True
                break
        part.text = " ".join(s.text for s in part.segments)
        part.heard_nothing = not part.text
        part.seconds_taken = time.perf_counter() - t0
        return part

    def _verify_language(self, block, offset, total, context, part, cancel) -> Transcript:
        """English was assumed; if it decoded with low confidence, ask Whisper
        which language this is and redo the block in it when it is clearly
        another one."""
        if part.heard_nothing or part.mean_word_probability >= DOUBT_WORD_PROBABILITY:
            return part
        speech = block[: 30 * SAMPLE_RATE]
        from faster_whisper.vad import VadOptions
        try:
            lang, prob, _ = self._model.detect_language(
                speech, vad_filter=True, vad_parameters=VadOptions(**VAD_PARAMETERS))
        except (ValueError, IndexError):  # VAD found no speech to judge
            return part
        if lang == "en" or prob < OTHER_LANGUAGE_MIN_PROBABILITY or _is_cancelled(cancel):
            part.language_probability = float(prob) if lang == "en" else part.language_probability
            return part
        # The English prompt would pull the decoder back to English: drop it.
        redo = self._transcribe_block(block, offset, total, None, lang, None, cancel)
        redo.language_probability = float(prob)
        redo.seconds_taken += part.seconds_taken
        return redo


INVENTED_WORD_PROBABILITY = 0.05
SAMPLING_SEED = 0


def _drop_invented_tail(result: Transcript) -> None:
    """With a prompt, Whisper sometimes goes on after the speech ends with
    words from the glossary ("… and Kubernetes."). Those trailing words come
    with a probability near zero, unlike anything actually said; drop them."""
    kept = list(result.words)
    while kept and kept[-1].probability < INVENTED_WORD_PROBABILITY:
        kept.pop()
    if len(kept) == len(result.words):
        return
    result.words = kept
    result.text = " ".join(w.word for w in kept)
    result.heard_nothing = not result.text


def _append(result: Transcript, part: Transcript) -> None:
    result.segments.extend(part.segments)
    result.words.extend(part.words)
    result.text = " ".join(s.text for s in result.segments)
    result.heard_nothing = not result.text
    if part.words or not result.words:
        result.language = part.language
        result.language_probability = part.language_probability
    result.cancelled = result.cancelled or part.cancelled


# --- streaming ---------------------------------------------------------------------

class StreamingTranscriber:
    """Live transcription of one answer. feed() it microphone chunks; it runs
    VAD on the audio not yet transcribed and transcribes the speech closed by
    pauses while the candidate keeps talking, and sets `end_of_turn` once
    `end_silence` seconds pass with no speech after the candidate has spoken.
    finish() transcribes what is left and returns the whole answer. feed()
    blocks while it transcribes; the microphone source queues audio
    meanwhile, so nothing is lost.

    Batching: every Whisper call costs a full 30 s window (~1.2 s here) however
    little speech it gets, so transcribing each 2-3 s phrase falls behind a
    steady talker, and the lag grows (catching up closes more short phrases).
    Closed speech is therefore held until there is `min_batch` seconds of it
    or the candidate pauses for `flush_pause` seconds; the end-of-turn
    silence then finds almost nothing left to transcribe."""

    def __init__(self, stt: SpeechToText, *, context: str | None = None, end_silence: float = 1.5,
                 segment_silence: float = 0.5, check_every: float = 0.3, max_segment: float = 20.0,
                 min_batch: float = 8.0, flush_pause: float = 1.0, language: str | None = None):
        from faster_whisper.vad import VadOptions
        self.stt = stt
        self.context = context
        self.end_silence = end_silence
        self._min_batch = int(min_batch * SAMPLE_RATE)
        self._flush_pause = int(flush_pause * SAMPLE_RATE)
        self.language = language or stt.language
        self._check_every = int(check_every * SAMPLE_RATE)
        self._pad = int(0.2 * SAMPLE_RATE)
        self._vad = VadOptions(min_silence_duration_ms=int(segment_silence * 1000),
                               speech_pad_ms=200, min_speech_duration_ms=250,
                               max_speech_duration_s=max_segment)
        self._chunks: list[np.ndarray] = []
        self._audio = np.zeros(0, dtype=np.float32)
        self._done = 0  # samples before this are transcribed (or known silence)
        self._checked = 0
        self._speech_ongoing = False
        self._last_speech_end: int | None = None
        self.parts: list[Transcript] = []

    # total audio so far, float32 (e.g. to save the answer as a WAV)
    @property
    def audio(self) -> np.ndarray:
        if self._chunks:
            self._audio = np.concatenate([self._audio, *self._chunks])
            self._chunks = []
        return self._audio

    @property
    def heard_speech(self) -> bool:
        return bool(self.parts) or self._speech_ongoing or self._last_speech_end is not None

    @property
    def silence_seconds(self) -> float:
        """Seconds since the candidate last spoke (0 while speaking)."""
        if self._speech_ongoing or self._last_speech_end is None:
            return 0.0
        return (self.audio.size - self._last_speech_end) / SAMPLE_RATE

    @property
    def end_of_turn(self) -> bool:
        return self.heard_speech and self.silence_seconds >= self.end_silence

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.parts if p.text)

    def feed(self, chunk: np.ndarray) -> list[Transcript]:
        """Adds audio; returns the segments transcribed because of it (times
        are seconds from the start of the answer)."""
        self._chunks.append(audio_mod.to_float32(np.asarray(chunk)).reshape(-1))
        total = self.audio.size
        if total - self._checked < self._check_every:
            return []
        self._checked = total
        return self._advance(final=False)

    def finish(self, cancel: Cancel | None = None) -> Transcript:
        """Transcribes any speech not yet transcribed and returns the answer."""
        self._advance(final=True, cancel=cancel)
        out = Transcript("", duration=self.audio.size / SAMPLE_RATE, language=self.language or "en",
                         snr_db=audio_mod.estimate_snr_db(self.audio))
        for part in self.parts:
            _append(out, part)
            out.seconds_taken += part.seconds_taken
        return out

    def _advance(self, final: bool, cancel: Cancel | None = None) -> list[Transcript]:
        from faster_whisper.vad import get_speech_timestamps
        audio = self.audio
        window = audio[self._done:]
        if window.size < SAMPLE_RATE // 4:
            return []
        speeches = get_speech_timestamps(window, self._vad)
        if not speeches:
            self._speech_ongoing = False
            # Silence: no need to scan it again, but keep a second for VAD context.
            self._done = max(self._done, audio.size - SAMPLE_RATE)
            return []
        last = speeches[-1]
        self._speech_ongoing = last["end"] >= window.size  # not closed by a pause yet
        closed = speeches if (final or not self._speech_ongoing) else speeches[:-1]
        if self._speech_ongoing:
            self._last_speech_end = None
        else:
            self._last_speech_end = self._done + max(last["start"], last["end"] - self._pad)
        if not closed:
            return []
        start, end = closed[0]["start"], closed[-1]["end"]
        paused = not self._speech_ongoing and window.size - last["end"] >= self._flush_pause
        if not (final or paused or end - start >= self._min_batch):
            return []  # too little to be worth a Whisper call yet (see the class notes)
        part = self.stt.transcribe(window[start:end], self.context, cancel=cancel,
                                   language=self.language)
        _shift(part, (self._done + start) / SAMPLE_RATE)
        if self.language is None and part.words:
            self.language = part.language  # detected once per answer, then kept
        self._done += end
        if final:
            self._speech_ongoing = False
            self._last_speech_end = self._last_speech_end or self._done
        if part.heard_nothing:
            return []
        self.parts.append(part)
        return [part]


def _shift(part: Transcript, offset: float) -> None:
    part.segments = [Segment(round(s.start + offset, 2), round(s.end + offset, 2), s.text,
                             s.avg_logprob) for s in part.segments]
    part.words = [Word(w.word, round(w.start + offset, 2), round(w.end + offset, 2), w.probability)
                  for w in part.words]


# --- accuracy ----------------------------------------------------------------------

_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _number_words(n: int) -> str:
    if n < 20:
        return _SMALL[n]
    if n < 100:
        return _TENS[n // 10 - 2] + ("" if n % 10 == 0 else " " + _SMALL[n % 10])
    if n < 1000:
        rest = n % 100
        return _SMALL[n // 100] + " hundred" + (" " + _number_words(rest) if rest else "")
    if n < 1_000_000:
        rest = n % 1000
        return _number_words(n // 1000) + " thousand" + (" " + _number_words(rest) if rest else "")
    return " ".join(_SMALL[int(d)] for d in str(n))


# British spellings Whisper writes the American way ("neighbours" is heard
# right as "neighbors"): both sides are compared in American spelling.
_IZE_STEMS = ("organ|priorit|optim|real|recogn|summar|util|minim|maxim|normal|serial|initial|"
              "custom|standard|visual|parallel|synchron|author|categor|memor|token|apolog|"
              "emphas|special|central|final|modern|stabil|sanit|random|vector")
_BRITISH = [
    (re.compile(rf"\b({_IZE_STEMS})is(e|ed|es|ing|ation|ations|er|ers)\b"), r"\1iz\2"),
    (re.compile(r"\b(anal|paral|catal)ys(e|ed|es|ing)\b"), r"\1yz\2"),
    (re.compile(r"\b(behavi|neighb|col|fav|hon|lab|rum|endeav|flav|hum|harb)our"), r"\1or"),
    (re.compile(r"\b(cent|met|lit|fib|theat)re(s?)\b"), r"\1er\2"),
    (re.compile(r"\b(model|label|cancel|travel|signal|level|fuel|tunnel)l(ed|ing|er|ers)\b"), r"\1\2"),
    (re.compile(r"\b(catalog|dialog|analog)ue(s?)\b"), r"\1\2"),
    (re.compile(r"\b(licen|defen|offen)ce(s?)\b"), r"\1se\2"),
    (re.compile(r"\bprogramme(s?)\b"), r"program\1"),
    (re.compile(r"\bjudgement(s?)\b"), r"judgment\1"),
]


def _american(text: str) -> str:
    for pattern, replacement in _BRITISH:
        text = pattern.sub(replacement, text)
    return text


def normalize_words(text: str) -> list[str]:
    """Words for comparing transcripts: lowercase, no punctuation, digits as
    words, "O(n log n)" as "o of n log n", hyphens and "hashmap" split,
    British spellings as American."""
    t = _american(text.lower())
    t = re.sub(r"\bo\s*\(\s*([^)]*)\)", lambda m: " o of " + m.group(1).replace("^", " to the "), t)
    t = re.sub(r"(\d),(\d{3})", r"\1\2", t)
    t = re.sub(r"\d+", lambda m: " " + _number_words(int(m.group())) + " ", t)
    t = t.replace("hashmap", "hash map").replace("%", " percent ")
    t = re.sub(r"[^a-z' ]+", " ", t.replace("-", " "))
    return [w.strip("'") for w in t.split() if w.strip("'")]


def word_error_rate(reference: str, hypothesis: str) -> float:
    """(substitutions + insertions + deletions) / reference words, on
    normalised text. Used by the microphone check ("read this sentence")
    and the benchmarks."""
    ref, hyp = normalize_words(reference), normalize_words(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1] / len(ref)
