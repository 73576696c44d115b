"""The interview engine on a real database, without a language model
(the deterministic interviewer) and, in test_engine_models.py, with the real one."""
from __future__ import annotations

import pytest

from db import service
from desktop.core.engine import InterviewSession, Phase

BEHAVIORAL = {
    "id": "t-beh-1", "kind": "behavioral", "prompt": "Tell me about a time you resolved a conflict.",
    "skills": ["Conflict Resolution"], "difficulty": "medium",
    "strong_answer": ["Describes the disagreement and what was at stake",
                      "Listens to the other side", "Finds a compromise", "Measurable outcome"],
    "follow_ups": ["What would you do differently next time?"],
}
BEHAVIORAL_2 = dict(BEHAVIORAL, id="t-beh-2", prompt="Tell me about a project you led.",
                    skills=["Leadership"])
CODING = {
    "id": "t-code-1", "kind": "coding", "title": "Sum of evens",
    "prompt": "Return the sum of the even numbers in a list.", "skills": ["Algorithms"],
    "difficulty": "easy", "hints": ["Loop over the list.", "Test x % 2 == 0.", "sum(x for x in xs if x % 2 == 0)"],
    "follow_ups": ["What is the time complexity?"],
    "languages": {"python": {"entry_point": "sum_evens", "starter": "def sum_evens(xs):\n    pass\n"}},
    "tests": {"cases": [{"args": [[1, 2, 3, 4]], "expected": 6, "hidden": False},
                        {"args": [[]], "expected": 0, "hidden": True},
                        {"args": [[-2, -3]], "expected": -2, "hidden": True}]},
    "solution": {"python": "def sum_evens(xs):\n    return sum(x for x in xs if x % 2 == 0)\n"},
}
BANK = [BEHAVIORAL, BEHAVIORAL_2, CODING]
STRONG = ("At my last job two senior engineers disagreed about the database migration and the "
          "release was at stake. My role was to lead the team to a decision within a week. "
          "I met each of them, listened to their concerns, and I proposed a staged migration as a "
          "compromise. As a result we shipped on time, cut downtime by 80 percent, and both agreed "
          "the outcome was better.")


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def run_code(problem, code, language):
    from desktop.core.runner import run_submission
    return run_submission(problem, code, language).as_dict()


def make_session(profile, mode="Behavioral", count=2, budget=None, clock=None):
    iv = service.create_interview(profile["id"], "t", mode, [], question_count=count,
                                  time_budget_s=budget)
    events = []
    s = InterviewSession(iv["id"], bank=BANK, run_code=run_code, clock=clock or Clock())
    s.subscribe(events.append)
    return s, events


def kinds(interview_id):
    return [(m["role"], m["kind"]) for m in service.load_transcript(interview_id)]


def test_whole_behavioral_interview_commits_every_step_and_reports(db, profile):
    s, events = make_session(profile)
    s.start(["t-beh-1", "t-beh-2"])
    assert s.phase == Phase.QUESTION
    s.answer_text("We argued. It was fine.")  # weak: gets a follow-up
    assert s.phase == Phase.FOLLOW_UP
    follow_up = service.load_transcript(s.interview_id)[-1]
    assert follow_up["kind"] == "follow_up" and follow_up["meta"]["source"] == "engine"
    s.answer_text(STRONG)
    while s.phase == Phase.FOLLOW_UP:
        s.answer_text("We measured it for a month afterwards and it held.")
    assert s.state.index == 1
    s.answer_text(STRONG)
    while s.phase != Phase.DONE:
        s.answer_text("Nothing more to add.")
    roles = kinds(s.interview_id)
    assert roles[0] == ("assistant", "intro") and roles[1] == ("assistant", "question")
    assert roles[-1] == ("assistant", "outro")
    assert all(m["status"] == "completed" for m in service.load_transcript(s.interview_id))
    report = service.get_report(s.interview_id)
    q1 = report["data"]["questions"][0]
    structure = next(sig for sig in q1["signals"] if sig["kind"] == "structure")
    delivery = next(sig for sig in q1["signals"] if sig["kind"] == "delivery")
    assert structure["score"] is not None and structure["evidence"]["star_parts"]["result"]
    assert delivery["score"] is None and "typed" in delivery["evidence"]["reason"]  # missing, not invented
    assert report["overall_score"] is not None
    iv = service.get_interview(s.interview_id)
    assert iv["status"] == "completed" and iv["overall_score"] == report["overall_score"]
    assert any(e.kind == "report" for e in events)


