"""The interview engine: a deterministic state machine that runs an interview
from greeting to report. The language model only words things and gives a
second opinion; the flow, timing and objective scores never depend on it."""
from .session import InterviewSession, SessionEvent  # noqa: F401
from .state import Phase  # noqa: F401
