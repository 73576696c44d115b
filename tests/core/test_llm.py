"""The language-model layer: prompt-style detection, output cleaning, the
schema validator, prompt templates, and end-to-end runs on the real default
Gemma 3 270M (a base model: completion prompting). The model is loaded once
per module."""
from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

import pytest

from desktop.core import prompts
from desktop.core.llm import (Generation, LanguageModel, Turn, as_turns, clean_reply,
                              detect_prompt_style, reply_problem, validate)
from desktop.core.model_store import ModelProblem

REPO = Path(__file__).resolve().parents[2]
CONTEXT = "Role: backend engineer. Skills: Python, PostgreSQL."
TURNS = [
    Turn("interviewer", "Tell me about a time you made a slow database query fast."),
    Turn("candidate", "A report query took forty seconds. The PostgreSQL query plan showed a "
                      "sequential scan on the orders table, so I added a composite index on "
                      "customer id and date, and it went down to two hundred milliseconds."),
]
SCORE_SCHEMA = {
    "type": "object",
    "properties": {"score": {"type": "integer", "enum": [1, 2, 3, 4, 5]},
                   "reason": {"type": "string", "maxLength": 120}},
    "required": ["score", "reason"],
    "additionalProperties": False,
}


def _load(**kwargs) -> LanguageModel:
    root = os.environ.get("PERFECT_PITCH_TEST_MODELS_DIR", str(REPO / "models_cache"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PERFECT_PITCH_MODELS_DIR", root)
        try:
            return LanguageModel(seed=7, **kwargs).load()
        except ModelProblem as exc:
            pytest.skip(f"GGUF model not installed ({exc}); run `perfect-pitch models install`")


@pytest.fixture(scope="module")
def gemma():
    return _load()


# --- prompt style ------------------------------------------------------------------

@pytest.mark.parametrize("metadata, style", [
    ({"general.architecture": "gemma3"}, "completion"),  # base model: no template
    ({"tokenizer.chat_template": ""}, "completion"),
    ({"tokenizer.chat_template": "   "}, "completion"),
    ({"tokenizer.chat_template": "{% for m in messages %}<|im_start|>{{ m.role }}..."}, "chat"),
    ({}, "completion"),
    (None, "completion"),
])
def test_prompt_style_from_metadata(metadata, style):
    assert detect_prompt_style(metadata) == style


def test_chat_messages_are_shaped_for_strict_templates():
    lm = LanguageModel()  # nothing loaded: message building needs no model
    msgs = lm._chat_messages(as_turns([("assistant", "Hi, tell me about yourself."),
                                       ("user", "I build APIs."), ("candidate", "Mostly in Go.")]),
                             CONTEXT)
    assert [m["role"] for m in msgs] == ["system", "user", "assistant", "user"]
    assert CONTEXT in msgs[0]["content"] and msgs[-1]["content"] == "I build APIs.\nMostly in Go."
    folded = lm._chat_messages(as_turns(TURNS), CONTEXT, fold_system=True)
    assert folded[0]["role"] == "user" and CONTEXT in folded[0]["content"]
    with pytest.raises(ValueError):
        as_turns([("narrator", "x")])


# --- cleaning and checks --------------------------------------------------------------

def test_clean_reply_keeps_only_the_interviewers_line():
    assert clean_reply(" Interviewer: What index did you add?\nCandidate: A B-tree.") == \
        "What index did you add?"
    assert clean_reply("Why that index? Candidate: because") == "Why that index?"
    assert clean_reply("Good. How did you measure it? And then what did you<end_of_turn>",
                       truncated=True) == "Good. How did you measure it?"
    assert clean_reply("<start_of_turn>model\nHow big was the table?") == "How big was the table?"


def test_reply_problems():
    assert reply_problem("How did you measure the speed-up?") == ""
    assert reply_problem("") == "empty output"
    assert reply_problem("Why?") != ""
    assert reply_problem("}}}} ### ((( ))) 1234 5678") == "mostly not words"
    assert reply_problem("and then the and then the and then the and then the") == "repeats itself"
    assert reply_problem(TURNS[0].text, [t.text for t in TURNS]) == "repeats an earlier line"


def test_schema_validator():
    assert validate({"score": 3, "reason": "ok"}, SCORE_SCHEMA) == []
    errors = validate({"score": 9, "extra": 1}, SCORE_SCHEMA)
    assert any("not one of" in e for e in errors) and any("missing 'reason'" in e for e in errors)
    assert any("unexpected 'extra'" in e for e in errors)
    assert validate(True, {"type": "integer"})  # bool is not an integer
    ranged = {"type": "array", "items": {"type": "number", "minimum": 0, "maximum": 1}, "maxItems": 2}
    assert validate([0.5, 1], ranged) == []
    assert len(validate([2, -1, 0.5], ranged)) == 3
    assert validate("abc", {"type": "string", "maxLength": 2})


# --- templates ----------------------------------------------------------------------

def test_prompt_templates_render_and_report_missing_fields():
    for name in ("followup_completion", "followup_chat", "evaluate_answer", "hint"):
        assert prompts.fields(name), name
    text = prompts.render("followup_completion", context=CONTEXT, transcript="Interviewer: Hi")
    assert text.startswith(CONTEXT) and text.endswith("Interviewer: Hi\nInterviewer:")
    with pytest.raises(KeyError, match="question"):
        prompts.render("evaluate_answer", skills="x", rubric="x", answer="x")
    # a value containing braces is inserted literally, not expanded again
    assert "{context}" in prompts.render("followup_chat", context="{context}")
    schema = prompts.schema("evaluate_answer")
    assert schema["type"] == "object" and "score" in schema["required"]


# --- end to end on the real model ------------------------------------------------------

@pytest.mark.models
def test_gemma_is_detected_as_a_completion_model(gemma):
    assert "tokenizer.chat_template" not in gemma.metadata
    assert gemma.prompt_style == "completion"
    assert gemma.model_id == "gemma-3-270m-q4_k_m"


@pytest.mark.models
def test_generate_streams_tokens_and_records_provenance(gemma):
    pieces: list[str] = []
    gen = gemma.generate(TURNS, CONTEXT, seed=11, temperature=0.7, max_tokens=48,
                         on_token=pieces.append)
    assert isinstance(gen, Generation) and gen.prompt_style == "completion"
    assert len(pieces) == gen.tokens >= 1
    assert "".join(pieces).strip() == gen.raw_text.strip()
    assert gen.prompt.endswith("Interviewer:") and "Candidate: A report query" in gen.prompt
    assert gen.prompt_hash == hashlib.sha256(gen.prompt.encode()).hexdigest()
    assert (gen.seed, gen.temperature, gen.model_id) == (11, 0.7, "gemma-3-270m-q4_k_m")
    assert 0 < gen.first_token_s <= gen.total_s
    assert "\n" not in gen.text and "Candidate:" not in gen.text
    assert gen.valid == (reply_problem(gen.text, [t.text for t in TURNS]) == "")
    json.dumps(gen.as_dict())


@pytest.mark.models
def test_same_seed_same_words(gemma):
    a = gemma.generate(TURNS, CONTEXT, seed=3, max_tokens=32)
    b = gemma.generate(TURNS, CONTEXT, seed=3, max_tokens=32)
    assert a.raw_text == b.raw_text and a.prompt_hash == b.prompt_hash


@pytest.mark.models
def test_most_follow_ups_are_usable(gemma):
    gens = [gemma.generate(TURNS, CONTEXT, seed=s, max_tokens=48) for s in range(6)]
    valid = [g for g in gens if g.valid]
    assert len(valid) >= 3, [(g.text, g.problem) for g in gens]
    assert all(g.problem for g in gens if not g.valid)  # every rejection says why


@pytest.mark.models
def test_prefill_with_a_partial_answer_then_generate(gemma):
    partial = [TURNS[0], Turn("candidate", TURNS[1].text[:80])]
    gemma.prefill(partial, CONTEXT)  # while the candidate is still talking
    gen = gemma.generate(TURNS, CONTEXT, seed=3, max_tokens=24)
    assert gen.tokens >= 1 and gen.prompt == gemma.prompt_for(TURNS, CONTEXT)


@pytest.mark.models
def test_generation_can_be_cancelled(gemma):
    stop = threading.Event()
    gen = gemma.generate(TURNS, CONTEXT, seed=1, max_tokens=64, stop=["###"],
                         on_token=lambda piece: stop.set(), cancel=stop)
    assert gen.finish_reason == "cancelled" and gen.tokens == 1 and not gen.valid


@pytest.mark.models
def test_hint_template_through_complete(gemma):
    prompt = prompts.render("hint", context=CONTEXT, problem="Return the indices of two numbers "
                            "in a list that add up to a target.", code="def two_sum(nums, target):\n"
                            "    pass", level=1, level_meaning="a gentle nudge")
    gen = gemma.complete(prompt, seed=2, max_tokens=40)
    assert gen.prompt_hash == hashlib.sha256(prompt.encode()).hexdigest()
    assert "\n" not in gen.text


@pytest.mark.models
def test_generate_json_parses_or_reports_invalid(gemma):
    prompt = prompts.render("evaluate_answer", question=TURNS[0].text, skills="PostgreSQL",
                            rubric="- names the tool used\n- gives numbers", answer=TURNS[1].text)
    schema = prompts.schema("evaluate_answer")
    data, gen = gemma.generate_json(prompt, schema, seed=1, max_tokens=100)
    if data is None:
        assert not gen.valid and gen.problem
    else:
        assert gen.valid and validate(data, schema) == [] and data["score"] in range(1, 6)
        assert json.loads(gen.text) == data
    # cut short: the JSON cannot be complete, and that is reported, not raised
    data, gen = gemma.generate_json(prompt, schema, seed=1, max_tokens=4)
    assert data is None and not gen.valid and "cut off" in gen.problem
    # the grammar guarantees the shape for a small schema
    data, gen = gemma.generate_json("Rate this answer: " + TURNS[1].text, SCORE_SCHEMA, seed=4,
                                    max_tokens=80)
    assert (data is None) != gen.valid
    if data is not None:
        assert set(data) == {"score", "reason"}


@pytest.mark.models
def test_long_history_is_trimmed_to_fit_the_context(gemma):
    turns = []
    for i in range(40):
        turns += [Turn("interviewer", f"Question {i}: tell me about project {i} in detail."),
                  Turn("candidate", "It was a data pipeline in Python with PostgreSQL. " * 6)]
    render = lambda ts: gemma._completion_prompt(ts, CONTEXT)
    assert gemma._n_tokens(render(turns)) > gemma.n_ctx
    kept = gemma._fit(turns, render, max_tokens=80)
    assert kept[-1] == turns[-1] and gemma._n_tokens(render(kept)) <= gemma.n_ctx - 80
    assert (len(turns) - len(kept)) % 4 == 0  # dropped in steps, so the prefix stays cacheable


@pytest.mark.models
def test_chat_path_on_the_real_model(gemma):
    """The chat path, exercised for real by telling llama.cpp to use Gemma's
    chat format on this model (its answers are poor: it is a base model, which
    is exactly why completion style is the default for it)."""
    chat = _load(prompt_style="chat", chat_format="gemma")
    pieces: list[str] = []
    gen = chat.generate(TURNS, CONTEXT, seed=5, max_tokens=24, on_token=pieces.append)
    assert gen.prompt_style == "chat" and pieces
    messages = json.loads(gen.prompt)
    assert messages[-1] == {"role": "user", "content": TURNS[1].text}
    assert gen.prompt_hash == hashlib.sha256(gen.prompt.encode()).hexdigest()
    data, jgen = chat.generate_json("Rate this answer from 1 to 5: " + TURNS[1].text,
                                    SCORE_SCHEMA, seed=1, max_tokens=60)
    assert jgen.prompt_style == "chat" and (data is None) != jgen.valid
