"""`perfect-pitch transcribe` and `perfect-pitch interview`: the engine in a terminal.

A scripted interview takes its answers from files in order: `.wav` (spoken,
transcribed), `.txt` (typed; a file holding just /hint, /skip, /repeat or
/end gives that command) and `.py` (code submitted for a coding question).
Without --answer it is interactive: type answers; /hint /skip /repeat /end;
`/code FILE` submits a file. The session is saved as the window saves it.
"""
from __future__ import annotations

import sys
from pathlib import Path

from desktop.core import paths

from .output import print_json

MODES = {"behavioral": "Behavioral", "technical": "Technical/Coding",
         "system_design": "System Design", "mixed": "Mixed"}
SLASH = {"/hint": "hint", "/skip": "skip", "/repeat": "repeat", "/end": "end"}


def register(sub) -> None:
    t = sub.add_parser("transcribe", help="transcribe an audio file with the local Whisper model")
    t.add_argument("file")
    t.add_argument("--context", help="text that biases recognition (the question, terms)")
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=cmd_transcribe)

    i = sub.add_parser("interview", help="run an interview in the terminal (scripted or interactive)")
    i.add_argument("--mode", choices=sorted(MODES), default="behavioral")
    i.add_argument("--skills", default="", help="comma-separated skills, e.g. Python,Algorithms")
    i.add_argument("--questions", type=int, default=2)
    i.add_argument("--difficulty", choices=("easy", "medium", "hard"), default="medium")
    i.add_argument("--minutes", type=float, help="time budget for the whole interview")
    i.add_argument("--answer", action="append", default=[], metavar="FILE",
                   help=".wav, .txt or .py; repeat for each turn")
    i.add_argument("--profile", default="cli", help="local profile name (created if new)")
    i.add_argument("--title", default="")
    i.add_argument("--seed", type=int, help="question choice seed (repeatable runs)")
    i.add_argument("--question", action="append", default=[], metavar="ID",
                   help="ask this bank question (repeatable); default: chosen by mode and skills")
    i.add_argument("--no-model", action="store_true", help="deterministic interviewer, no LLM")
    i.add_argument("--resume", type=int, metavar="ID", help="continue a saved interview")
    i.add_argument("--json", action="store_true")
    i.set_defaults(func=cmd_interview)