def test_progressive_hints_are_capped_recorded_and_cost_points(db, profile):
    s, _ = make_session(profile, mode="Technical/Coding", count=1)
    s.start(["t-code-1"])
    for _ in range(4):
        s.command("hint")
    hints = [m for m in service.load_transcript(s.interview_id) if m["kind"] == "hint"]
    assert [h["content"][:6] for h in hints[:3]] == ["Hint 1", "Hint 2", "Hint 3"]
    assert "last hint" in hints[3]["content"]
    assert service.interview_questions(s.interview_id)[0]["hints_used"] == 3
    s.submit_code(CODING["solution"]["python"])
    s.command("end")
    q = service.get_report(s.interview_id)["data"]["questions"][0]
    assert q["hints_used"] == 3 and q["score"] == 7.0  # 10 for all tests, minus 1 per hint


def test_code_results_drive_the_follow_up_and_the_score(db, profile):
    s, events = make_session(profile, mode="Technical/Coding", count=1)
    s.start(["t-code-1"])
    s.submit_code("def sum_evens(xs):\n    return sum(xs)\n")
    remark = service.load_transcript(s.interview_id)[-1]
    assert remark["kind"] == "follow_up" and "[[1, 2, 3, 4]]" in remark["content"]
    assert "expected 6" in remark["content"] and "got 10" in remark["content"]
    s.submit_code(CODING["solution"]["python"])
    subs = service.code_submissions(s.interview_id)
    assert [x["verdict"] for x in subs] == ["Wrong Answer", "Accepted"]
    assert any(e.kind == "code_result" for e in events)
    while s.phase != Phase.DONE:
        s.answer_text("It is linear in the length of the list.")
    q = service.get_report(s.interview_id)["data"]["questions"][0]
    assert q["score"] == 10.0 and q["signals"][0]["evidence"]["runs"] == 2


def test_repeat_skip_and_end_early(db, profile):
    s, _ = make_session(profile, count=2)
    s.start(["t-beh-1", "t-beh-2"])
    s.command("repeat")
    assert service.load_transcript(s.interview_id)[-1]["content"].startswith("Again:")
    s.command("skip")
    assert s.state.index == 1 and s.state.progress[0].skipped
    s.command("end")
    assert s.phase == Phase.DONE
    report = service.get_report(s.interview_id)
    skipped, unanswered = report["data"]["questions"]
    assert skipped["skipped"] and skipped["score"] == 0.0  # skipping is an outcome: 0
    assert unanswered["score"] is None  # ended before answering: missing, not zero
    assert report["overall_score"] == 0.0 and "1 skipped" in report["summary"]


def test_time_budget_stops_follow_ups_and_wraps_up(db, profile):
    clock = Clock()
    s, _ = make_session(profile, count=2, budget=600, clock=clock)  # 5 min per question
    s.start(["t-beh-1", "t-beh-2"])
    clock.now += 290  # nearly all of the question's time used
    s.answer_text("We argued. It was fine.")
    assert s.state.index == 1, "no follow-up when the question's time is up"
    clock.now += 400  # past the interview budget
    s.answer_text(STRONG)
    assert s.phase == Phase.DONE


