"""Audio in and out: one `AudioSource` interface for the microphone and for WAV
files (tests, imports), plus loading, level metering and WAV saving.

Everything speaks 16 kHz mono: sources hand out int16 chunks, `load_audio`
returns float32 in [-1, 1] (what Whisper takes). Resampling and downmixing are
done here with numpy, so the rest of the app never sees another format.
"""
from __future__ import annotations

import contextlib
import math
import os
import queue
import struct
import sys
import threading
import time
import wave
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np

SAMPLE_RATE = 16000
CHUNK_MS = 100
FLOOR_DBFS = -96.0  # what silence shows as: int16 has ~96 dB of range


class AudioError(Exception):
    """Audio cannot be read or recorded; str() says why in plain words."""


class NoMicrophone(AudioError):
    """No usable input device (none present, PortAudio missing, or busy)."""


# --- levels and formats ---------------------------------------------------------

def rms_dbfs(samples: np.ndarray) -> float:
    """RMS level in dBFS (0 = full scale) for int16 or float samples; the
    floor is FLOOR_DBFS so a level meter never gets -inf."""
    if samples.size == 0:
        return FLOOR_DBFS
    x = samples.astype(np.float64)
    if samples.dtype == np.int16:
        x /= 32768.0
    rms = math.sqrt(float(np.mean(x * x)))
    return max(FLOOR_DBFS, 20.0 * math.log10(rms)) if rms > 0 else FLOOR_DBFS


NOISY_SNR_DB = 25.0  # below this, background noise costs Whisper words (bench: 20 dB ~doubles WER)


def too_noisy(snr_db: float | None) -> bool:
    """The one rule for warning about background noise (None: can't tell, no warning)."""
    return snr_db is not None and snr_db < NOISY_SNR_DB


def estimate_snr_db(samples: np.ndarray, frame_ms: int = 30) -> float | None:
    """Rough signal-to-noise ratio of a recording: loud frames (speech) against
    the quietest ones (the room between words). None when there is too little
    audio or no sound at all; at most 100 (digital silence between words). A real
    recording has pauses (before the first word, end of turn), so the quiet
    frames are the background; speech with no pause reads a little noisier."""
    frame = SAMPLE_RATE * frame_ms // 1000
    n = samples.size // frame
    if n < 20:
        return None
    step = frame * 2000  # a minute at a time: an hour-long file needs no gigabyte copy
    power = np.concatenate([
        np.mean(np.square(to_float32(samples[i:min(i + step, n * frame)]).astype(np.float64))
                .reshape(-1, frame), axis=1)
        for i in range(0, n * frame, step)])
    speech, background = np.percentile(power, 95), np.percentile(power, 10)
    if not (math.isfinite(speech) and speech > 1e-10):  # silent (under -100 dBFS) or broken audio
        return None
    return min(100.0, 10.0 * math.log10(speech / max(background, 1e-20)))


def to_int16(samples: np.ndarray) -> np.ndarray:
    if samples.dtype == np.int16:
        return samples
    # x32768 then clip: int16 -> float -> int16 is lossless.
    return np.clip(np.round(samples * 32768.0), -32768, 32767).astype(np.int16)


def to_float32(samples: np.ndarray) -> np.ndarray:
    if samples.dtype == np.int16:
        return samples.astype(np.float32) / 32768.0
    return samples.astype(np.float32, copy=False)


def resample(samples: np.ndarray, src_rate: int, dst_rate: int = SAMPLE_RATE) -> np.ndarray:
    """float32 mono resampling. Downsampling low-passes first (windowed sinc)
    so 44.1/48 kHz recordings do not alias hiss into the speech band."""
    samples = samples.astype(np.float32, copy=False)
    if src_rate == dst_rate or samples.size == 0:
        return samples
    if dst_rate < src_rate:
        cutoff = 0.45 * dst_rate / src_rate  # a little under Nyquist, in cycles/sample
        taps = 63
        n = np.arange(taps) - (taps - 1) / 2
        kernel = 2 * cutoff * np.sinc(2 * cutoff * n) * np.hamming(taps)
        kernel /= kernel.sum()
        samples = np.convolve(samples, kernel.astype(np.float32), mode="same")
    n_out = int(round(samples.size * dst_rate / src_rate))
    positions = np.arange(n_out, dtype=np.float64) * (src_rate / dst_rate)
    return np.interp(positions, np.arange(samples.size), samples).astype(np.float32)


