"""One interview's controller: the desktop form of the seeds' per-interview
Durable Object. It owns the engine state, commits every step to the
database as it happens, and tells every listener (window, timeline, review
window, terminal) through events.

All methods are synchronous and may be slow (transcription, generation,
code runs): the window calls them on its worker thread, the CLI directly.
"""
from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from db import service

from . import flow, scoring, texts
from .report import build_report
from .state import MAX_HINTS, EngineState, Phase, QuestionProgress

COMMANDS = ("repeat", "hint", "skip", "end")
DEFAULT_QUESTION_TIME_S = 8 * 60


@dataclass
class SessionEvent:
    kind: str  # message | message_updated | token | phase | code_result | status | report | error
    data: dict = field(default_factory=dict)


Listener = Callable[[SessionEvent], None]


class InterviewSession:
    def __init__(self, interview_id: int, *, bank: list[dict], model=None, stt=None,
                 run_code: Callable | None = None, clock: Callable[[], float] = time.monotonic,
                 seed: int | None = None):
        """bank: question records (see resources/questions/FORMAT.md).
        model: an InterviewerModel (engine/model_port.py) or None for the
        purely deterministic interviewer. stt: a SpeechToText or None.
        run_code: runner function (problem, code, language) -> result dict."""
        self.interview_id = interview_id
        self.bank = {q["id"]: q for q in bank}
        self.model = model
        self.stt = stt
        self.run_code = run_code
        self.clock = clock
        self.listeners: list[Listener] = []
        # Set by cancel(): a running transcription or generation stops early.
        self.cancel_event = threading.Event()
        self.interview = service.get_interview(interview_id)
        self.state = EngineState.from_json(self.interview["state"])
        self._restore_from_rows()
        if seed is not None and not self.state.plan:
            self.state.seed = seed
        self._run_started = clock()
        self._question_started = clock()

    def _restore_from_rows(self) -> None:
        """What happened is read from the rows each step committed (questions
        asked, answers, code runs, hints, skips); the saved state adds only
        what rows do not hold (plan, phase, seed, time, probes used). So a
        crash between a row and the next state save loses nothing."""
        rows = service.interview_questions(self.interview_id)
        if not rows:
            return
        saved = {p.iq_id: p for p in self.state.progress}
        transcript = service.load_transcript(self.interview_id)
        submissions = service.code_submissions(self.interview_id)
        progress = []
        for row in rows:
            old = saved.get(row["id"])
            progress.append(QuestionProgress(
                qid=row["qid"], iq_id=row["id"], follow_ups=row["follow_ups"],
                hints=row["hints_used"], skipped=row["skipped"],
                answers=[m["id"] for m in transcript if m["interview_question_id"] == row["id"]
                         and m["kind"] == "answer" and m["status"] == "completed"],
                submissions=[x["id"] for x in submissions if x["interview_question_id"] == row["id"]],
                elapsed_s=old.elapsed_s if old else 0.0,
                asked_probes=list(old.asked_probes) if old else []))
        self.state.progress = progress
        if self.state.index != len(progress) - 1 and self.state.phase not in (Phase.WRAP_UP, Phase.DONE):
            # A crash after a question row was written but before the state was saved.
            self.state.index = len(progress) - 1
            self.state.phase = Phase.QUESTION

    # --- events ------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self.listeners.append(listener)

    def _emit(self, kind: str, **data: Any) -> None:
        event = SessionEvent(kind, data)
        for listener in list(self.listeners):
            listener(event)

    def _say(self, content: str, kind: str, *, meta: dict | None = None) -> dict:
        msg = service.add_message(self.interview_id, "assistant", content, kind=kind, meta=meta,
                                  interview_question_id=self._iq_id())
        self._emit("message", message=msg)
        return msg

    def _iq_id(self) -> int | None:
        cur = self.state.current
        return cur.iq_id if cur else None

    def _save(self) -> None:
        data = self.state.to_json()
        data["elapsed_s"] = self.elapsed_s()
        if self.state.current:
            data["progress"][self.state.index]["elapsed_s"] = self.question_elapsed_s()
        service.update_interview(self.interview_id, state=data)

    def cancel(self) -> None:
        """Stop the slow step in progress (callable from any thread). Whoever
        runs the steps clears cancel_event before each one."""
        self.cancel_event.set()

    # --- time ------------------------------------------------------------------------

    def elapsed_s(self) -> float:
        return self.state.elapsed_s + (self.clock() - self._run_started)

    def question_elapsed_s(self) -> float:
        cur = self.state.current
        return (cur.elapsed_s if cur else 0.0) + (self.clock() - self._question_started)

    def question_time_budget_s(self) -> float:
        budget = self.interview["time_budget_s"]
        if budget:
            return budget / max(1, self.interview["question_count"])
        return DEFAULT_QUESTION_TIME_S

    def time_left_s(self) -> float | None:
        budget = self.interview["time_budget_s"]
        return None if not budget else budget - self.elapsed_s()

    def question_time_left_s(self) -> float:
        return self.question_time_budget_s() - self.question_elapsed_s()

    # --- the flow --------------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self.state.phase

    @property
    def current_question(self) -> dict | None:
        cur = self.state.current
        return self.bank.get(cur.qid) if cur else None

    def start(self, plan: list[str] | None = None) -> None:
        """Greet and ask the first question; or, for a saved session, resume."""
        if self.state.phase not in (Phase.SETUP,):
            return self.resume()
        if plan is None:
            raise ValueError("A new interview needs a plan (question ids).")
        missing = [q for q in plan if q not in self.bank]
        if missing or not plan:
            raise ValueError(f"Questions not in the bank: {missing or 'none planned'}")
        self.state.plan = list(plan)
        self.state.phase = Phase.INTRO
        self._save()  # the plan first: a crash after the greeting resumes this plan
        service.update_interview(self.interview_id, status="in_progress", started_at=service.utcnow())
        self._say(texts.intro(self.interview, len(plan)), "intro")
        self._next_question()

    def resume(self) -> None:
        if self.state.phase == Phase.DONE:
            return
        self._run_started = self.clock()
        self._question_started = self.clock()
        if self.state.phase == Phase.WRAP_UP:
            return self._wrap_up()  # the report was not finished: make it now
        service.update_interview(self.interview_id, status="in_progress")
        q = self.current_question
        if q is None:
            return self._next_question()
        self._say(texts.welcome_back(q), "repeat")
        self._emit_phase()

    def _emit_phase(self) -> None:
        self._emit("phase", phase=self.state.phase.value, index=self.state.index,
                   total=len(self.state.plan), question=self.current_question)

    def _next_question(self) -> None:
        cur = self.state.current
        if cur and cur.iq_id:
            service.update_interview_question(cur.iq_id, ended_at=service.utcnow())
        time_left = self.time_left_s()
        if self.state.index + 1 >= len(self.state.plan) or (time_left is not None and time_left <= 0):
            return self._wrap_up()
        self.state.index += 1
        qid = self.state.plan[self.state.index]
        iq = service.add_interview_question(self.interview_id, qid, self.state.index)
        self.state.progress.append(QuestionProgress(qid=qid, iq_id=iq["id"]))
        self.state.phase = Phase.QUESTION
        self._question_started = self.clock()
        q = self.bank[qid]
        self._say(texts.question(q, self.state.index, len(self.state.plan)), "question",
                  meta={"qid": qid, "kind": q["kind"]})
        self._save()
        self._emit_phase()

    # --- candidate input -----------------------------------------------------------

    def command(self, name: str) -> None:
        """repeat | hint | skip | end — available at any time."""
        if name not in COMMANDS:
            raise ValueError(f"Unknown command {name!r}; use one of {', '.join(COMMANDS)}.")
        if self.state.phase in (Phase.DONE, Phase.WRAP_UP, Phase.SETUP):
            return
        self._user_note(name)
        getattr(self, f"_cmd_{name}")()

    def _user_note(self, name: str) -> None:
        msg = service.add_message(self.interview_id, "user", texts.COMMAND_LABELS[name],
                                  kind="command", meta={"command": name},
                                  interview_question_id=self._iq_id())
        self._emit("message", message=msg)

    def _cmd_repeat(self) -> None:
        self._say(texts.question(self.current_question, self.state.index, len(self.state.plan),
                                 repeat=True), "repeat")

    def _cmd_hint(self) -> None:
        cur, q = self.state.current, self.current_question
        if cur.hints >= MAX_HINTS:
            self._say("That was the last hint I can give for this question.", "hint",
                      meta={"level": cur.hints, "exhausted": True})
            return
        hint = texts.hint(q, cur.hints)
        if not hint:
            self._say("I have no more hints for this one — try talking through your approach.",
                      "hint", meta={"level": cur.hints, "exhausted": True})
            return
        cur.hints += 1
        service.update_interview_question(cur.iq_id, hints_used=cur.hints)
        self._say(hint, "hint", meta={"level": cur.hints, "max": MAX_HINTS})
        self._save()

    def _cmd_skip(self) -> None:
        cur = self.state.current
        cur.skipped = True
        service.update_interview_question(cur.iq_id, skipped=True)
        self._say("No problem, let's move on.", "transition")
        self._next_question()

    def _cmd_end(self) -> None:
        self._say("Let's stop here.", "transition")
        self._wrap_up()

    def answer_text(self, text: str, *, meta: dict | None = None) -> dict | None:
        """A typed (or already transcribed) answer. Returns the committed message."""
        text = (text or "").strip()
        if self.state.phase not in (Phase.QUESTION, Phase.FOLLOW_UP):
            return None
        if not text:
            self._emit("error", message="The answer is empty: say or type something first.")
            return None
        meta = dict(meta or {})
        meta.setdefault("input", "typed")
        msg = service.add_message(self.interview_id, "user", text, kind="answer", meta=meta,
                                  interview_question_id=self._iq_id())
        self._emit("message", message=msg)
        return self._after_answer(msg)

    def answer_audio(self, audio, *, recording_path: str | None = None) -> dict | None:
        """A spoken answer: a "processing" message first (the chip the seeds
        call processing), then the transcript, then the engine's next step."""
        if self.state.phase not in (Phase.QUESTION, Phase.FOLLOW_UP):
            return None
        if self.stt is None:
            self._emit("error", message="Speech recognition is not ready yet; type the answer.")
            return None
        msg = self._voice_placeholder()
        self._emit("status", text="transcribing…")

        def progress(fraction: float, _segment) -> None:
            self._emit("status", text=f"transcribing… {int(fraction * 100)}%")

        try:
            tr = self.stt.transcribe(audio, context=texts.stt_context(self.current_question),
                                     progress=progress, cancel=self.cancel_event)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the message kept
            msg = service.update_message(msg["id"], status="failed",
                                         meta={"input": "voice", "error": str(exc)})
            self._emit("message_updated", message=msg)
            self._emit("error", message=f"Transcription failed: {exc}")
            return None
        finally:
            self._emit("status", text="")
        return self._commit_transcript(msg, tr, recording_path)

    def answer_transcript(self, tr, *, recording_path: str | None = None) -> dict | None:
        """A spoken answer already transcribed while the candidate talked
        (stt.StreamingTranscriber): committed like any spoken answer."""
        if self.state.phase not in (Phase.QUESTION, Phase.FOLLOW_UP):
            return None
        return self._commit_transcript(self._voice_placeholder(), tr, recording_path)

    def stt_context(self) -> str:
        """What biases recognition of the current answer (question + vocabulary)."""
        return texts.stt_context(self.current_question)

    def _voice_placeholder(self) -> dict:
        msg = service.add_message(self.interview_id, "user", "", kind="answer", status="processing",
                                  meta={"input": "voice"}, interview_question_id=self._iq_id())
        self._emit("message", message=msg)
        return msg

    def _commit_transcript(self, msg: dict, tr, recording_path: str | None) -> dict | None:
        if recording_path:
            service.add_recording(self.interview_id, recording_path, tr.duration,
                                  message_id=msg["id"])
        meta = {"input": "voice", "words": [list(w) for w in tr.words], "duration_s": tr.duration,
                "language": tr.language, "stt_seconds": tr.seconds_taken}
        if tr.snr_db is not None:  # the review shows noisy recordings as such
            meta["snr_db"] = round(tr.snr_db, 1)
        if tr.cancelled:
            meta["error"] = "Transcription cancelled; record again or type the answer."
        elif tr.heard_nothing:
            meta["error"] = "Nothing was heard. Check the microphone, or type the answer."
        if "error" in meta:
            msg = service.update_message(msg["id"], status="failed", meta=meta)
            self._emit("message_updated", message=msg)
            if not tr.cancelled:
                self._emit("error", message=meta["error"])
            return None
        msg = service.update_message(msg["id"], content=tr.text, status="completed", meta=meta)
        self._emit("message_updated", message=msg)
        return self._after_answer(msg)

    def submit_code(self, code: str, language: str = "python") -> dict | None:
        """Run the candidate's code against the current problem's tests."""
        q = self.current_question
        if (self.state.phase not in (Phase.QUESTION, Phase.FOLLOW_UP) or q is None
                or q["kind"] != "coding" or self.run_code is None):
            self._emit("error", message="There is no coding question to run code against.")
            return None
        self._emit("status", text="running tests…")
        try:
            result = self.run_code(q, code, language)
        finally:
            self._emit("status", text="")
        cur = self.state.current
        sub = service.add_code_submission(
            self.interview_id, language, code, verdict=result["verdict"], passed=result["passed"],
            total=result["total"], results=result.get("tests", []),
            run_time_ms=result.get("run_time_ms"), peak_memory_kb=result.get("peak_memory_kb"),
            interview_question_id=cur.iq_id)
        cur.submissions.append(sub["id"])
        self._emit("code_result", submission=sub, result=result)
        decision = flow.after_code_run(q, result, cur.follow_ups, cur.asked_probes)
        if decision.reason == "runner failed":
            self._say(decision.probe, "transition")  # not the candidate's turn to explain
            return sub
        self._act(decision, q, answer="")
        return sub

    # --- the engine's turn -------------------------------------------------------------

    def _after_answer(self, msg: dict) -> dict:
        cur, q = self.state.current, self.current_question
        cur.answers.append(msg["id"])
        structure = None
        if q["kind"] != "coding":
            structure = scoring.content(q, self._answer_text(cur))
        decision = flow.after_answer(q, cur.follow_ups, cur.asked_probes, structure,
                                     self.question_time_left_s(), self.time_left_s())
        if q["kind"] == "coding" and decision.action == "follow_up" and not cur.submissions:
            decision = flow.Decision("follow_up", reason="no code yet",
                                     probe=texts.CODE_NUDGE)
        self._act(decision, q, answer=msg["content"])
        return msg

    def _answer_text(self, cur: QuestionProgress) -> str:
        by_id = {m["id"]: m for m in service.load_transcript(self.interview_id)
                 if m["id"] in set(cur.answers)}
        return "\n".join(by_id[i]["content"] for i in cur.answers if i in by_id)

    def _act(self, decision: flow.Decision, q: dict, answer: str) -> None:
        cur = self.state.current
        if decision.action == "follow_up":
            cur.follow_ups += 1
            cur.asked_probes.append(decision.probe)
            service.update_interview_question(cur.iq_id, follow_ups=cur.follow_ups)
            self.state.phase = Phase.FOLLOW_UP
            self._interviewer_says(decision.probe, q, answer, kind="follow_up")
            self._save()
            return
        if decision.probe:
            self._say(decision.probe, "transition")
        self._next_question()

    def _interviewer_says(self, probe: str, q: dict, answer: str, kind: str) -> dict:
        """The deterministic probe, reworded by the model when it produces a
        valid, relevant question; tokens stream to listeners as they come."""
        if self.model is None or not answer:
            return self._say(probe, kind, meta={"source": "engine"})
        msg = service.add_message(self.interview_id, "assistant", "", kind=kind,
                                  status="processing", interview_question_id=self._iq_id())
        self._emit("message", message=msg)
        self._emit("status", text="thinking…")
        cur_follow_ups = self.state.current.follow_ups

        def on_token(tok: str) -> None:
            self._emit("token", message_id=msg["id"], text=tok)

        try:
            wording, gen = self.model.phrase_follow_up(q, answer, probe, on_token=on_token,
                                                       seed=self.state.seed + cur_follow_ups,
                                                       cancel=self.cancel_event)
        except Exception as exc:  # noqa: BLE001 - the deterministic probe still works
            wording, gen = None, None
            self._emit("error", message=f"The model failed ({exc}); using the standard question.")
        finally:
            self._emit("status", text="")
        if gen is not None:
            service.add_generation("follow_up", gen["model_id"], gen["prompt_hash"], gen["seed"],
                                   gen["temperature"], gen["output"], valid=wording is not None,
                                   interview_id=self.interview_id, message_id=msg["id"])
        source = "model" if wording else "engine"
        msg = service.update_message(msg["id"], content=wording or probe, status="completed",
                                     meta={"source": source, "probe": probe})
        self._emit("message_updated", message=msg)
        return msg

    # --- the end ---------------------------------------------------------------------

    def _wrap_up(self) -> None:
        cur = self.state.current
        if cur and cur.iq_id:
            service.update_interview_question(cur.iq_id, ended_at=service.utcnow())
        self.state.phase = Phase.WRAP_UP
        self._save()
        self._emit_phase()
        self._emit("status", text="scoring…")
        report = build_report(self.interview_id, self.bank, self.state, self.model)
        self._emit("status", text="")
        self._say(texts.outro(self.interview, report), "outro")
        self.state.phase = Phase.DONE
        elapsed = self.elapsed_s()
        self._save()
        service.update_interview(self.interview_id, status="completed", ended_at=service.utcnow(),
                                 duration_s=round(elapsed, 1))
        self._emit("report", report=report)
        self._emit_phase()

    def pause(self) -> None:
        """Save elapsed time (window closed mid-interview); resume() continues.
        Call it on the thread that runs the session's other steps."""
        if self.state.phase not in (Phase.DONE, Phase.SETUP):
            cur = self.state.current
            if cur:
                cur.elapsed_s = self.question_elapsed_s()
            self.state.elapsed_s = self.elapsed_s()
            self._run_started = self.clock()
            self._question_started = self.clock()
            self._save()


