"""What the interviewer says when the engine, not the model, does the talking."""
from __future__ import annotations

MODE_NAMES = {"behavioral": "behavioral", "technical": "coding", "system_design": "system design",
              "mixed": "mixed behavioral and coding"}
PERSONA_OPENERS = {
    "friendly": "Hi, and welcome! Relax — this is practice, and I'm here to help.",
    "neutral": "Hello, and thanks for joining.",
    "tough": "Hello. I'll push on details, as a demanding interviewer would.",
}
COMMAND_LABELS = {"repeat": "(asked to repeat the question)", "hint": "(asked for a hint)",
                  "skip": "(skipped the question)", "end": "(ended the interview)"}
CODE_NUDGE = ("Thanks. When you're ready, write your solution in the editor and run the tests — "
              "talk me through your approach as you go.")


def intro(interview: dict, n_questions: int) -> str:
    opener = PERSONA_OPENERS.get(interview.get("persona") or "neutral", PERSONA_OPENERS["neutral"])
    mode = MODE_NAMES.get(interview["mode"], interview["mode"])
    role = f" for the {interview['job_title']} role" if interview.get("job_title") else ""
    budget = interview.get("time_budget_s")
    timing = f" in about {round(budget / 60)} minutes" if budget else ""
    return (f"{opener} This is a {mode} interview{role}: {n_questions} question"
            f"{'s' if n_questions != 1 else ''}{timing}. You can ask me to repeat a question, "
            "ask for a hint, skip, or end at any time. Let's begin.")


def question(q: dict, index: int, total: int, *, repeat: bool = False) -> str:
    head = "Again: " if repeat else f"Question {index + 1} of {total}. "
    if q["kind"] == "coding":
        return f"{head}{q.get('title', '')}\n\n{q['prompt']}"
    return f"{head}{q['prompt']}"


def welcome_back(q: dict) -> str:
    return "Welcome back. We were on this question — " + (
        q.get("title") or q["prompt"]) + ". Carry on when you're ready."


def hint(q: dict, level: int) -> str:
    """Hint number level+1: the question's curated hints, else drawn from its rubric."""
    hints = list(q.get("hints", []))
    if not hints and q.get("strong_answer"):
        points = q["strong_answer"]
        hints = [f"A strong answer usually covers: {points[0]}",
                 "Also think about: " + "; ".join(points[1:3]) if len(points) > 1 else "",
                 "Structure it as Situation, Task, Action, Result — and end with a measurable result."]
    hints = [h for h in hints if h]
    return f"Hint {level + 1}: {hints[level]}" if level < len(hints) else ""


def stt_context(q: dict | None) -> str:
    """Context for speech recognition: the question and its skill vocabulary."""
    from desktop.core.stt import build_context
    if not q:
        return ""
    question = f"{q.get('title', '')}. {q['prompt'][:400]}" if q.get("title") else q["prompt"][:400]
    return build_context(question, q.get("skills", []) + q.get("vocabulary", []))


def outro(interview: dict, report: dict) -> str:
    score = report.get("overall_score")
    verdict = f"Your overall score is {score:.1f} out of 10." if score is not None else \
        "There was not enough to score this time."
    return f"That's the end of the interview — thank you. {verdict} Your full report is ready."
