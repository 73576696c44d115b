"""Objective scores, computed from what was said and what the code did.

Every function returns a score on 0–10 *or None* when there is nothing to
compute it from, plus the evidence behind it. Nothing is invented: a missing
signal stays missing and is shown as such.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

FILLERS = ("um", "uh", "erm", "er", "hmm", "like", "you know", "basically", "actually",
           "sort of", "kind of", "i mean")
LONG_PAUSE_S = 2.0
SHORT_ANSWER_WORDS = 25  # below this an answer cannot score above 3
IDEAL_WPM = (120, 170)

# Cue phrases for each part of a STAR answer.
STAR_CUES = {
    "situation": ("when i was", "at my", "in my", "our team", "the project", "we had", "there was",
                  "situation", "context", "background", "last year", "previous job", "at the time"),
    "task": ("my role", "i was responsible", "my task", "i needed to", "i had to", "goal was",
             "the goal", "responsible for", "asked me to", "my job was", "objective"),
    "action": ("i decided", "i started", "i created", "i built", "i talked", "i organized",
               "i proposed", "i wrote", "i set up", "i led", "i worked", "i met", "i asked",
               "i changed", "i designed", "i implemented", "so i", "i reached out", "i spoke"),
    "result": ("as a result", "in the end", "result", "outcome", "we reduced", "we increased",
               "improved", "saved", "launched", "delivered", "learned", "finally", "which led",
               "percent", "%"),
}
NUMBER_RE = re.compile(r"\b\d+(?:[.,]\d+)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                       r"twenty|thirty|fifty|hundred|thousand|million|half|double)\b")
WORD_RE = re.compile(r"[a-z0-9']+")


@dataclass
class Score:
    kind: str
    score: float | None
    evidence: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"kind": self.kind, "score": self.score, "evidence": self.evidence}


def _clamp(x: float) -> float:
    return round(max(0.0, min(10.0, x)), 1)


def words_of(text: str) -> list[str]:
    return WORD_RE.findall(text.lower())


def count_fillers(text: str) -> dict[str, int]:
    low = " " + " ".join(words_of(text)) + " "
    found = {}
    for f in FILLERS:
        n = low.count(f" {f} ")
        if n:
            found[f] = n
    return found


def delivery(answers: list[tuple[str, list]]) -> Score:
    """Pace, fillers and pauses of the spoken answers to one question, each
    given as (text, words with their times). Word times restart with every
    recording, so pace and pauses are measured per answer, then pooled.
    Typed answers have no delivery: the score is None (missing), not a guess."""
    answers = [(t, w) for t, w in answers if w]
    if not answers:
        return Score("delivery", None, {"reason": "typed answer: no audio to measure"})
    text = " ".join(t for t, _ in answers)
    n = len(words_of(text))
    speaking_s = sum(max(w[-1][2] - w[0][1], 0.1) for _, w in answers)
    wpm = n / speaking_s * 60
    pauses = [round(b[1] - a[2], 2) for _, w in answers for a, b in zip(w, w[1:])
              if b[1] - a[2] >= LONG_PAUSE_S]
    fillers = count_fillers(text)
    filler_rate = sum(fillers.values()) / max(n, 1)
    score = 10.0
    lo, hi = IDEAL_WPM
    if wpm < lo:
        score -= min(3.0, (lo - wpm) / 20)
    elif wpm > hi:
        score -= min(3.0, (wpm - hi) / 20)
    score -= min(3.0, filler_rate * 50)
    score -= min(2.0, 0.5 * len(pauses))
    return Score("delivery", _clamp(score), {
        "words_per_minute": round(wpm), "filler_words": fillers,
        "filler_rate": round(filler_rate, 3), "long_pauses_s": pauses,
        "speaking_time_s": round(speaking_s, 1)})


def content(q: dict, text: str) -> Score:
    """The content signal that fits the question: a story's structure for
    behavioral questions, rubric coverage for system design."""
    if q["kind"] == "system_design":
        return design_coverage(text, q.get("strong_answer", []))
    return structure(text, q.get("strong_answer"))


def design_coverage(text: str, strong_answer: list[str]) -> Score:
    """A system-design answer: how many rubric points it covers, and whether it
    puts numbers on scale. Stories (STAR) do not apply here."""
    n = len(words_of(text))
    if n == 0:
        return Score("coverage", None, {"reason": "no answer"})
    coverage = rubric_coverage(text, strong_answer)
    numbers = NUMBER_RE.findall(" ".join(words_of(text)))
    if not coverage["points"]:
        return Score("coverage", None, {"reason": "the question has no rubric", "word_count": n})
    score = 9.0 * coverage["ratio"] + (1.0 if numbers else 0.0)
    if n < SHORT_ANSWER_WORDS:
        score = min(score, 3.0)
    return Score("coverage", _clamp(score), {
        "rubric_points_covered": coverage["covered"], "rubric_points": coverage["points"],
        "concrete_numbers": numbers[:10], "word_count": n})


def structure(text: str, strong_answer: list[str] | None = None) -> Score:
    """STAR cues, concrete numbers, length, and coverage of the rubric points."""
    low = " ".join(words_of(text))
    n = len(low.split())
    if n == 0:
        return Score("structure", None, {"reason": "no answer"})
    parts = {part: next((c for c in cues if c in (low if c != "%" else text)), None)
             for part, cues in STAR_CUES.items()}
    present = [p for p, cue in parts.items() if cue]
    numbers = NUMBER_RE.findall(low)
    coverage = rubric_coverage(text, strong_answer or [])
    score = 2.0 * len(present)  # up to 8
    score += 1.0 if numbers else 0.0
    score += 1.0 if 60 <= n <= 400 else 0.0
    if n < SHORT_ANSWER_WORDS:
        score = min(score, 3.0)
    if coverage["points"]:
        score = 0.7 * score + 3.0 * coverage["ratio"]
    return Score("structure", _clamp(score), {
        "star_parts": {p: bool(c) for p, c in parts.items()},
        "missing_parts": [p for p in STAR_CUES if p not in present],
        "concrete_numbers": numbers[:10], "word_count": n,
        "rubric_points_covered": coverage["covered"], "rubric_points": coverage["points"]})


STOP = set("a an the and or of to in on for with by is are was were be it this that as at from "
           "how what why you your their they them we our i my me do does did".split())


def rubric_coverage(text: str, points: list[str]) -> dict:
    """Which rubric points the answer touches (content-word overlap)."""
    said = set(words_of(text)) - STOP
    covered = []
    for p in points:
        keys = [w for w in words_of(p) if w not in STOP and len(w) > 3]
        if keys and sum(1 for k in keys if k in said or k.rstrip("s") in said) >= max(1, len(keys) // 3):
            covered.append(p)
    return {"points": len(points), "covered": covered,
            "ratio": len(covered) / len(points) if points else 0.0}


def coding(submissions: list[dict], hints_used: int) -> Score:
    """Tests passed by the best submission; hints cost one point each. Runs
    the sandbox failed to judge ("Internal Error") say nothing about the code."""
    submissions = [s for s in submissions if s["verdict"] != "Internal Error"]
    if not submissions:
        return Score("tests", None, {"reason": "no code was run (or none could be judged)"})
    best = max(submissions, key=lambda s: (s["passed"] / s["total"] if s["total"] else 0))
    ratio = best["passed"] / best["total"] if best["total"] else 0.0
    score = 10.0 * ratio - 1.0 * hints_used
    return Score("tests", _clamp(score), {
        "best_verdict": best["verdict"], "passed": best["passed"], "total": best["total"],
        "runs": len(submissions), "run_time_ms": best.get("run_time_ms"),
        "hints_used": hints_used})


def hint_penalty(score: Score, hints_used: int) -> Score:
    if score.score is None or not hints_used:
        return score
    score.evidence["hints_used"] = hints_used
    score.score = _clamp(score.score - 0.5 * hints_used)
    return score


def combine(scores: list[Score]) -> float | None:
    """One question's objective score: the mean of the signals that exist."""
    values = [s.score for s in scores if s.score is not None]
    return round(sum(values) / len(values), 1) if values else None
