"""Peewee models: one class per table. The schema itself is created by
numbered migrations (db/migrations.py); these classes only describe it."""
from __future__ import annotations

import datetime as _dt

from peewee import (
    BooleanField,
    CompositeKey,
    DatabaseProxy,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database_proxy = DatabaseProxy()


def utcnow() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class User(BaseModel):
    username = TextField(unique=True)
    created_at = DateTimeField(default=utcnow)
    last_used_at = DateTimeField(default=utcnow)


class InterviewType(BaseModel):
    name = TextField(unique=True)
    mode = TextField()  # behavioral | technical | system_design | mixed
    description = TextField(default="")


class Skill(BaseModel):
    name = TextField(unique=True)


class InterviewTypeSuggestedSkill(BaseModel):
    interview_type = ForeignKeyField(InterviewType, on_delete="CASCADE")
    skill = ForeignKeyField(Skill, on_delete="CASCADE")

    class Meta:
        primary_key = CompositeKey("interview_type", "skill")


class Interview(BaseModel):
    user = ForeignKeyField(User, backref="interviews", on_delete="CASCADE")
    interview_type = ForeignKeyField(InterviewType, null=True, on_delete="SET NULL")
    title = TextField()
    mode = TextField()
    # created | in_progress | completed | interrupted
    status = TextField(default="created")
    difficulty = TextField(default="medium")
    question_count = IntegerField(default=3)
    time_budget_s = IntegerField(null=True)
    job_title = TextField(default="")
    job_description = TextField(default="")
    persona = TextField(default="neutral")
    state_json = TextField(default="{}")  # engine state, so a session can resume
    overall_score = FloatField(null=True)
    created_at = DateTimeField(default=utcnow)
    started_at = DateTimeField(null=True)
    ended_at = DateTimeField(null=True)
    duration_s = FloatField(null=True)
    deleted_at = DateTimeField(null=True)  # soft delete, so "undo" is possible


class InterviewSkill(BaseModel):
    interview = ForeignKeyField(Interview, backref="skill_links", on_delete="CASCADE")
    skill = ForeignKeyField(Skill, on_delete="CASCADE")

    class Meta:
        primary_key = CompositeKey("interview", "skill")


class Question(BaseModel):
    """One entry of the question bank (curated or imported)."""

    qid = TextField(unique=True)  # e.g. "beh-001", "HumanEval/0"
    pack = TextField()
    kind = TextField()  # behavioral | coding | system_design
    title = TextField(default="")
    prompt = TextField()
    difficulty = TextField(default="medium")
    skills_json = TextField(default="[]")
    data_json = TextField(default="{}")  # the full validated record


class InterviewQuestion(BaseModel):
    """A question asked in an interview, in order."""

    interview = ForeignKeyField(Interview, backref="asked", on_delete="CASCADE")
    question = ForeignKeyField(Question, null=True, on_delete="SET NULL")
    qid = TextField()
    position = IntegerField()
    asked_at = DateTimeField(default=utcnow)
    ended_at = DateTimeField(null=True)
    hints_used = IntegerField(default=0)
    follow_ups = IntegerField(default=0)
    skipped = BooleanField(default=False)
    score = FloatField(null=True)


class Message(BaseModel):
    interview = ForeignKeyField(Interview, backref="messages", on_delete="CASCADE")
    interview_question = ForeignKeyField(InterviewQuestion, null=True, on_delete="SET NULL")
    role = TextField()  # user | assistant | system
    kind = TextField(default="chat")  # intro, question, answer, follow_up, hint, outro, code, ...
    content = TextField(default="")
    # processing | completed | failed | interrupted
    status = TextField(default="completed")
    meta_json = TextField(default="{}")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


class CodeSubmission(BaseModel):
    interview = ForeignKeyField(Interview, backref="submissions", on_delete="CASCADE")
    interview_question = ForeignKeyField(InterviewQuestion, null=True, on_delete="SET NULL")
    language = TextField()
    code = TextField()
    verdict = TextField(default="")
    passed = IntegerField(default=0)
    total = IntegerField(default=0)
    results_json = TextField(default="[]")
    run_time_ms = FloatField(null=True)
    peak_memory_kb = IntegerField(null=True)
    created_at = DateTimeField(default=utcnow)


class Evaluation(BaseModel):
    """A score with its evidence; `source` says who produced it."""

    interview = ForeignKeyField(Interview, backref="evaluations", on_delete="CASCADE")
    interview_question = ForeignKeyField(InterviewQuestion, null=True, on_delete="SET NULL")
    message = ForeignKeyField(Message, null=True, on_delete="SET NULL")
    source = TextField()  # objective | model
    kind = TextField()  # delivery, structure, tests, rubric, ...
    score = FloatField(null=True)  # None = could not be computed
    data_json = TextField(default="{}")
    model_id = TextField(null=True)
    prompt_hash = TextField(null=True)
    seed = IntegerField(null=True)
    temperature = FloatField(null=True)
    created_at = DateTimeField(default=utcnow)


class Generation(BaseModel):
    """Every model output, with what is needed to reproduce it."""

    interview = ForeignKeyField(Interview, null=True, backref="generations", on_delete="CASCADE")
    message = ForeignKeyField(Message, null=True, on_delete="SET NULL")
    purpose = TextField()
    model_id = TextField()
    prompt_hash = TextField()
    seed = IntegerField()
    temperature = FloatField()
    output = TextField(default="")
    valid = BooleanField(default=True)
    created_at = DateTimeField(default=utcnow)


class Report(BaseModel):
    interview = ForeignKeyField(Interview, backref="reports", unique=True, on_delete="CASCADE")
    overall_score = FloatField(null=True)
    summary = TextField(default="")
    data_json = TextField(default="{}")
    created_at = DateTimeField(default=utcnow)


class Recording(BaseModel):
    interview = ForeignKeyField(Interview, backref="recordings", on_delete="CASCADE")
    message = ForeignKeyField(Message, null=True, on_delete="SET NULL")
    path = TextField()
    duration_s = FloatField(default=0.0)
    sample_rate = IntegerField(default=16000)
    created_at = DateTimeField(default=utcnow)


class ReviewNote(BaseModel):
    interview = ForeignKeyField(Interview, backref="notes", on_delete="CASCADE")
    message = ForeignKeyField(Message, null=True, on_delete="SET NULL")
    author = TextField(default="")
    body = TextField()
    created_at = DateTimeField(default=utcnow)


ALL_MODELS = [
    User, InterviewType, Skill, InterviewTypeSuggestedSkill, Interview, InterviewSkill,
    Question, InterviewQuestion, Message, CodeSubmission, Evaluation, Generation,
    Report, Recording, ReviewNote,
]