def test_resume_after_a_crash_keeps_committed_answers(db, profile):
    s, _ = make_session(profile, count=2)
    s.start(["t-beh-1", "t-beh-2"])
    s.answer_text("We argued. It was fine.")
    pending = service.add_message(s.interview_id, "user", "", kind="answer", status="processing")
    del s  # the process "dies" here
    assert service.mark_interrupted() == 1
    resumed = InterviewSession(service.get_interview(pending["interview_id"])["id"], bank=BANK,
                               run_code=run_code, clock=Clock())
    assert resumed.phase == Phase.FOLLOW_UP and resumed.state.index == 0
    resumed.start()
    transcript = service.load_transcript(resumed.interview_id)
    assert transcript[-1]["content"].startswith("Welcome back")
    assert any(m["content"] == "We argued. It was fine." for m in transcript)
    assert next(m for m in transcript if m["id"] == pending["id"])["status"] == "interrupted"
    resumed.answer_text(STRONG)
    resumed.command("end")
    assert service.get_interview(resumed.interview_id)["status"] == "completed"


class GarbageModel:
    """Stands in for a model that returns junk: the engine must not use it."""
    def phrase_follow_up(self, q, answer, probe, *, on_token=None, seed=0, cancel=None):
        for tok in ("%%", "$$ ", "@@"):
            on_token(tok)
        return None, {"model_id": "junk", "prompt_hash": "h", "seed": seed,
                      "temperature": 0.6, "output": "%%$$ @@"}

    def judge_answer(self, q, answer, *, seed=0):
        return None, {"model_id": "junk", "prompt_hash": "h", "seed": seed,
                      "temperature": 0.2, "output": "{not json"}


def test_garbage_model_output_falls_back_and_is_recorded(db, profile):
    s, events = make_session(profile, count=1)
    s.model = GarbageModel()
    s.start(["t-beh-1"])
    s.answer_text("We argued. It was fine.")
    msg = service.load_transcript(s.interview_id)[-1]
    assert msg["meta"]["source"] == "engine" and msg["content"] == msg["meta"]["probe"]
    assert any(e.kind == "token" for e in events)
    s.command("end")
    gens = service.generations(s.interview_id)
    assert {g["purpose"] for g in gens} == {"follow_up", "judge"} and not any(g["valid"] for g in gens)
    q = service.get_report(s.interview_id)["data"]["questions"][0]
    assert q["model_judgement"] is None and q["score"] is not None


def test_empty_answer_is_refused_without_a_message(db, profile):
    s, events = make_session(profile, count=1)
    s.start(["t-beh-1"])
    before = len(service.load_transcript(s.interview_id))
    assert s.answer_text("   ") is None
    assert len(service.load_transcript(s.interview_id)) == before
    assert events[-1].kind == "error"


def test_unknown_command_and_plan_are_rejected(db, profile):
    s, _ = make_session(profile, count=1)
    with pytest.raises(ValueError, match="not in the bank"):
        s.start(["nope"])
    s.start(["t-beh-1"])
    with pytest.raises(ValueError, match="Unknown command"):
        s.command("dance")


def test_plan_follows_mode_skills_job_description_and_history(db, profile):
    from desktop.core.engine.session import plan_interview
    iv = service.create_interview(profile["id"], "t", "Behavioral", [], question_count=1,
                                  job_description="We need strong Leadership and mentoring.")
    assert plan_interview(iv, BANK, [], seed=1) == ["t-beh-2"]  # Leadership, from the ad
    assert plan_interview(iv, BANK, ["t-beh-2"], seed=1) == ["t-beh-1"]  # not asked again
    mixed = service.create_interview(profile["id"], "m", "Mixed", [], question_count=2)
    plan = plan_interview(mixed, BANK, [], seed=1)
    assert [next(q["kind"] for q in BANK if q["id"] == qid) for qid in plan] == ["behavioral", "coding"]


class Crash(BaseException):
    """The process dying at an exact point (not an error the engine handles)."""


def crash_when(predicate):
    def listener(event):
        if predicate(event):
            raise Crash
    return listener


def reopen(interview_id):
    return InterviewSession(interview_id, bank=BANK, run_code=run_code, clock=Clock())


def test_crash_while_the_interviewer_is_thinking_keeps_the_answer_scored(db, profile):
    class DyingModel(GarbageModel):
        def phrase_follow_up(self, *a, **k):
            raise Crash  # mid-generation
    s, _ = make_session(profile, count=1)
    s.model = DyingModel()
    s.start(["t-beh-1"])
    with pytest.raises(Crash):
        s.answer_text(STRONG)
    assert service.mark_interrupted() == 1  # the half-written follow-up
    again = reopen(s.interview_id)
    assert again.state.progress[0].answers and again.state.progress[0].follow_ups == 1
    again.start()
    again.command("end")
    q = service.get_report(s.interview_id)["data"]["questions"][0]
    structure = next(sig for sig in q["signals"] if sig["kind"] == "structure")
    assert structure["score"] is not None and structure["evidence"]["word_count"] > 40


def test_crash_right_after_the_greeting_resumes_the_same_plan(db, profile):
    s, _ = make_session(profile, count=2)
    s.subscribe(crash_when(lambda e: e.kind == "message" and e.data["message"]["kind"] == "intro"))
    with pytest.raises(Crash):
        s.start(["t-beh-2", "t-beh-1"])
    again = reopen(s.interview_id)
    again.start()  # no plan given: the saved one is used
    assert again.current_question["id"] == "t-beh-2"
    assert [m["kind"] for m in service.load_transcript(s.interview_id)].count("intro") == 1


def test_crash_while_asking_the_next_question_loses_no_row(db, profile):
    s, _ = make_session(profile, count=2)
    s.start(["t-beh-1", "t-beh-2"])
    s.subscribe(crash_when(lambda e: e.kind == "message" and e.data["message"]["kind"] == "question"))
    with pytest.raises(Crash):
        s.command("skip")
    again = reopen(s.interview_id)
    assert again.state.index == 1 and again.state.progress[0].skipped
    again.start()
    again.answer_text(STRONG)
    again.command("end")
    report = service.get_report(s.interview_id)["data"]["questions"]
    assert [q["qid"] for q in report] == ["t-beh-1", "t-beh-2"] and report[0]["skipped"]


def test_crash_during_wrap_up_is_finished_on_resume_without_duplicates(db, profile):
    s, _ = make_session(profile, count=1)
    s.start(["t-beh-1"])
    s.answer_text(STRONG)
    s.subscribe(crash_when(lambda e: e.kind == "status" and e.data["text"] == "scoring…"))
    with pytest.raises(Crash):
        s.command("end")
    assert service.get_report(s.interview_id) is None
    again = reopen(s.interview_id)
    again.start()
    assert again.phase == Phase.DONE
    assert service.get_interview(s.interview_id)["status"] == "completed"
    kinds = [e["kind"] for e in service.evaluations(s.interview_id)]
    assert sorted(kinds) == ["delivery", "structure"]  # one set, not two


def test_code_cannot_be_submitted_after_the_end(db, profile):
    s, events = make_session(profile, mode="Technical/Coding", count=1)
    s.start(["t-code-1"])
    s.command("end")
    assert s.submit_code(CODING["solution"]["python"]) is None
    assert s.phase == Phase.DONE and events[-1].kind == "error"
    assert service.code_submissions(s.interview_id) == []


def test_a_runner_failure_is_not_the_candidates_fault(db, profile):
    def broken_runner(problem, code, language):
        return {"verdict": "Internal Error", "passed": 0, "total": 3, "tests": [],
                "message": "sandbox could not start"}
    s, _ = make_session(profile, mode="Technical/Coding", count=1)
    s.run_code = broken_runner
    s.start(["t-code-1"])
    s.submit_code(CODING["solution"]["python"])
    said = service.load_transcript(s.interview_id)[-1]["content"]
    assert "runner failed" in said and "not judged" in said
    s.command("end")
    q = service.get_report(s.interview_id)["data"]["questions"][0]
    assert q["score"] is None  # not judged: missing, not 0
