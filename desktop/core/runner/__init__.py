"""Runs a candidate's code against a problem's tests in a sandbox (no Qt).

    from desktop.core.runner import run_submission, available_languages, protections
    result = run_submission(problem_record, code, "python")
    result.verdict, result.passed, result.total, result.as_dict()
"""
from .engine import LanguageUnavailable, run_submission
from .languages import available_languages
from .limits import Limits
from .problem import LANGUAGES, ProblemError, language_spec
from .protections import protections
from .results import RunResult, TestResult
from .sandbox import SandboxError
from . import verdicts

__all__ = ["run_submission", "available_languages", "protections", "Limits", "RunResult",
           "TestResult", "ProblemError", "LanguageUnavailable", "SandboxError", "LANGUAGES",
           "language_spec", "verdicts"]