# --- reading files --------------------------------------------------------------

_PCM, _FLOAT, _EXTENSIBLE = 1, 3, 0xFFFE


def _decode_wav(path: Path) -> tuple[np.ndarray, int]:
    """(float32 mono, sample rate) from a RIFF/WAVE file. Parsed by hand rather
    than with `wave` because `wave` rejects float and 24-bit-extensible files,
    which audio editors write by default."""
    data = path.read_bytes()
    if len(data) < 12 or data[:4] not in (b"RIFF", b"RF64") or data[8:12] != b"WAVE":
        raise AudioError(f"{path.name} is not a WAV file.")
    fmt = None
    pcm = None
    pos = 12
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        body = data[pos + 8:pos + 8 + size]
        if cid == b"fmt ":
            fmt = body
        elif cid == b"data":
            pcm = body  # a truncated file just gives fewer samples
        pos += 8 + size + (size & 1)
    if fmt is None or len(fmt) < 16:
        raise AudioError(f"{path.name} is damaged: its WAV header has no format block.")
    if pcm is None:
        raise AudioError(f"{path.name} is damaged: it has no audio data block.")
    tag, channels, rate, _, block_align, bits = struct.unpack("<HHIIHH", fmt[:16])
    if tag == _EXTENSIBLE and len(fmt) >= 26:
        tag = struct.unpack("<H", fmt[24:26])[0]  # first two bytes of the sub-format GUID
    if channels < 1 or rate < 1000 or bits not in (8, 16, 24, 32, 64):
        raise AudioError(f"{path.name} has an unsupported WAV format "
                         f"({channels} channels, {rate} Hz, {bits} bits).")
    width = bits // 8
    pcm = pcm[:len(pcm) - len(pcm) % (width * channels)]
    if tag == _FLOAT and bits in (32, 64):
        x = np.frombuffer(pcm, dtype="<f4" if bits == 32 else "<f8").astype(np.float32)
    elif tag == _PCM and bits == 8:
        x = (np.frombuffer(pcm, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    elif tag == _PCM and bits == 16:
        x = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
    elif tag == _PCM and bits == 24:
        b = np.frombuffer(pcm, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        v = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        x = (np.where(v >= 1 << 23, v - (1 << 24), v)).astype(np.float32) / float(1 << 23)
    elif tag == _PCM and bits == 32:
        x = np.frombuffer(pcm, dtype="<i4").astype(np.float32) / float(1 << 31)
    else:
        raise AudioError(f"{path.name} uses WAV encoding {tag} ({bits} bits), which is not "
                         "supported. Save it as 16-bit PCM WAV.")
    if channels > 1:
        x = x.reshape(-1, channels).mean(axis=1)  # downmix: speech is the same on every channel
    return x, rate


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise AudioError(f"{path} does not exist.")
    if path.is_dir():
        raise AudioError(f"{path} is a folder, not an audio file.")
    try:
        size = path.stat().st_size
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise AudioError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    if size == 0:
        raise AudioError(f"{path.name} is empty (0 bytes); there is no audio in it.")


def load_audio(path: str | os.PathLike) -> np.ndarray:
    """Any audio file -> float32 mono at 16 kHz. WAV is read here; other formats
    (mp3, m4a, ogg, ...) go through faster-whisper's PyAV decoder. A WAV holding
    zero samples gives an empty array (the recording was just empty); anything
    that is not audio raises AudioError."""
    path = Path(path)
    _check_readable(path)
    with open(path, "rb") as fh:
        head = fh.read(12)
    if head[:4] in (b"RIFF", b"RF64") and head[8:12] == b"WAVE":
        samples, rate = _decode_wav(path)
        return resample(samples, rate, SAMPLE_RATE)
    try:
        from faster_whisper import decode_audio
    except ImportError:
        raise AudioError(f"{path.name} is not a WAV file, and the decoder for other "
                         "formats (faster-whisper) is not installed.") from None
    try:
        samples = decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except Exception as exc:  # PyAV raises many error types for non-audio input
        raise AudioError(f"{path.name} is not an audio file this app can read "
                         f"({type(exc).__name__}). Use WAV, MP3, M4A, OGG or FLAC.") from None
    if samples.size == 0 and path.stat().st_size > 4096:
        # PyAV opens some non-audio files (e.g. images) as streams with no audio.
        raise AudioError(f"{path.name} contains no audio track.")
    return samples.astype(np.float32, copy=False)


# --- writing files --------------------------------------------------------------

class WavWriter:
    """Writes 16-bit mono WAV as chunks arrive, so a long recording is on disk
    (not only in memory) while it is being made. The header is finished on
    close(); the file appears under its final name only then."""

    def __init__(self, path: str | os.PathLike, sample_rate: int = SAMPLE_RATE):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._tmp = self.path.with_name(self.path.name + ".partial")
        self._wav = wave.open(str(self._tmp), "wb")
        self._wav.setnchannels(1)
        self._wav.setsampwidth(2)
        self._wav.setframerate(sample_rate)
        self.frames = 0

    def write(self, samples: np.ndarray) -> None:
        data = to_int16(samples)
        self._wav.writeframes(data.astype("<i2").tobytes())
        self.frames += data.size

    def close(self) -> Path:
        if self._wav is not None:
            self._wav.close()
            self._wav = None
            os.replace(self._tmp, self.path)
        return self.path

    def __enter__(self) -> "WavWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def save_wav(path: str | os.PathLike, samples: np.ndarray, sample_rate: int = SAMPLE_RATE) -> Path:
    with WavWriter(path, sample_rate) as writer:
        writer.write(samples)
    return writer.path


# --- sources --------------------------------------------------------------------

class AudioSource(ABC):
    """start() -> read() chunks of int16 mono 16 kHz -> stop(). read() returns
    None when the source has ended (file finished, device gone). `level_dbfs`
    is the last chunk's level, for a level meter."""

    sample_rate = SAMPLE_RATE

    def __init__(self) -> None:
        self.level_dbfs = FLOOR_DBFS

    @abstractmethod
    def start(self) -> None: ...

    @abstractmethod
    def read(self, timeout: float | None = 1.0) -> np.ndarray | None:
        """The next chunk; an empty array if none arrived within timeout."""

    @abstractmethod
    def stop(self) -> None: ...

    def drain(self) -> list[np.ndarray]:
        """Audio already captured but not yet read (kept when recording stops)."""
        return []

    def chunks(self) -> Iterator[np.ndarray]:
        """Chunks until the source ends (or stop() is called from elsewhere)."""
        while (chunk := self.read()) is not None:
            if chunk.size:
                yield chunk

    def _measured(self, chunk: np.ndarray) -> np.ndarray:
        self.level_dbfs = rms_dbfs(chunk)
        return chunk

    def __enter__(self) -> "AudioSource":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


class WavFileSource(AudioSource):
    """A file played as if it were a microphone. realtime=True paces chunks at
    speaking speed (demos, UI tests); otherwise they come as fast as asked."""

    def __init__(self, path: str | os.PathLike, *, chunk_ms: int = CHUNK_MS, realtime: bool = False):
        super().__init__()
        self.path = Path(path)
        self.chunk = SAMPLE_RATE * chunk_ms // 1000
        self.realtime = realtime
        self._samples: np.ndarray | None = None
        self._pos = 0
        self._t0 = 0.0

    def start(self) -> None:
        self._samples = to_int16(load_audio(self.path))
        self._pos = 0
        self._t0 = time.monotonic()

    @property
    def duration(self) -> float:
        return 0.0 if self._samples is None else self._samples.size / SAMPLE_RATE

    def read(self, timeout: float | None = 1.0) -> np.ndarray | None:
        if self._samples is None or self._pos >= self._samples.size:
            return None
        if self.realtime:
            wait = self._t0 + self._pos / SAMPLE_RATE - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        chunk = self._samples[self._pos:self._pos + self.chunk]
        self._pos += chunk.size
        return self._measured(chunk)

    def stop(self) -> None:
        self._samples = None


@dataclass(frozen=True)
class InputDevice:
    index: int
    name: str
    channels: int
    default_rate: int
    is_default: bool


@contextlib.contextmanager
def _quiet_stderr():
    """PortAudio/ALSA print pages of probe warnings on C-level stderr when a
    machine has no sound card; hide them while probing (the errors we care
    about come back as Python exceptions)."""
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        yield
        return
    saved = os.dup(fd)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), fd)
            yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)