def cmd_transcribe(args) -> int:
    from desktop.core.audio import AudioError
    from desktop.core.model_store import ModelProblem
    from desktop.core.stt import SpeechToText

    from .output import ProgressLine

    line = ProgressLine()
    try:
        tr = SpeechToText().transcribe(args.file, context=args.context,
                                       progress=lambda f, _seg: line("transcribing", int(f * 1000), 1000))
    except (AudioError, ModelProblem) as exc:
        print(f"Cannot transcribe {args.file}: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print_json(tr.as_dict())
    else:
        print(tr.text if not tr.heard_nothing else "(nothing was heard)")
        print(f"\n{tr.duration:.1f} s of audio in {tr.seconds_taken:.1f} s "
              f"({len(tr.words)} words, language {tr.language})", file=sys.stderr)
    return 0


class TerminalView:
    """Prints the session's events as a transcript (tokens as they stream)."""

    def __init__(self, stream=None, quiet: bool = False):
        self.stream = stream or sys.stdout
        self.quiet = quiet
        self.streaming: int | None = None

    def __call__(self, event) -> None:
        if self.quiet:
            return
        kind, data = event.kind, event.data
        if kind == "token":
            if self.streaming != data["message_id"]:
                self.streaming = data["message_id"]
                self.stream.write("\nInterviewer (draft): ")
            self.stream.write(data["text"])
            self.stream.flush()
        elif kind in ("message", "message_updated"):
            msg = data["message"]
            if msg["status"] == "processing":
                return
            if self.streaming == msg["id"]:
                self.stream.write("\n")
                self.streaming = None
            who = "Interviewer" if msg["role"] == "assistant" else "You"
            if msg["status"] == "failed":
                self.stream.write(f"\n[{who}: {msg['meta'].get('error', 'failed')}]\n")
            else:
                self.stream.write(f"\n{who}: {msg['content']}\n")
        elif kind == "code_result":
            self.stream.write("\n" + format_code_result(data["result"]) + "\n")
        elif kind == "error":
            self.stream.write(f"\n[!] {data['message']}\n")
        elif kind == "report":
            self.stream.write("\n" + format_report(data["report"]) + "\n")
        self.stream.flush()


def format_code_result(result: dict) -> str:
    lines = [f"Tests: {result['verdict']} ({result['passed']}/{result['total']} passed)"]
    if result.get("message"):
        lines.append(f"  {result['message']}")
    for t in result.get("tests", []):
        mark = "ok " if t.get("passed") else "XX "
        if t.get("hidden"):
            lines.append(f"  {mark} hidden test {t.get('name', '')}: {t.get('verdict')}")
        else:
            lines.append(f"  {mark} {t.get('name', '')} input={t.get('input')} expected={t.get('expected')} "
                         f"actual={t.get('actual')} [{t.get('verdict')}]")
    return "\n".join(lines)


def format_report(report: dict) -> str:
    data = report["data"]
    score = report["overall_score"]
    out = ["=" * 60, "REPORT", "=" * 60,
           f"Overall: {'—' if score is None else f'{score:.1f}/10'}", report["summary"], ""]
    for q in data["questions"]:
        s = "missing" if q["score"] is None else f"{q['score']:.1f}"
        out.append(f"- {q['title']} [{q['kind']}]: {s}" + (" (skipped)" if q["skipped"] else ""))
        for sig in q["signals"]:
            val = "missing" if sig["score"] is None else f"{sig['score']:.1f}"
            out.append(f"    {sig['kind']}: {val}  {_brief(sig['evidence'])}")
        if q.get("model_judgement"):
            mj = q["model_judgement"]
            out.append(f"    model's opinion ({mj['model_id']}): {mj.get('score')}/5 — {mj.get('summary', '')}")
    if data["strengths"]:
        out += ["", "Strengths:"] + [f"  + {s}" for s in data["strengths"]]
    if data["improvements"]:
        out += ["", "To improve:"] + [f"  - {s}" for s in data["improvements"]]
    out += ["", data["scoring_note"]]
    return "\n".join(out)


def _brief(evidence: dict) -> str:
    keep = ("reason", "passed", "total", "best_verdict", "missing_parts", "word_count",
            "words_per_minute", "filler_words", "hints_used")
    return ", ".join(f"{k}={evidence[k]}" for k in keep if k in evidence and evidence[k] not in ({}, []))


def _open_db():
    """Exclusive, as the window opens it: one process drives an interview."""
    from db import open_database
    return open_database(paths.database_path(), exclusive=True)


def build_session(interview_id: int, *, want_model: bool, want_stt: bool, seed: int | None = None):
    """An InterviewSession wired to the real bank, runner and (optionally) models."""
    from db import service
    from desktop.core import bank
    from desktop.core.engine import InterviewSession
    from desktop.core.runner import run_submission

    bank.sync_builtin()
    model = stt = None
    if want_model:
        model = load_interviewer_model()
    if want_stt:
        from desktop.core.stt import SpeechToText
        stt = SpeechToText().load()

    def run_code(problem, code, language):
        return run_submission(problem, code, language).as_dict()

    return InterviewSession(interview_id, bank=service.bank_records(), model=model, stt=stt,
                            run_code=run_code, seed=seed)


def load_interviewer_model():
    """The default (or configured) LLM behind the engine's model port; None,
    with a note on stderr, when it cannot be loaded."""
    from desktop.core import model_store
    from desktop.core.engine.model_port import InterviewerModel
    from desktop.core.llm import LanguageModel
    from desktop.core.settings import Settings
    name = Settings().get("models/llm") or model_store.DEFAULT_LLM
    try:
        return InterviewerModel(LanguageModel(name))
    except Exception as exc:  # noqa: BLE001 - the interview works without it
        print(f"[!] Interviewer model unavailable ({exc}); using the standard questions.",
              file=sys.stderr)
        return None


def new_interview(args) -> int:
    from db import service
    from desktop.core import bank
    from desktop.core.engine.session import plan_interview

    profile = service.create_profile(args.profile)
    skills = [s.strip() for s in args.skills.split(",") if s.strip()]
    type_name = MODES[args.mode]
    if not skills:
        skills = next(t["suggested_skills"] for t in service.interview_types() if t["name"] == type_name)
    interview = service.create_interview(
        profile["id"], args.title or f"{type_name} practice", type_name, skills,
        question_count=args.questions, difficulty=args.difficulty,
        time_budget_s=int(args.minutes * 60) if args.minutes else None)
    bank.sync_builtin()
    if args.question:
        return interview["id"], list(args.question)
    plan = plan_interview(interview, service.bank_records(), service.recent_qids(profile["id"]),
                          seed=args.seed)
    return interview["id"], plan


def _unknown_questions(qids: list[str]) -> list[str]:
    from db import service
    from desktop.core import bank
    if not qids:
        return []
    bank.sync_builtin()
    known = {q["id"] for q in service.bank_records()}
    return [q for q in qids if q not in known]


def _feed(session, path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix == ".wav":
        session.answer_audio(str(path), recording_path=str(path.resolve()))
    elif suffix == ".py":
        session.submit_code(path.read_text(encoding="utf-8", errors="replace"), "python")
    else:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        if text in SLASH:
            session.command(SLASH[text])
        else:
            session.answer_text(text)


def cmd_interview(args) -> int:
    from db import DataError, close_database, service
    from desktop.core.engine import Phase

    for f in args.answer:
        if not Path(f).is_file():
            print(f"No such answer file: {f}", file=sys.stderr)
            return 2
    try:
        database = _open_db()
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        service.mark_interrupted()
        if args.resume:
            try:
                service.get_interview(args.resume)
            except DataError as exc:
                print(exc, file=sys.stderr)
                return 2
            interview_id, plan = args.resume, None
        else:
            unknown = _unknown_questions(args.question)
            if unknown:
                print(f"Not in the question bank: {', '.join(unknown)} "
                      "(see `perfect-pitch problems list`).", file=sys.stderr)
                return 2
            interview_id, plan = new_interview(args)
        spoken = any(f.lower().endswith(".wav") for f in args.answer)
        session = build_session(interview_id, want_model=not args.no_model,
                                want_stt=spoken, seed=args.seed)
        session.subscribe(TerminalView(quiet=args.json))
        try:
            session.start(plan)
        except ValueError as exc:
            print(f"Cannot start the interview: {exc}", file=sys.stderr)
            return 2
        if args.answer:
            for f in args.answer:
                if session.phase == Phase.DONE:
                    print(f"[!] The interview is over; {f} was not used.", file=sys.stderr)
                    continue
                _feed(session, Path(f))
            if session.phase != Phase.DONE:
                session.command("end")
        else:
            _interactive(session)
        if args.json:
            print_json({"interview_id": interview_id,
                        "messages": service.load_transcript(interview_id),
                        "submissions": service.code_submissions(interview_id),
                        "report": service.get_report(interview_id)})
        else:
            print(f"\nSaved as interview {interview_id} in {paths.database_path()}")
        return 0
    finally:
        close_database(database)


def _interactive(session) -> None:
    from desktop.core.engine import Phase

    print("\nType your answer and press Enter. Commands: /hint /repeat /skip /end, "
          "/code FILE to run a solution.\n")
    while session.phase != Phase.DONE:
        try:
            line = input("> ").strip()
        except EOFError:
            session.pause()
            print("\nPaused; resume with --resume", session.interview_id)
            return
        if not line:
            continue
        if line in SLASH:
            session.command(SLASH[line])
        elif line.startswith("/code "):
            path = Path(line[6:].strip()).expanduser()
            if path.is_file():
                session.submit_code(path.read_text(encoding="utf-8", errors="replace"))
            else:
                print(f"No such file: {path}")
        else:
            session.answer_text(line)


DEMO_ANSWER = ("At my previous job our checkout service was failing about 5 percent of payments "
               "during peak hours. I was responsible for finding the cause within a week. "
               "I decided to add tracing, found a connection pool limit, and I proposed a fix "
               "with a retry budget. As a result, failures dropped to 0.1 percent and we saved "
               "about 20 thousand dollars a month.")


def run_demo() -> int:
    """A short scripted interview (one behavioral, one coding question) for
    machines with no display; the candidate's side is played by the script."""
    from db import close_database, service
    from desktop.core import bank
    from desktop.core.engine import Phase

    database = _open_db()
    try:
        profile = service.create_profile("demo")
        interview = service.create_interview(profile["id"], "Demo interview", "Mixed",
                                             ["Problem Solving", "Python"], question_count=2)
        bank.sync_builtin()
        records = service.bank_records()
        behavioral = next(q for q in records if q["kind"] == "behavioral")
        coding = next(q for q in records if q["kind"] == "coding" and q["difficulty"] == "easy")
        session = build_session(interview["id"], want_model=True, want_stt=False, seed=1)
        session.subscribe(TerminalView())
        session.start([behavioral["id"], coding["id"]])
        session.answer_text(DEMO_ANSWER)
        while session.phase == Phase.FOLLOW_UP and session.current_question["kind"] == "behavioral":
            session.answer_text("We measured it on the dashboard for a month; the on-call pages "
                                "went from 12 a week to 1.")
        if session.phase != Phase.DONE and session.current_question["kind"] == "coding":
            print("\n(The demo candidate submits the reference solution.)")
            session.submit_code(coding["solution"]["python"])
        if session.phase != Phase.DONE:
            session.command("end")
        print(f"\nDemo saved as interview {interview['id']} in {paths.database_path()}. "
              "Open it in the window to review it.")
        return 0
    finally:
        close_database(database)
