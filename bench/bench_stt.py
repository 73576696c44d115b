"""Speech-to-text benchmark: real-time factor and word error rate of the
default Whisper model on synthetic interview answers, with and without
context biasing (the question + skill vocabulary as Whisper's prompt).

    .venv/bin/python bench/bench_stt.py            # 12 clips
    .venv/bin/python bench/bench_stt.py --all      # every answer x voice x speed x noise

Answers are spoken by espeak-ng at run time (several voices and speeds, some
with added noise), so nothing is downloaded or committed. espeak's robotic
voice is harder for Whisper than a person, so WER here is pessimistic.
Targets: RTF <= 0.15 on 2 cores, WER <= 12 % with context. This script only
reports; it never fails because a machine is slow.
"""
from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core import audio  # noqa: E402
from desktop.core.stt import SpeechToText, build_context, word_error_rate, normalize_words  # noqa: E402

VOCABULARY = ["hash map", "binary search", "O(n log n)", "Kubernetes", "PostgreSQL", "Redis",
              "Kafka", "min heap", "two pointers", "dynamic programming", "memoization",
              "load balancer", "sharding", "REST API", "unit tests"]

ANSWERS = [
    ("How would you find duplicates in a large list?",
     "I would put each element in a hash map and count it, which is linear time. "
     "If memory is tight, I would sort the list first, that is O of n log n, and compare neighbours."),
    ("How do you search a sorted array?",
     "I would use binary search on the sorted array. Each step halves the range, "
     "so the lookup takes logarithmic time instead of a linear scan."),
    ("Tell me about a system you deployed.",
     "We deployed the service on Kubernetes with three replicas behind a load balancer, "
     "and PostgreSQL stored the orders with a read replica for reporting."),
    ("How did you make the API faster?",
     "I added Redis as a cache in front of the REST API, so repeated requests skipped the database, "
     "and the average latency dropped from two hundred to forty milliseconds."),
    ("How would you merge sorted lists?",
     "I would push the head of each list into a min heap, pop the smallest element, "
     "and push the next one from the same list until the heap is empty."),
    ("Tell me about a hard bug.",
     "The dynamic programming solution was too slow, so I added memoization to the recursion "
     "and wrote unit tests for the edge cases like an empty input."),
    ("How would you scale the database?",
     "First I would add read replicas, then shard the PostgreSQL tables by customer ID, "
     "and move the event stream to Kafka so that writes are buffered."),
    ("How do you check a palindrome?",
     "I would use two pointers, one at each end of the string, and move them toward the middle "
     "while the characters match."),
]
VOICES = ["en-us", "en-gb", "en+f3"]
SPEEDS = [140, 175, 200]
NOISE = [None, 20]  # None, or white noise at this signal-to-noise ratio (dB): a noisy room


def synthesize(text: str, voice: str, wpm: int, snr_db: float | None, folder: Path, name: str) -> Path:
    raw, out = folder / f"{name}.raw.wav", folder / f"{name}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(wpm), "-w", str(raw), text], check=True)
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", str(out)], check=True)
    if snr_db is not None:  # white noise at the given SNR, over the speech's own power
        x = audio.load_audio(out)
        power = float(np.mean(x[np.abs(x) > 0.01] ** 2))
        noise = np.random.default_rng(zlib.crc32(name.encode())).normal(0, np.sqrt(power / 10 ** (snr_db / 10)), x.size)
        audio.save_wav(out, np.clip(x + noise, -1, 1).astype(np.float32))
    return out


