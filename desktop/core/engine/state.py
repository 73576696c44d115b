"""The engine's state: everything needed to resume an interview, as JSON."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum


class Phase(str, Enum):
    SETUP = "setup"
    INTRO = "intro"
    QUESTION = "question"      # waiting for the answer to the main question
    FOLLOW_UP = "follow_up"    # waiting for the answer to a follow-up
    WRAP_UP = "wrap_up"
    DONE = "done"


MAX_HINTS = 3


@dataclass
class QuestionProgress:
    qid: str
    iq_id: int | None = None          # the interview_question row
    follow_ups: int = 0
    hints: int = 0
    answers: list[int] = field(default_factory=list)      # message ids
    submissions: list[int] = field(default_factory=list)  # code_submission ids
    skipped: bool = False
    elapsed_s: float = 0.0            # time spent on it before a pause/resume
    asked_probes: list[str] = field(default_factory=list)  # which probes were used


@dataclass
class EngineState:
    phase: Phase = Phase.SETUP
    plan: list[str] = field(default_factory=list)          # qids, in order
    index: int = -1
    progress: list[QuestionProgress] = field(default_factory=list)
    elapsed_s: float = 0.0            # interview time before the current run
    seed: int = 0

    @property
    def current(self) -> QuestionProgress | None:
        return self.progress[self.index] if 0 <= self.index < len(self.progress) else None

    def to_json(self) -> dict:
        data = asdict(self)
        data["phase"] = self.phase.value
        return data

    @classmethod
    def from_json(cls, data: dict) -> "EngineState":
        if not data:
            return cls()
        progress = [QuestionProgress(**p) for p in data.get("progress", [])]
        return cls(phase=Phase(data.get("phase", "setup")), plan=list(data.get("plan", [])),
                   index=int(data.get("index", -1)), progress=progress,
                   elapsed_s=float(data.get("elapsed_s", 0.0)), seed=int(data.get("seed", 0)))
