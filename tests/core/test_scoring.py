"""Objective scores: computed from evidence, or missing — never invented."""
from __future__ import annotations

from desktop.core.engine import scoring


def words_at(text, start, wpm):
    """Word timings of `text` spoken at `wpm`, from `start` seconds."""
    step = 60 / wpm
    return [(w, start + i * step, start + i * step + step * 0.8, 0.9)
            for i, w in enumerate(text.split())]


def test_pace_of_several_recordings_is_measured_per_recording():
    a = "we shipped the fix on friday and the error rate fell by half " * 3
    b = "then we wrote a runbook so the team could handle it without me " * 2
    score = scoring.delivery([(a, words_at(a, 0.0, 120)), (b, words_at(b, 0.0, 120))])
    assert 110 <= score.evidence["words_per_minute"] <= 130
    assert score.evidence["long_pauses_s"] == []


def test_fillers_and_long_pauses_are_counted():
    text = "um so basically we um fixed it"
    words = words_at(text, 0.0, 150)
    words[4] = (words[4][0], words[3][2] + 3.0, words[3][2] + 3.3, 0.9)  # a 3 s pause
    words[5:] = [(w, s + 3.0, e + 3.0, p) for w, s, e, p in words[5:]]
    score = scoring.delivery([(text, words)])
    assert score.evidence["filler_words"] == {"um": 2, "basically": 1}
    assert score.evidence["long_pauses_s"] == [3.0]


def test_typed_answers_have_no_delivery_score():
    score = scoring.delivery([("typed text", None)])
    assert score.score is None and "typed" in score.evidence["reason"]


def test_system_design_is_scored_on_rubric_coverage_not_star():
    q = {"kind": "system_design", "strong_answer": [
        "Clarifies requirements and expected traffic", "Chooses a database with reasons",
        "Adds a cache for hot reads", "Plans for failures and retries"]}
    answer = ("First I clarify the requirements and expected traffic, about 10 thousand requests "
              "per second. I choose a relational database for consistency, add a cache for hot "
              "reads, and plan for failures with retries and replicas in two zones.")
    score = scoring.content(q, answer)
    assert score.kind == "coverage" and score.score >= 8
    assert "missing_parts" not in score.evidence  # no story cues asked of a design answer


def test_structure_finds_star_parts_and_numbers():
    text = ("At my last job our deploys failed weekly. I was responsible for fixing it. "
            "I decided to add a staging check. As a result failures fell 90 percent.")
    score = scoring.structure(text)
    assert all(score.evidence["star_parts"].values())
    assert "90" in score.evidence["concrete_numbers"]
    assert scoring.structure("").score is None