def plan(all_combinations: bool) -> list[tuple[int, str, int, float | None]]:
    if all_combinations:
        return [(a, v, s, n) for a, v, s, n in itertools.product(range(len(ANSWERS)), VOICES, SPEEDS, NOISE)]
    # 12 clips that cover every voice, speed and noise setting at least three times
    combos = itertools.cycle(itertools.product(VOICES, SPEEDS))
    return [(i % len(ANSWERS), *next(combos), NOISE[(i // 2) % 2]) for i in range(12)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--all", action="store_true", help="every answer x voice x speed x noise (144 clips)")
    ap.add_argument("--beam-size", type=int, default=5)
    ap.add_argument("--show", action="store_true", help="print each transcript")
    args = ap.parse_args()

    stt = SpeechToText(beam_size=args.beam_size).load()
    print(f"model {stt.model_id}  beam {stt.beam_size}  cpu_threads {stt.cpu_threads}  "
          f"load {stt.load_seconds:.2f}s  load average {os.getloadavg()[0]:.2f}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, (ai, voice, wpm, snr) in enumerate(plan(args.all)):
            question, text = ANSWERS[ai]
            wav = synthesize(text, voice, wpm, snr, Path(tmp), f"clip{n}")
            samples = audio.load_audio(wav)
            seconds = samples.size / audio.SAMPLE_RATE
            c0 = time.process_time()
            plain = stt.transcribe(samples)
            c1 = time.process_time()
            biased = stt.transcribe(samples, context=build_context(question, VOCABULARY))
            c2 = time.process_time()
            ref = len(normalize_words(text))
            rows.append(dict(n=n, voice=voice, wpm=wpm, snr=snr, seconds=seconds, ref=ref,
                             t_plain=plain.seconds_taken, t_ctx=biased.seconds_taken,
                             cpu_plain=c1 - c0, cpu_ctx=c2 - c1,
                             e_plain=word_error_rate(text, plain.text) * ref,
                             e_ctx=word_error_rate(text, biased.text) * ref,
                             hyp=biased.text))
            r = rows[-1]
            print(f"{n:>3} {voice:<6} {wpm:>3}wpm {('clean' if snr is None else f'{snr}dB'):>5} "
                  f"{seconds:5.1f}s  RTF {r['t_plain'] / seconds:.3f} | {r['t_ctx'] / seconds:.3f}   "
                  f"WER {r['e_plain'] / ref:6.1%} | {r['e_ctx'] / ref:6.1%}", flush=True)
            if args.show:
                print(f"      ref: {text}\n    plain: {plain.text}\n  context: {biased.text}")

    audio_s = sum(r["seconds"] for r in rows)
    words = sum(r["ref"] for r in rows)
    rtf_p = sum(r["t_plain"] for r in rows) / audio_s
    rtf_c = sum(r["t_ctx"] for r in rows) / audio_s
    wer_p = sum(r["e_plain"] for r in rows) / words
    wer_c = sum(r["e_ctx"] for r in rows) / words

    def group(key):
        out = {}
        for r in rows:
            out.setdefault(r[key], []).append(r)
        return out

    print(f"\n{len(rows)} clips, {audio_s:.0f} s of audio, {words} reference words")
    print(f"{'':<22}{'no context':>12}{'context':>12}{'ratio':>9}")
    print(f"{'real-time factor':<22}{rtf_p:>12.3f}{rtf_c:>12.3f}{rtf_c / rtf_p:>9.2f}   target <= 0.15")
    long = [r for r in rows if r["seconds"] >= 10]
    if long:
        la = sum(r["seconds"] for r in long)
        print(f"{'  answers >= 10 s':<22}{sum(r['t_plain'] for r in long) / la:>12.3f}"
              f"{sum(r['t_ctx'] for r in long) / la:>12.3f}")
    # CPU seconds / threads: what the wall clock would show on an idle machine
    # (this VM is shared; a busy neighbour inflates wall-clock RTF).
    print(f"{'  cpu-time RTF':<22}{sum(r['cpu_plain'] for r in rows) / audio_s / stt.cpu_threads:>12.3f}"
          f"{sum(r['cpu_ctx'] for r in rows) / audio_s / stt.cpu_threads:>12.3f}")
    print(f"{'word error rate':<22}{wer_p:>12.1%}{wer_c:>12.1%}{(wer_c / wer_p if wer_p else 1):>9.2f}"
          f"   target <= 12 % with context")
    for key, label in (("voice", "voice"), ("wpm", "speed"), ("snr", "noise")):
        for value, rs in sorted(group(key).items(), key=lambda kv: str(kv[0])):
            w = sum(r["ref"] for r in rs)
            name = f"{label} {value if value is not None else 'clean'}{'' if key != 'snr' or value is None else ' dB'}"
            print(f"  {name:<20}{sum(r['e_plain'] for r in rs) / w:>12.1%}"
                  f"{sum(r['e_ctx'] for r in rs) / w:>12.1%}")
    long_rtf = long_answers(stt)
    print(f"\nRTF target {'met' if rtf_c <= 0.15 else 'MISSED'} on short clips, "
          f"{'met' if long_rtf <= 0.15 else 'MISSED'} on interview-length answers; "
          f"WER target {'met' if wer_c <= 0.12 else 'MISSED'} (load average {os.getloadavg()[0]:.2f})")
    return 0


def long_answers(stt: SpeechToText) -> float:
    """Interview answers run 30-90 s, and Whisper pays for a full 30 s window
    however short the clip, so short clips overstate the real-time factor.
    Here four answers are joined into one ~40 s answer per voice."""
    print("\ninterview-length answers (four answers joined, with context):")
    total_s = total_t = errors = words = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for i, voice in enumerate(VOICES):
            picked = [ANSWERS[(i * 3 + k) % len(ANSWERS)] for k in range(4)]
            text = " ".join(a for _, a in picked)
            wav = synthesize(text, voice, 160, None, Path(tmp), f"long{i}")
            samples = audio.load_audio(wav)
            seconds = samples.size / audio.SAMPLE_RATE
            tr = stt.transcribe(samples, context=build_context(picked[0][0], VOCABULARY))
            ref = len(normalize_words(text))
            err = word_error_rate(text, tr.text) * ref
            total_s, total_t, errors, words = total_s + seconds, total_t + tr.seconds_taken, \
                errors + err, words + ref
            print(f"  {voice:<6} {seconds:5.1f}s  RTF {tr.seconds_taken / seconds:.3f}   WER {err / ref:6.1%}")
    rtf = total_t / total_s
    print(f"  {'all':<6} {total_s:5.1f}s  RTF {rtf:.3f}   WER {errors / words:6.1%}   target RTF <= 0.15")
    return rtf


if __name__ == "__main__":
    sys.exit(main())