def _portaudio():
    try:
        import pyaudio
    except ImportError:
        raise NoMicrophone("Microphone support (PyAudio) is not installed.") from None
    try:
        with _quiet_stderr():
            return pyaudio, pyaudio.PyAudio()
    except Exception as exc:
        raise NoMicrophone(f"The sound system could not be started: {exc}.") from None


def list_input_devices() -> list[InputDevice]:
    """Input devices PortAudio sees; [] when there are none or no PortAudio."""
    try:
        _, pa = _portaudio()
    except NoMicrophone:
        return []
    try:
        try:
            default = pa.get_default_input_device_info()["index"]
        except (IOError, OSError):
            default = None
        out = []
        for i in range(pa.get_device_count()):
            info = pa.get_device_info_by_index(i)
            if int(info.get("maxInputChannels", 0)) > 0:
                out.append(InputDevice(i, str(info["name"]), int(info["maxInputChannels"]),
                                       int(info["defaultSampleRate"]), i == default))
        return out
    except Exception:
        return []
    finally:
        pa.terminate()


class MicrophoneSource(AudioSource):
    """The microphone through PyAudio. PortAudio's callback fills a queue, so
    audio keeps arriving while the worker thread is busy transcribing. Devices
    that refuse 16 kHz are opened at their own rate and resampled here."""

    def __init__(self, device_index: int | None = None, *, chunk_ms: int = CHUNK_MS):
        super().__init__()
        self.device_index = device_index
        self.chunk_ms = chunk_ms
        self._pa = None
        self._stream = None
        self._queue: queue.Queue = queue.Queue()
        self._rate = SAMPLE_RATE
        self._channels = 1
        self._stopped = threading.Event()
        self.overflows = 0

    def start(self) -> None:
        pyaudio, self._pa = _portaudio()
        pa = self._pa
        try:
            with _quiet_stderr():
                info = (pa.get_device_info_by_index(self.device_index)
                        if self.device_index is not None else pa.get_default_input_device_info())
        except (IOError, OSError, ValueError):
            self._release()
            raise NoMicrophone("No microphone was found. Plug one in, or check that the "
                               "system sound settings have an input device.") from None
        if int(info.get("maxInputChannels", 0)) < 1:
            self._release()
            raise NoMicrophone(f"{info.get('name', 'This device')} is not an input device.")
        index = int(info["index"])
        self._rate, self._channels = SAMPLE_RATE, 1
        try:
            pa.is_format_supported(SAMPLE_RATE, input_device=index, input_channels=1,
                                   input_format=pyaudio.paInt16)
        except ValueError:
            self._rate = int(info["defaultSampleRate"])
            self._channels = min(2, int(info["maxInputChannels"]))
        self._stopped.clear()
        try:
            with _quiet_stderr():
                self._stream = pa.open(
                    format=pyaudio.paInt16, channels=self._channels, rate=self._rate,
                    input=True, input_device_index=index,
                    frames_per_buffer=self._rate * self.chunk_ms // 1000,
                    stream_callback=self._callback)
        except Exception as exc:
            self._release()
            raise NoMicrophone(f"The microphone {info.get('name', '')!r} could not be opened "
                               f"({exc}). Another program may be using it.") from None

    def _callback(self, data, frame_count, time_info, status):
        import pyaudio
        if status & pyaudio.paInputOverflow:
            self.overflows += 1  # audio was lost; counted so a doctor can report it
        self._queue.put(data)
        return (None, pyaudio.paComplete if self._stopped.is_set() else pyaudio.paContinue)

    def read(self, timeout: float | None = 1.0) -> np.ndarray | None:
        if self._stream is None and self._queue.empty():
            return None
        try:
            data = self._queue.get(timeout=timeout)
        except queue.Empty:
            if self._stream is not None and not self._stream.is_active():
                return None  # the device went away
            return np.zeros(0, dtype=np.int16)
        x = np.frombuffer(data, dtype="<i2")
        if self._channels > 1:
            x = x.reshape(-1, self._channels).mean(axis=1).astype(np.int16)
        if self._rate != SAMPLE_RATE:
            x = to_int16(resample(to_float32(x), self._rate, SAMPLE_RATE))
        return self._measured(x)

    def drain(self) -> list[np.ndarray]:
        out = []
        while not self._queue.empty():
            chunk = self.read(timeout=0)
            if chunk is None or not chunk.size:
                break
            out.append(chunk)
        return out

    def stop(self) -> None:
        self._stopped.set()
        if self._stream is not None:
            try:
                self._stream.stop_stream()
                self._stream.close()
            except Exception:
                pass  # already closed by a vanished device
            self._stream = None
        self._release()

    def _release(self) -> None:
        if self._pa is not None:
            self._pa.terminate()
            self._pa = None
