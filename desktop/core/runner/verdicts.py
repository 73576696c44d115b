"""Verdict names (as shown to the candidate) and how per-test verdicts
combine into the verdict of a submission."""
from __future__ import annotations

ACCEPTED = "Accepted"
WRONG_ANSWER = "Wrong Answer"
RUNTIME_ERROR = "Runtime Error"
TIME_LIMIT = "Time Limit Exceeded"
MEMORY_LIMIT = "Memory Limit Exceeded"
OUTPUT_LIMIT = "Output Limit Exceeded"
COMPILE_ERROR = "Compile Error"
# The sandbox itself failed (not the candidate's fault): nothing was judged.
INTERNAL_ERROR = "Internal Error"

ALL = (ACCEPTED, WRONG_ANSWER, RUNTIME_ERROR, TIME_LIMIT, MEMORY_LIMIT, OUTPUT_LIMIT,
       COMPILE_ERROR, INTERNAL_ERROR)

# What the harness reports for a test ("status") -> verdict. "ok" still needs the
# answer compared; "assert" is a failed assertion in a script test.
STATUS_VERDICT = {
    "assert": WRONG_ANSWER,
    "error": RUNTIME_ERROR,
    "timeout": TIME_LIMIT,
    "memory": MEMORY_LIMIT,
    "output": OUTPUT_LIMIT,
}


def overall(test_verdicts: list[str]) -> str:
    """Accepted when every test is; otherwise the first failing test's verdict
    (the order candidates know from online judges)."""
    for verdict in test_verdicts:
        if verdict != ACCEPTED:
            return verdict
    return ACCEPTED if test_verdicts else INTERNAL_ERROR
