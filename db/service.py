"""The service API: the only way the app (UI, engine, CLI) touches the database.

Functions return plain dicts/dataclasses-friendly values, never open cursors,
so callers on any thread can use the results freely. Writes that belong
together run in one transaction.
"""
from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from contextlib import contextmanager
from typing import Any, Iterable

import peewee
from peewee import JOIN, fn

from . import errors
from .models import (
    CodeSubmission, Evaluation, Generation, Interview, InterviewQuestion, InterviewSkill,
    InterviewType, InterviewTypeSuggestedSkill, Message, Question, Recording, Report,
    ReviewNote, Skill, User, database_proxy, utcnow,
)

MESSAGE_STATUSES = ("processing", "completed", "failed", "interrupted")
INTERVIEW_STATUSES = ("created", "in_progress", "completed", "interrupted")
MAX_USERNAME = 40


@contextmanager
def _writing():
    """One transaction; a full disk becomes a clear DiskFull and rolls back."""
    try:
        with database_proxy.atomic():
            yield
    except (sqlite3.OperationalError, peewee.OperationalError) as exc:
        if "full" in str(exc).lower():
            raise errors.DiskFull("The disk is full: the last change was not saved "
                                  "(everything saved before it is intact).") from None
        raise


def _loads(text: str | None, default):
    try:
        return json.loads(text) if text else default
    except ValueError:
        return default


# --- profiles -----------------------------------------------------------------

def create_profile(username: str) -> dict:
    name = " ".join((username or "").split())
    if not name:
        raise ValueError("A profile name cannot be empty.")
    if len(name) > MAX_USERNAME:
        raise ValueError(f"A profile name can be at most {MAX_USERNAME} characters.")
    with _writing():
        user, _ = User.get_or_create(username=name)
        user.last_used_at = utcnow()
        user.save()
    return _user_dict(user)


def list_profiles() -> list[dict]:
    return [_user_dict(u) for u in User.select().order_by(User.last_used_at.desc())]


def touch_profile(user_id: int) -> None:
    with _writing():
        User.update(last_used_at=utcnow()).where(User.id == user_id).execute()


def _user_dict(u: User) -> dict:
    return {"id": u.id, "username": u.username, "last_used_at": u.last_used_at}


# --- types and skills ---------------------------------------------------------

def interview_types() -> list[dict]:
    suggested: dict[int, list[str]] = {}
    query = (InterviewTypeSuggestedSkill.select(InterviewTypeSuggestedSkill.interview_type, Skill.name)
             .join(Skill).order_by(Skill.name).tuples())
    for type_id, skill in query:
        suggested.setdefault(type_id, []).append(skill)
    return [{"id": t.id, "name": t.name, "mode": t.mode, "description": t.description,
             "suggested_skills": suggested.get(t.id, [])}
            for t in InterviewType.select().order_by(InterviewType.id)]


def list_skills() -> list[str]:
    return [s for (s,) in Skill.select(Skill.name).order_by(Skill.name).tuples()]


# --- interviews ---------------------------------------------------------------

def create_interview(user_id: int, title: str, type_name: str, skills: Iterable[str] = (),
                     *, question_count: int = 3, time_budget_s: int | None = None,
                     difficulty: str = "medium", job_title: str = "", job_description: str = "",
                     persona: str = "neutral") -> dict:
    itype = InterviewType.get_or_none(InterviewType.name == type_name)
    if itype is None:
        known = ", ".join(t["name"] for t in interview_types())
        raise ValueError(f"Unknown interview type {type_name!r}; known: {known}.")
    skill_names = sorted({" ".join(s.split()) for s in skills if s and s.strip()})
    with _writing():
        interview = Interview.create(
            user=user_id, interview_type=itype, title=title.strip() or itype.name,
            mode=itype.mode, question_count=max(1, int(question_count)),
            time_budget_s=time_budget_s, difficulty=difficulty, job_title=job_title,
            job_description=job_description, persona=persona)
        for name in skill_names:
            skill, _ = Skill.get_or_create(name=name)
            InterviewSkill.create(interview=interview, skill=skill)
    return get_interview(interview.id)


