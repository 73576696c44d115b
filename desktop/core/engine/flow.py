"""Deterministic decisions: after an answer or a code run, what comes next.

The follow-up budget depends on how complete the answer is and how much time
is left; probes target what the answer is missing. The model may reword a
probe, but never chooses whether to ask one.
"""
from __future__ import annotations

from dataclasses import dataclass

from .scoring import Score

PROBES = {
    "short": "Could you walk me through one specific example in more detail?",
    "situation": "Can you set the scene first: where was this, and what was at stake?",
    "action": "What did you personally do, step by step?",
    "result": "What was the outcome, and how did you know it worked?",
    "numbers": "Can you put a number on the impact: time, money, users, or errors?",
}
MIN_QUESTION_TIME_FOR_FOLLOW_UP_S = 45
RUNNER_FAILED = "Internal Error"  # the sandbox failed, not the candidate
MIN_TOTAL_TIME_FOR_FOLLOW_UP_S = 90


@dataclass
class Decision:
    action: str  # "follow_up" | "next"
    probe: str = ""
    reason: str = ""


def follow_up_budget(kind: str, structure: Score | None) -> int:
    """Weak answers earn more probing, strong ones less."""
    if kind == "coding":
        return 2
    if structure is None or structure.score is None:
        return 1
    if structure.score >= 7:
        return 1
    return 2


def after_answer(question: dict, follow_ups_done: int, asked: list[str], structure: Score | None,
                 time_left_question: float | None, time_left_total: float | None) -> Decision:
    if time_left_total is not None and time_left_total < MIN_TOTAL_TIME_FOR_FOLLOW_UP_S:
        return Decision("next", reason="interview time nearly over")
    if time_left_question is not None and time_left_question < MIN_QUESTION_TIME_FOR_FOLLOW_UP_S:
        return Decision("next", reason="question time used")
    if follow_ups_done >= follow_up_budget(question["kind"], structure):
        return Decision("next", reason="follow-up budget used")
    probe = _pick_probe(question, asked, structure)
    if not probe:
        return Decision("next", reason="nothing left to probe")
    return Decision("follow_up", probe=probe, reason="answer incomplete" if structure else "")


def _pick_probe(question: dict, asked: list[str], structure: Score | None) -> str:
    candidates: list[str] = []
    ev = structure.evidence if structure and structure.score is not None else {}
    if question["kind"] == "behavioral" and ev:
        if ev.get("word_count", 0) < 40:
            candidates.append(PROBES["short"])
        for part in ("result", "action", "situation"):
            if part in ev.get("missing_parts", []):
                candidates.append(PROBES[part])
        if not ev.get("concrete_numbers"):
            candidates.append(PROBES["numbers"])
    candidates += list(question.get("follow_ups", []))
    if question["kind"] != "coding" and ev.get("word_count", 99) < 40:
        candidates.insert(0, PROBES["short"])
    for c in candidates:
        if c not in asked:
            return c
    return ""


def after_code_run(question: dict, result: dict, follow_ups_done: int, asked: list[str]) -> Decision:
    """Turn test results into the interviewer's next remark."""
    tests = result.get("tests", [])
    visible_fail = next((t for t in tests if not t.get("hidden") and not t.get("passed")), None)
    hidden_fails = sum(1 for t in tests if t.get("hidden") and not t.get("passed"))
    verdict = result.get("verdict", "")
    if verdict == RUNNER_FAILED:
        return Decision("follow_up", reason="runner failed",
                        probe="The code runner failed on my side, so your code was not judged "
                              f"({result.get('message') or 'no details'}). Please run it again.")
    if verdict == "Accepted":
        probe = next((f for f in question.get("follow_ups", []) if f not in asked), "")
        if probe and follow_ups_done < follow_up_budget("coding", None):
            return Decision("follow_up", probe=f"All tests pass. {probe}", reason="accepted")
        return Decision("next", probe="All tests pass. Nicely done.", reason="accepted")
    if verdict == "Compile Error":
        return Decision("follow_up", reason="compile error",
                        probe="The code does not compile or parse yet. Can you fix the error shown?")
    if verdict == "Time Limit Exceeded":
        return Decision("follow_up", reason="too slow",
                        probe="Some tests run out of time. What is your solution's complexity, "
                              "and can you do better?")
    if visible_fail is not None:
        args = visible_fail.get("input")
        if visible_fail.get("verdict") == "Runtime Error":
            err = (visible_fail.get("error") or "an error").splitlines()[-1][:120]
            probe = f"Your code raised {err} on input {args}. What causes that?"
        else:
            probe = (f"Your solution fails on input {args}: expected {visible_fail.get('expected')}, "
                     f"got {visible_fail.get('actual')}. Why do you think that happens?")
        return Decision("follow_up", probe=probe, reason="visible test fails")
    if hidden_fails:
        return Decision("follow_up", reason="hidden tests fail",
                        probe=f"{hidden_fails} hidden test(s) fail. Which edge cases might your code "
                              "miss — empty input, duplicates, negative or very large values?")
    return Decision("follow_up", probe=f"The run ended with {verdict}. What do you think went wrong?",
                    reason=verdict)
