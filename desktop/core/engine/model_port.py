"""The engine's view of the language model: two narrow jobs, each with a
check that decides whether the model's output is used at all.

* phrase_follow_up: reword the engine's chosen probe as a natural follow-up.
  Used only if it is a real, relevant question; otherwise the probe stands.
* judge_answer: a rubric opinion as grammar-constrained JSON, stored and
  shown as the model's, never mixed into the objective score.
"""
from __future__ import annotations

import re

from desktop.core import prompts
from desktop.core.llm import LanguageModel, Turn

from .scoring import STOP, words_of

MAX_FOLLOW_UP_WORDS = 45
FOLLOW_UP_TEMPERATURE = 0.6
JUDGE_TEMPERATURE = 0.2


def _gen_record(gen) -> dict:
    return {"model_id": gen.model_id, "prompt_hash": gen.prompt_hash, "seed": gen.seed,
            "temperature": gen.temperature, "output": gen.raw_text or gen.text}


def usable_follow_up(text: str, question: str, answer: str, probe: str) -> bool:
    """A follow-up the candidate can answer: one question, not too long, and
    about this conversation (shares a content word with it)."""
    if "?" not in text or len(text.split()) > MAX_FOLLOW_UP_WORDS:
        return False
    said = {w for w in words_of(" ".join((question, answer, probe))) if w not in STOP and len(w) > 3}
    return bool(said & {w for w in words_of(text) if len(w) > 3})


class InterviewerModel:
    def __init__(self, llm: LanguageModel):
        self.llm = llm

    def phrase_follow_up(self, q: dict, answer: str, probe: str, *, on_token=None, seed: int = 0,
                         cancel=None) -> tuple[str | None, dict]:
        question = q.get("title") or q["prompt"]
        context = (f"Interview question: {q['prompt'][:600]}\n"
                   f"Skills: {', '.join(q.get('skills', []))}\n"
                   f"The interviewer's next question should find out: {probe}")
        turns = [Turn("interviewer", q["prompt"][:600]), Turn("candidate", answer[-1500:])]
        gen = self.llm.generate(turns, context, max_tokens=60, temperature=FOLLOW_UP_TEMPERATURE,
                                seed=seed, on_token=on_token, cancel=cancel)
        text = re.sub(r"\s+", " ", gen.text).strip()
        ok = gen.valid and usable_follow_up(text, question, answer, probe)
        return (text if ok else None), _gen_record(gen)

    def judge_answer(self, q: dict, answer: str, *, seed: int = 0) -> tuple[dict | None, dict]:
        rubric = "\n".join(f"- {p}" for p in q.get("strong_answer", [])) or \
            "- A correct, well-explained solution"
        prompt = prompts.render("evaluate_answer", question=q["prompt"][:800],
                                skills=", ".join(q.get("skills", [])), rubric=rubric,
                                answer=answer[-3000:])
        data, gen = self.llm.generate_json(prompt, prompts.schema("evaluate_answer"),
                                           temperature=JUDGE_TEMPERATURE, seed=seed)
        return data, _gen_record(gen)