def get_interview(interview_id: int) -> dict:
    iv = Interview.get_or_none(Interview.id == interview_id)
    if iv is None:
        raise errors.NotFound(f"Interview {interview_id} does not exist.")
    row = _interview_row(iv)
    row["skills"] = _skills_for([iv.id]).get(iv.id, [])
    return row


def _interview_row(iv: Interview) -> dict:
    return {
        "id": iv.id, "user_id": iv.user_id, "title": iv.title, "mode": iv.mode,
        "type": iv.interview_type.name if iv.interview_type_id else None,
        "status": iv.status, "difficulty": iv.difficulty, "question_count": iv.question_count,
        "time_budget_s": iv.time_budget_s, "job_title": iv.job_title,
        "job_description": iv.job_description, "persona": iv.persona,
        "state": _loads(iv.state_json, {}), "overall_score": iv.overall_score,
        "created_at": iv.created_at, "started_at": iv.started_at, "ended_at": iv.ended_at,
        "duration_s": iv.duration_s, "deleted": iv.deleted_at is not None,
    }


def _skills_for(interview_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if not interview_ids:
        return out
    query = (InterviewSkill.select(InterviewSkill.interview, Skill.name).join(Skill)
             .where(InterviewSkill.interview.in_(interview_ids)).order_by(Skill.name).tuples())
    for iid, name in query:
        out.setdefault(iid, []).append(name)
    return out


def _interview_filter(user_id, search, type_name, skill, status):
    cond = (Interview.user == user_id) & Interview.deleted_at.is_null()
    if search:
        cond &= Interview.title.contains(search.strip())
    if type_name:
        cond &= InterviewType.name == type_name
    if status:
        cond &= Interview.status == status
    if skill:
        cond &= Interview.id.in_(InterviewSkill.select(InterviewSkill.interview).join(Skill)
                                 .where(Skill.name == skill))
    return cond


def list_interviews(user_id: int, *, search: str = "", type_name: str = "", skill: str = "",
                    status: str = "", page: int = 0, page_size: int = 50) -> list[dict]:
    """One dashboard page, newest first."""
    query = (Interview.select(Interview, InterviewType)
             .join(InterviewType, JOIN.LEFT_OUTER)
             .where(_interview_filter(user_id, search, type_name, skill, status))
             .order_by(Interview.created_at.desc(), Interview.id.desc())
             .limit(page_size).offset(page * page_size))
    rows = [_interview_row(iv) for iv in query]
    skills = _skills_for([r["id"] for r in rows])
    for r in rows:
        r["skills"] = skills.get(r["id"], [])
    return rows


def count_interviews(user_id: int, *, search: str = "", type_name: str = "", skill: str = "",
                     status: str = "") -> int:
    return (Interview.select().join(InterviewType, JOIN.LEFT_OUTER)
            .where(_interview_filter(user_id, search, type_name, skill, status)).count())


def score_history(user_id: int) -> list[tuple]:
    """(ended_at, overall_score) of finished, scored interviews, oldest first."""
    return list(Interview.select(Interview.ended_at, Interview.overall_score)
                .where((Interview.user == user_id) & Interview.deleted_at.is_null()
                       & Interview.overall_score.is_null(False))
                .order_by(Interview.ended_at).tuples())


def update_interview(interview_id: int, **fields: Any) -> None:
    allowed = {"status", "state", "overall_score", "started_at", "ended_at", "duration_s", "title"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"Cannot update {sorted(unknown)}")
    if "status" in fields and fields["status"] not in INTERVIEW_STATUSES:
        raise ValueError(f"Unknown interview status {fields['status']!r}")
    if "state" in fields:
        fields["state_json"] = json.dumps(fields.pop("state"))
    with _writing():
        Interview.update(**fields).where(Interview.id == interview_id).execute()


def delete_interview(interview_id: int) -> None:
    """Soft delete: hidden from lists, restorable with restore_interview (undo)."""
    with _writing():
        Interview.update(deleted_at=utcnow()).where(Interview.id == interview_id).execute()


def restore_interview(interview_id: int) -> None:
    with _writing():
        Interview.update(deleted_at=None).where(Interview.id == interview_id).execute()


def purge_deleted() -> int:
    with _writing():
        return Interview.delete().where(Interview.deleted_at.is_null(False)).execute()


# --- messages -----------------------------------------------------------------

def add_message(interview_id: int, role: str, content: str = "", *, kind: str = "chat",
                status: str = "completed", meta: dict | None = None,
                interview_question_id: int | None = None) -> dict:
    if status not in MESSAGE_STATUSES:
        raise ValueError(f"Unknown message status {status!r}")
    with _writing():
        msg = Message.create(interview=interview_id, role=role, content=content, kind=kind,
                             status=status, meta_json=json.dumps(meta or {}),
                             interview_question=interview_question_id)
    return _message_dict(msg)


def update_message(message_id: int, *, content: str | None = None, status: str | None = None,
                   meta: dict | None = None) -> dict:
    fields: dict[str, Any] = {"updated_at": utcnow()}
    if content is not None:
        fields["content"] = content
    if status is not None:
        if status not in MESSAGE_STATUSES:
            raise ValueError(f"Unknown message status {status!r}")
        fields["status"] = status
    if meta is not None:
        fields["meta_json"] = json.dumps(meta)
    with _writing():
        Message.update(**fields).where(Message.id == message_id).execute()
    return _message_dict(Message.get_by_id(message_id))


def _message_dict(m: Message) -> dict:
    return {"id": m.id, "interview_id": m.interview_id, "role": m.role, "kind": m.kind,
            "content": m.content, "status": m.status, "meta": _loads(m.meta_json, {}),
            "interview_question_id": m.interview_question_id,
            "created_at": m.created_at, "updated_at": m.updated_at}


def load_transcript(interview_id: int) -> list[dict]:
    """All messages of an interview in order."""
    cursor = database_proxy.execute_sql(
        "SELECT id, interview_id, role, kind, content, status, meta_json, "
        "interview_question_id, created_at, updated_at FROM message "
        "WHERE interview_id = ? ORDER BY id", (interview_id,))
    keys = ("id", "interview_id", "role", "kind", "content", "status", "meta",
            "interview_question_id", "created_at", "updated_at")
    out = []
    for row in cursor:
        d = dict(zip(keys, row))
        d["meta"] = _loads(d["meta"], {})
        d["created_at"] = _as_datetime(d["created_at"])
        d["updated_at"] = _as_datetime(d["updated_at"])
        out.append(d)
    return out


def _as_datetime(value):
    """Raw SQL gives SQLite's text; callers get what the models give: datetimes."""
    if isinstance(value, str):
        try:
            return _dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


def mark_interrupted() -> int:
    """At start-up: work left "processing" by a crash becomes "interrupted";
    interviews left in progress stay resumable."""
    with _writing():
        return (Message.update(status="interrupted", updated_at=utcnow())
                .where(Message.status == "processing").execute())


# --- question bank ------------------------------------------------------------

def upsert_questions(pack: str, records: list[dict]) -> int:
    """Insert or replace the bank entries of one pack (validated records)."""
    rows = [{"qid": r["id"], "pack": pack, "kind": r["kind"], "title": r.get("title", ""),
             "prompt": r["prompt"], "difficulty": r.get("difficulty", "medium"),
             "skills_json": json.dumps(r.get("skills", [])), "data_json": json.dumps(r)}
            for r in records]
    with _writing():
        for chunk in range(0, len(rows), 200):
            (Question.insert_many(rows[chunk:chunk + 200])
             .on_conflict(conflict_target=[Question.qid],
                          preserve=[Question.pack, Question.kind, Question.title, Question.prompt,
                                    Question.difficulty, Question.skills_json, Question.data_json])
             .execute())
    return len(rows)


def bank_records(kind: str | None = None) -> list[dict]:
    query = Question.select(Question.data_json, Question.pack)
    if kind:
        query = query.where(Question.kind == kind)
    out = []
    for data, pack in query.order_by(Question.qid).tuples():
        rec = _loads(data, {})
        rec["pack"] = pack
        out.append(rec)
    return out


def question_id(qid: str) -> int | None:
    q = Question.get_or_none(Question.qid == qid)
    return q.id if q else None


def recent_qids(user_id: int, limit: int = 200) -> list[str]:
    """Question ids this profile was asked, most recent first."""
    query = (InterviewQuestion.select(InterviewQuestion.qid).join(Interview)
             .where(Interview.user == user_id)
             .order_by(InterviewQuestion.asked_at.desc()).limit(limit).tuples())
    return [q for (q,) in query]


def add_interview_question(interview_id: int, qid: str, position: int) -> dict:
    with _writing():
        iq = InterviewQuestion.create(interview=interview_id, qid=qid, position=position,
                                      question=question_id(qid))
    return _iq_dict(iq)


def update_interview_question(iq_id: int, **fields: Any) -> None:
    allowed = {"ended_at", "hints_used", "follow_ups", "skipped", "score"}
    if set(fields) - allowed:
        raise ValueError(f"Cannot update {sorted(set(fields) - allowed)}")
    with _writing():
        InterviewQuestion.update(**fields).where(InterviewQuestion.id == iq_id).execute()


def interview_questions(interview_id: int) -> list[dict]:
    return [_iq_dict(iq) for iq in InterviewQuestion.select()
            .where(InterviewQuestion.interview == interview_id).order_by(InterviewQuestion.position)]


def _iq_dict(iq: InterviewQuestion) -> dict:
    return {"id": iq.id, "interview_id": iq.interview_id, "qid": iq.qid, "position": iq.position,
            "asked_at": iq.asked_at, "ended_at": iq.ended_at, "hints_used": iq.hints_used,
            "follow_ups": iq.follow_ups, "skipped": bool(iq.skipped), "score": iq.score}


# --- code, scores, model outputs, reports, recordings, notes -------------------

def add_code_submission(interview_id: int, language: str, code: str, *, verdict: str,
                        passed: int, total: int, results: list, run_time_ms: float | None = None,
                        peak_memory_kb: int | None = None,
                        interview_question_id: int | None = None) -> dict:
    with _writing():
        sub = CodeSubmission.create(
            interview=interview_id, interview_question=interview_question_id, language=language,
            code=code, verdict=verdict, passed=passed, total=total,
            results_json=json.dumps(results), run_time_ms=run_time_ms,
            peak_memory_kb=peak_memory_kb)
    return _submission_dict(sub)


def code_submissions(interview_id: int) -> list[dict]:
    return [_submission_dict(s) for s in CodeSubmission.select()
            .where(CodeSubmission.interview == interview_id).order_by(CodeSubmission.id)]


def _submission_dict(s: CodeSubmission) -> dict:
    return {"id": s.id, "interview_id": s.interview_id,
            "interview_question_id": s.interview_question_id, "language": s.language,
            "code": s.code, "verdict": s.verdict, "passed": s.passed, "total": s.total,
            "results": _loads(s.results_json, []), "run_time_ms": s.run_time_ms,
            "peak_memory_kb": s.peak_memory_kb, "created_at": s.created_at}


def add_evaluation(interview_id: int, source: str, kind: str, score: float | None, data: dict,
                   *, interview_question_id: int | None = None, message_id: int | None = None,
                   model_id: str | None = None, prompt_hash: str | None = None,
                   seed: int | None = None, temperature: float | None = None) -> dict:
    if source not in ("objective", "model"):
        raise ValueError("An evaluation's source is 'objective' or 'model'.")
    with _writing():
        ev = Evaluation.create(
            interview=interview_id, interview_question=interview_question_id, message=message_id,
            source=source, kind=kind, score=score, data_json=json.dumps(data), model_id=model_id,
            prompt_hash=prompt_hash, seed=seed, temperature=temperature)
    return {"id": ev.id, "source": source, "kind": kind, "score": score, "data": data}


def delete_evaluations(interview_id: int) -> None:
    with _writing():
        Evaluation.delete().where(Evaluation.interview == interview_id).execute()


def evaluations(interview_id: int) -> list[dict]:
    return [{"id": e.id, "interview_question_id": e.interview_question_id,
             "message_id": e.message_id, "source": e.source, "kind": e.kind, "score": e.score,
             "data": _loads(e.data_json, {}), "model_id": e.model_id,
             "prompt_hash": e.prompt_hash, "seed": e.seed, "temperature": e.temperature}
            for e in Evaluation.select().where(Evaluation.interview == interview_id)
            .order_by(Evaluation.id)]


def add_generation(purpose: str, model_id: str, prompt_hash: str, seed: int, temperature: float,
                   output: str, *, valid: bool = True, interview_id: int | None = None,
                   message_id: int | None = None) -> int:
    with _writing():
        return Generation.create(interview=interview_id, message=message_id, purpose=purpose,
                                 model_id=model_id, prompt_hash=prompt_hash, seed=seed,
                                 temperature=temperature, output=output, valid=valid).id


def generations(interview_id: int) -> list[dict]:
    return list(Generation.select().where(Generation.interview == interview_id)
                .order_by(Generation.id).dicts())


def save_report(interview_id: int, overall_score: float | None, summary: str, data: dict) -> dict:
    with _writing():
        (Report.insert(interview=interview_id, overall_score=overall_score, summary=summary,
                       data_json=json.dumps(data), created_at=utcnow())
         .on_conflict(conflict_target=[Report.interview],
                      update={Report.overall_score: overall_score, Report.summary: summary,
                              Report.data_json: json.dumps(data)})
         .execute())
        Interview.update(overall_score=overall_score).where(Interview.id == interview_id).execute()
    return get_report(interview_id)


def get_report(interview_id: int) -> dict | None:
    r = Report.get_or_none(Report.interview == interview_id)
    if r is None:
        return None
    return {"interview_id": interview_id, "overall_score": r.overall_score, "summary": r.summary,
            "data": _loads(r.data_json, {}), "created_at": r.created_at}


def add_recording(interview_id: int, path: str, duration_s: float, *, sample_rate: int = 16000,
                  message_id: int | None = None) -> int:
    with _writing():
        return Recording.create(interview=interview_id, message=message_id, path=path,
                                duration_s=duration_s, sample_rate=sample_rate).id


def recordings(interview_id: int) -> list[dict]:
    return list(Recording.select().where(Recording.interview == interview_id)
                .order_by(Recording.id).dicts())


def add_note(interview_id: int, body: str, *, author: str = "", message_id: int | None = None) -> int:
    if not body.strip():
        raise ValueError("A note cannot be empty.")
    with _writing():
        return ReviewNote.create(interview=interview_id, body=body, author=author,
                                 message=message_id).id


def notes(interview_id: int) -> list[dict]:
    return list(ReviewNote.select().where(ReviewNote.interview == interview_id)
                .order_by(ReviewNote.id).dicts())


def integrity_check() -> str:
    return database_proxy.execute_sql("PRAGMA integrity_check").fetchone()[0]


def user_count() -> int:
    return User.select(fn.COUNT(User.id)).scalar()
