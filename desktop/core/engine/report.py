"""The final report: per-question scores with their evidence, strengths,
improvements and a summary. Objective scores first; the model's judgement,
when there is one, is stored beside them and labelled as the model's."""
from __future__ import annotations

from db import service

from . import scoring
from .state import EngineState


def _question_scores(q: dict, progress, transcript: dict[int, dict], subs: list[dict]) -> list[scoring.Score]:
    answers = [transcript[i] for i in progress.answers if i in transcript]
    text = "\n".join(a["content"] for a in answers)
    if q["kind"] == "coding":
        mine = [s for s in subs if s["id"] in set(progress.submissions)]
        return [scoring.coding(mine, progress.hints)]
    content = scoring.hint_penalty(scoring.content(q, text), progress.hints)
    delivery = scoring.delivery([(a["content"], a["meta"].get("words")) for a in answers])
    return [content, delivery]


def _observations(q: dict, scores: list[scoring.Score]) -> tuple[list[str], list[str]]:
    strengths, improvements = [], []
    for s in scores:
        ev = s.evidence
        if s.score is None:
            continue
        if s.kind == "tests":
            if ev["passed"] == ev["total"]:
                strengths.append(f"{q.get('title', q['id'])}: all {ev['total']} tests pass.")
            else:
                improvements.append(f"{q.get('title', q['id'])}: {ev['passed']}/{ev['total']} tests "
                                    f"pass ({ev['best_verdict']}); check edge cases.")
            if ev.get("hints_used"):
                improvements.append(f"Needed {ev['hints_used']} hint(s) on {q.get('title', q['id'])}.")
        elif s.kind == "structure":
            missing = ev.get("missing_parts", [])
            if not missing:
                strengths.append("Answers followed a clear situation–task–action–result arc.")
            else:
                improvements.append(f"Cover the missing part(s) of the story: {', '.join(missing)}.")
            if ev.get("concrete_numbers"):
                strengths.append("Used concrete numbers to show impact.")
            else:
                improvements.append("Quantify the impact (time saved, users, error rates).")
        elif s.kind == "coverage":
            missed = ev["rubric_points"] - len(ev["rubric_points_covered"])
            if missed:
                improvements.append(f"{q.get('title') or q['id']}: {missed} of {ev['rubric_points']} "
                                    "design points were not covered.")
            else:
                strengths.append(f"{q.get('title') or q['id']}: covered every design point.")
        elif s.kind == "delivery":
            wpm = ev.get("words_per_minute")
            if wpm and wpm > 180:
                improvements.append(f"Slow down: {wpm} words per minute is fast for an interview.")
            elif wpm and wpm < 110:
                improvements.append(f"Speak a little more fluently: {wpm} words per minute.")
            if ev.get("filler_words"):
                improvements.append("Cut filler words: " + ", ".join(
                    f"'{w}' ×{n}" for w, n in ev["filler_words"].items()))
            if not ev.get("filler_words") and wpm and 110 <= wpm <= 180:
                strengths.append("Clear, steady delivery.")
    return strengths, improvements


def build_report(interview_id: int, bank: dict, state: EngineState, model=None) -> dict:
    service.delete_evaluations(interview_id)  # a re-run (after a crash) replaces, not adds
    transcript = {m["id"]: m for m in service.load_transcript(interview_id)}
    subs = service.code_submissions(interview_id)
    per_question, all_strengths, all_improvements = [], [], []
    for progress in state.progress:
        q = bank.get(progress.qid)
        if q is None:
            continue
        if progress.skipped and not progress.answers and not progress.submissions:
            # Skipping is an outcome, not a gap: it counts as 0, so skipping all
            # but the best question cannot raise the overall score.
            scores = [scoring.Score("skipped", 0.0, {"reason": "skipped without an answer"})]
        else:
            scores = _question_scores(q, progress, transcript, subs)
        objective = scoring.combine(scores)
        for s in scores:
            service.add_evaluation(interview_id, "objective", s.kind, s.score, s.evidence,
                                   interview_question_id=progress.iq_id)
        service.update_interview_question(progress.iq_id, score=objective)
        model_view = _model_judgement(model, interview_id, q, progress, transcript, state.seed)
        strengths, improvements = _observations(q, scores)
        all_strengths += strengths
        all_improvements += improvements
        per_question.append({
            "qid": q["id"], "kind": q["kind"], "title": q.get("title") or q["prompt"][:80],
            "skipped": progress.skipped, "hints_used": progress.hints,
            "follow_ups": progress.follow_ups, "score": objective,
            "signals": [s.as_dict() for s in scores], "model_judgement": model_view})
    scored = [p["score"] for p in per_question if p["score"] is not None]
    overall = round(sum(scored) / len(scored), 1) if scored else None
    summary = _summary(per_question, overall)
    data = {"questions": per_question, "strengths": _unique(all_strengths),
            "improvements": _unique(all_improvements),
            "scoring_note": "Scores come from objective signals (tests, answer structure, delivery). "
                            "The model's judgement is shown separately and is not part of the score."}
    return service.save_report(interview_id, overall, summary, data)


def _model_judgement(model, interview_id: int, q: dict, progress, transcript, seed: int) -> dict | None:
    """The model's rubric opinion, stored labelled as the model's (None when
    there is no model or its output was invalid)."""
    answers = [transcript[i]["content"] for i in progress.answers if i in transcript]
    if model is None or not answers or progress.skipped:
        return None
    try:
        data, gen = model.judge_answer(q, "\n".join(answers), seed=seed)
    except Exception:  # noqa: BLE001 - the report stands without it
        return None
    service.add_generation("judge", gen["model_id"], gen["prompt_hash"], gen["seed"],
                           gen["temperature"], gen["output"], valid=data is not None,
                           interview_id=interview_id)
    if data is None:
        return None
    service.add_evaluation(interview_id, "model", "rubric", float(data["score"]), data,
                           interview_question_id=progress.iq_id, model_id=gen["model_id"],
                           prompt_hash=gen["prompt_hash"], seed=gen["seed"],
                           temperature=gen["temperature"])
    return {"source": "model", "model_id": gen["model_id"], "scale": "1-5", **data}


def _summary(per_question: list[dict], overall: float | None) -> str:
    answered = [p for p in per_question if not p["skipped"]]
    skipped = len(per_question) - len(answered)
    parts = [f"{len(per_question)} question(s) asked, {len(answered)} answered"
             + (f", {skipped} skipped" if skipped else "") + "."]
    if overall is None:
        parts.append("No score could be computed (nothing was answered or run).")
    else:
        parts.append(f"Overall objective score: {overall:.1f}/10.")
        best = max((p for p in answered if p["score"] is not None), key=lambda p: p["score"], default=None)
        worst = min((p for p in answered if p["score"] is not None), key=lambda p: p["score"], default=None)
        if best and worst and best is not worst:
            parts.append(f"Strongest: {best['title']} ({best['score']:.1f}). "
                         f"Weakest: {worst['title']} ({worst['score']:.1f}).")
    return " ".join(parts)


def _unique(items: list[str]) -> list[str]:
    seen, out = set(), []
    for i in items:
        if i not in seen:
            seen.add(i)
            out.append(i)
    return out
