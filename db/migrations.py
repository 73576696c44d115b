"""Numbered schema migrations.

The schema version lives in SQLite's `PRAGMA user_version`. Each migration
runs in one transaction together with the version bump, so a crash leaves
the database either before or after a migration, never half-way.
Migrations are plain SQL (not generated from db/models.py) so that editing
a model class can never silently change what an old migration does.
"""
from __future__ import annotations

from typing import Callable

SCHEMA_V1 = """
CREATE TABLE user (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    created_at DATETIME NOT NULL,
    last_used_at DATETIME NOT NULL
);
CREATE TABLE interview_type (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    mode TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE skill (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE interview_type_suggested_skill (
    interview_type_id INTEGER NOT NULL REFERENCES interview_type(id) ON DELETE CASCADE,
    skill_id INTEGER NOT NULL REFERENCES skill(id) ON DELETE CASCADE,
    PRIMARY KEY (interview_type_id, skill_id)
);
CREATE TABLE interview (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
    interview_type_id INTEGER REFERENCES interview_type(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    mode TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'created',
    difficulty TEXT NOT NULL DEFAULT 'medium',
    question_count INTEGER NOT NULL DEFAULT 3,
    time_budget_s INTEGER,
    job_title TEXT NOT NULL DEFAULT '',
    job_description TEXT NOT NULL DEFAULT '',
    persona TEXT NOT NULL DEFAULT 'neutral',
    state_json TEXT NOT NULL DEFAULT '{}',
    overall_score REAL,
    created_at DATETIME NOT NULL,
    started_at DATETIME,
    ended_at DATETIME,
    duration_s REAL,
    deleted_at DATETIME
);
CREATE INDEX interview_user_created ON interview(user_id, deleted_at, created_at DESC);
CREATE TABLE interview_skill (
    interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    skill_id INTEGER NOT NULL REFERENCES skill(id) ON DELETE CASCADE,
    PRIMARY KEY (interview_id, skill_id)
);
CREATE INDEX interview_skill_skill ON interview_skill(skill_id);
CREATE TABLE question (
    id INTEGER PRIMARY KEY,
    qid TEXT NOT NULL UNIQUE,
    pack TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    prompt TEXT NOT NULL,
    difficulty TEXT NOT NULL DEFAULT 'medium',
    skills_json TEXT NOT NULL DEFAULT '[]',
    data_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX question_pack ON question(pack);
CREATE TABLE interview_question (
    id INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    question_id INTEGER REFERENCES question(id) ON DELETE SET NULL,
    qid TEXT NOT NULL,
    position INTEGER NOT NULL,
    asked_at DATETIME NOT NULL,
    ended_at DATETIME,
    hints_used INTEGER NOT NULL DEFAULT 0,
    follow_ups INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    score REAL
);
CREATE INDEX interview_question_interview ON interview_question(interview_id, position);
CREATE INDEX interview_question_qid ON interview_question(qid);
CREATE TABLE message (
    id INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    interview_question_id INTEGER REFERENCES interview_question(id) ON DELETE SET NULL,
    role TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'chat',
    content TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'completed',
    meta_json TEXT NOT NULL DEFAULT '{}',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
CREATE INDEX message_interview ON message(interview_id, id);
CREATE INDEX message_processing ON message(status) WHERE status = 'processing';
CREATE TABLE code_submission (
    id INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    interview_question_id INTEGER REFERENCES interview_question(id) ON DELETE SET NULL,
    language TEXT NOT NULL,
    code TEXT NOT NULL,
    verdict TEXT NOT NULL DEFAULT '',
    passed INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL DEFAULT 0,
    results_json TEXT NOT NULL DEFAULT '[]',
    run_time_ms REAL,
    peak_memory_kb INTEGER,
    created_at DATETIME NOT NULL
);
CREATE INDEX code_submission_interview ON code_submission(interview_id, id);
CREATE TABLE evaluation (
    id INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    interview_question_id INTEGER REFERENCES interview_question(id) ON DELETE SET NULL,
    message_id INTEGER REFERENCES message(id) ON DELETE SET NULL,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    score REAL,
    data_json TEXT NOT NULL DEFAULT '{}',
    model_id TEXT,
    prompt_hash TEXT,
    seed INTEGER,
    temperature REAL,
    created_at DATETIME NOT NULL
);
CREATE INDEX evaluation_interview ON evaluation(interview_id, id);
CREATE TABLE generation (
    id INTEGER PRIMARY KEY,
    interview_id INTEGER REFERENCES interview(id) ON DELETE CASCADE,
    message_id INTEGER REFERENCES message(id) ON DELETE SET NULL,
    purpose TEXT NOT NULL,
    model_id TEXT NOT NULL,
    prompt_hash TEXT NOT NULL,
    seed INTEGER NOT NULL,
    temperature REAL NOT NULL,
    output TEXT NOT NULL DEFAULT '',
    valid INTEGER NOT NULL DEFAULT 1,
    created_at DATETIME NOT NULL
);
CREATE INDEX generation_interview ON generation(interview_id, id);
CREATE TABLE report (
    id INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL UNIQUE REFERENCES interview(id) ON DELETE CASCADE,
    overall_score REAL,
    summary TEXT NOT NULL DEFAULT '',
    data_json TEXT NOT NULL DEFAULT '{}',
    created_at DATETIME NOT NULL
);
CREATE TABLE recording (
    id INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    message_id INTEGER REFERENCES message(id) ON DELETE SET NULL,
    path TEXT NOT NULL,
    duration_s REAL NOT NULL DEFAULT 0,
    sample_rate INTEGER NOT NULL DEFAULT 16000,
    created_at DATETIME NOT NULL
);
CREATE INDEX recording_interview ON recording(interview_id);
CREATE TABLE review_note (
    id INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    message_id INTEGER REFERENCES message(id) ON DELETE SET NULL,
    author TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    created_at DATETIME NOT NULL
);
CREATE INDEX review_note_interview ON review_note(interview_id);
"""