def plan_interview(interview: dict, bank: list[dict], recent: list[str], seed: int | None = None) -> list[str]:
    """Choose question ids for an interview (mode, skills, difficulty, history)."""
    from desktop.core.bank import select_questions

    kinds = {"behavioral": ["behavioral"], "technical": ["coding"],
             "system_design": ["system_design"], "mixed": ["behavioral", "coding"]}[interview["mode"]]
    count = interview["question_count"]
    rng_seed = seed if seed is not None else random.randrange(1 << 30)
    skills = list(interview["skills"]) + skills_in_text(interview.get("job_description", ""), bank)
    if len(kinds) == 1:
        picked = select_questions(bank, kinds, skills, interview["difficulty"], count,
                                  recent, rng_seed)
        return [q["id"] for q in picked]
    # mixed: alternate, starting with a behavioral question
    per_kind = {k: select_questions(bank, [k], skills, interview["difficulty"],
                                    count, recent, rng_seed) for k in kinds}
    plan = []
    for i in range(count):
        pool = per_kind[kinds[i % len(kinds)]]
        if pool:
            plan.append(pool.pop(0)["id"])
    return plan


def skills_in_text(text: str, bank: list[dict]) -> list[str]:
    """Bank skills a job description mentions, so its questions lean that way."""
    low = f" {' '.join(text.lower().split())} "
    known = {s for q in bank for s in q.get("skills", [])}
    return sorted(s for s in known if f" {s.lower()} " in low or f" {s.lower()}," in low)