# Interview types the seeds name, with the skills suggested for each.
SEED_TYPES = [
    ("Behavioral", "behavioral", "Past experience, told as stories (STAR).",
     ["Communication", "Leadership", "Teamwork", "Conflict Resolution",
      "Problem Solving", "Ownership", "Adaptability"]),
    ("Technical/Coding", "technical", "Live coding against tests, explained aloud.",
     ["Python", "Algorithms", "Data Structures", "Problem Solving",
      "Testing", "Complexity Analysis"]),
    ("System Design", "system_design", "Designing a system out loud: requirements to trade-offs.",
     ["System Design", "Scalability", "Databases", "APIs", "Caching", "Reliability"]),
    ("Mixed", "mixed", "Behavioral and coding questions in one session.",
     ["Communication", "Problem Solving", "Algorithms", "Python", "Teamwork"]),
]
EXTRA_SKILLS = ["JavaScript", "C++", "SQL", "Strings", "Math", "Recursion",
                "Dynamic Programming", "Graphs", "Sorting", "Hash Tables",
                "Customer Focus", "Time Management", "Mentoring"]


def _schema_v1(conn) -> None:
    for statement in SCHEMA_V1.split(";"):
        if statement.strip():
            conn.execute(statement)


def _seed_types_v2(conn) -> None:
    names = {s for *_, skills in SEED_TYPES for s in skills} | set(EXTRA_SKILLS)
    conn.executemany("INSERT OR IGNORE INTO skill(name) VALUES (?)", [(n,) for n in sorted(names)])
    for name, mode, description, skills in SEED_TYPES:
        conn.execute(
            "INSERT OR IGNORE INTO interview_type(name, mode, description) VALUES (?, ?, ?)",
            (name, mode, description),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO interview_type_suggested_skill(interview_type_id, skill_id) "
            "SELECT t.id, s.id FROM interview_type t, skill s WHERE t.name = ? AND s.name = ?",
            [(name, s) for s in skills],
        )


MIGRATIONS: list[tuple[int, str, Callable]] = [
    (1, "schema", _schema_v1),
    (2, "seed interview types and skills", _seed_types_v2),
]
LATEST_VERSION = MIGRATIONS[-1][0]


def apply_migrations(conn) -> list[int]:
    """Bring a raw sqlite3 connection (autocommit mode) up to LATEST_VERSION.
    Returns the versions applied."""
    applied = []
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    for version, _name, step in MIGRATIONS:
        if version <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            conn.execute(f"PRAGMA user_version = {int(version)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied
