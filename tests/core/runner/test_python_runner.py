"""The runner with real sandboxed Python children: one test per verdict and
per kind of test, plus the things a candidate's code must not get away with."""
from __future__ import annotations

import json
import time

from desktop.core.runner import Limits, run_submission, verdicts

from .conftest import FAST
from .helpers import ECHO, HIDDEN, problem

TWO_SUM = problem([(([2, 7, 11, 15], 9), [0, 1]), (([3, 2, 4], 6), [1, 2]),
                   (([3, 3], 6), [0, 1], HIDDEN)], entry="two_sum")
GOOD_TWO_SUM = """
def two_sum(nums, target):
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
"""


def test_accepted_reports_every_test_with_time_and_memory():
    result = run_submission(TWO_SUM, GOOD_TWO_SUM)
    assert result.verdict == verdicts.ACCEPTED
    assert (result.passed, result.total) == (3, 3)
    assert all(t.time_ms is not None and t.time_ms >= 0 for t in result.tests)
    assert result.peak_memory_kb and result.peak_memory_kb > 1000
    first = result.tests[0]
    assert (first.input, first.expected, first.actual) == ([[2, 7, 11, 15], 9], [0, 1], [0, 1])
    json.dumps(result.as_dict())   # plain data, ready for the DB and the UI


def test_wrong_answer_shows_actual_and_stdout_of_visible_tests():
    code = "def two_sum(nums, target):\n    print('checking', nums)\n    return [1, 0]\n"
    result = run_submission(TWO_SUM, code)
    assert result.verdict == verdicts.WRONG_ANSWER
    first = result.tests[0]
    assert first.verdict == verdicts.WRONG_ANSWER
    assert first.actual == [1, 0] and first.stdout == "checking [2, 7, 11, 15]\n"


def test_runtime_error_traceback_is_trimmed_to_the_candidate_code():
    code = "def two_sum(nums, target):\n    return helper(nums)\n\ndef helper(nums):\n    return nums[99]\n"
    result = run_submission(TWO_SUM, code)
    assert result.verdict == verdicts.RUNTIME_ERROR
    error = result.tests[0].error
    assert 'File "solution.py", line 5, in helper' in error
    assert 'File "solution.py", line 2, in two_sum' in error
    assert error.rstrip().endswith("IndexError: list index out of range")
    assert "harness" not in error and "jail" not in error
    assert result.tests[0].error_lines == [5, 2]
    assert {m["line"] for m in result.markers} == {5, 2}


def test_syntax_error_is_a_compile_error_with_its_line():
    result = run_submission(TWO_SUM, "def two_sum(nums, target)\n    return []\n")
    assert result.verdict == verdicts.COMPILE_ERROR
    assert all(t.verdict == verdicts.COMPILE_ERROR for t in result.tests)
    assert "SyntaxError" in result.compile_output
    assert result.markers[0]["line"] == 1


def test_error_while_loading_and_missing_entry_point():
    result = run_submission(ECHO, "x = 1 / 0\n\ndef solve(x):\n    return x\n")
    assert result.verdict == verdicts.RUNTIME_ERROR and "ZeroDivisionError" in result.message
    result = run_submission(ECHO, "def other(x):\n    return x\n")
    assert result.verdict == verdicts.RUNTIME_ERROR and "'solve'" in result.message


def test_infinite_loop_is_time_limit_exceeded_within_the_limits():
    started = time.monotonic()
    result = run_submission(ECHO, "def solve(x):\n    while True:\n        pass\n", limits=FAST)
    assert result.verdict == verdicts.TIME_LIMIT
    assert all(t.verdict == verdicts.TIME_LIMIT for t in result.tests)
    assert time.monotonic() - started < 6


def test_loop_that_swallows_the_timeout_is_killed_and_the_rest_still_judged():
    code = ("def solve(x):\n    if x == 1:\n        while True:\n            try:\n"
            "                while True:\n                    pass\n"
            "            except BaseException:\n                pass\n    return x\n")
    result = run_submission(ECHO, code, limits=FAST)
    assert [t.verdict for t in result.tests] == [verdicts.TIME_LIMIT, verdicts.ACCEPTED]


def test_slow_tests_stop_after_two_and_the_rest_are_not_run():
    many = problem([((i,), i) for i in range(6)])
    started = time.monotonic()
    result = run_submission(many, "import time\ndef solve(x):\n    time.sleep(60)\n", limits=FAST)
    assert all(t.verdict == verdicts.TIME_LIMIT for t in result.tests)
    assert "Not run" in result.tests[-1].error
    assert time.monotonic() - started < 6


def test_memory_bomb_is_memory_limit_exceeded():
    code = "def solve(x):\n    blocks = []\n    while True:\n        blocks.append(bytearray(10**7))\n"
    result = run_submission(ECHO, code, limits=FAST)
    assert result.verdict == verdicts.MEMORY_LIMIT
    huge = run_submission(ECHO, "def solve(x):\n    return len('x' * 10**10)\n", limits=FAST)
    assert huge.verdict == verdicts.MEMORY_LIMIT


def test_a_gigabyte_of_output_is_output_limit_exceeded_quickly():
    started = time.monotonic()
    code = "def solve(x):\n    for _ in range(10**6):\n        print('x' * 1000)\n    return x\n"
    result = run_submission(ECHO, code, limits=FAST)
    assert result.verdict == verdicts.OUTPUT_LIMIT
    assert len(result.tests[0].stdout) <= 64 * 1024
    raw = "import os\ndef solve(x):\n    for _ in range(10**6):\n        os.write(1, b'x' * 1000)\n"
    assert run_submission(ECHO, raw, limits=FAST).verdict == verdicts.OUTPUT_LIMIT
    assert time.monotonic() - started < 5


def test_a_crash_in_one_test_does_not_take_the_others_down():
    code = "import os\ndef solve(x):\n    if x == 1:\n        os._exit(3)\n    return x\n"
    result = run_submission(ECHO, code)
    assert [t.verdict for t in result.tests] == [verdicts.RUNTIME_ERROR, verdicts.ACCEPTED]
    assert "exited" in result.tests[0].error


def test_non_utf8_source_is_a_clear_compile_error():
    result = run_submission(ECHO, b"def solve(x):\n    return '\xff'\n")
    assert result.verdict == verdicts.COMPILE_ERROR
    assert "not valid UTF-8" in result.message and result.markers[0]["line"] == 2
    surrogate = run_submission(ECHO, "def solve(x):\n    return '\udcff'\n")
    assert surrogate.verdict == verdicts.COMPILE_ERROR


def test_huge_test_file():
    big = list(range(10**6))
    cases = [((big,), sum(big))] + [(([i, i],), 2 * i, HIDDEN) for i in range(3000)]
    result = run_submission(problem(cases), "def solve(xs):\n    return sum(xs)\n",
                            limits=Limits(total_time_s=60))
    assert result.verdict == verdicts.ACCEPTED and result.total == 3001


def test_float_tolerance_and_exact_floats():
    p = problem([((1, 3), 0.333333, {"tolerance": 1e-6}), ((1, 3), 0.3333333333333333)])
    assert run_submission(p, "def solve(a, b):\n    return a / b\n").verdict == verdicts.ACCEPTED
    loose = problem([((1, 3), 0.33, {"tolerance": 1e-6}), ((1, 3), 0.33, HIDDEN)])
    assert run_submission(loose, "def solve(a, b):\n    return a / b\n").verdict == verdicts.WRONG_ANSWER


def test_unordered_answers():
    p = problem([((), [[1, 2], [3]], {"unordered": True}), ((), [1, 2, 2], {"unordered": True, "hidden": True})])
    code = "calls = []\ndef solve():\n    calls.append(1)\n    return [[3], [2, 1]] if len(calls) == 1 else (2, 1, 2)\n"
    assert run_submission(p, code).verdict == verdicts.ACCEPTED
    strict = problem([((), [1, 2])])
    assert run_submission(strict, "def solve():\n    return [2, 1]\n").verdict == verdicts.WRONG_ANSWER


def test_bool_is_not_int():
    p = problem([((), True), ((), 1, HIDDEN)])
    result = run_submission(p, "def solve():\n    return 1\n")
    assert [t.verdict for t in result.tests] == [verdicts.WRONG_ANSWER, verdicts.ACCEPTED]


def test_script_tests_count_as_one_hidden_test():
    script = {"python": "def check(candidate):\n    assert candidate(5) == 5\n    assert candidate(-1) == -1\n"}
    p = problem([((1,), 1)], script=script)
    good = run_submission(p, "def solve(x):\n    return x\n")
    assert good.verdict == verdicts.ACCEPTED and good.total == 2
    assert good.tests[-1].hidden
    bad = run_submission(p, "def solve(x):\n    return abs(x)\n")
    assert [t.verdict for t in bad.tests] == [verdicts.ACCEPTED, verdicts.WRONG_ANSWER]
    crash = run_submission(p, "def solve(x):\n    return 1 // (x - 5) * 0 + x\n")
    assert crash.tests[-1].verdict == verdicts.RUNTIME_ERROR


def test_hidden_tests_leak_nothing():
    secret_in, secret_out = "SECRET-INPUT-4711", "SECRET-OUTPUT-0815"
    script = {"python": "def check(candidate):\n    assert candidate('SECRET-SCRIPT-42') == 'x'\n"}
    p = problem([(("visible",), "visible"), ((secret_in,), secret_out, HIDDEN)], script=script)
    code = "def solve(s):\n    print('got', s)\n    raise ValueError(s)\n"
    for source in (code, "def solve(s):\n    print(s)\n    return s + '!'\n"):
        result = run_submission(p, source)
        hidden = [t.as_dict() for t in result.tests if t.hidden]
        assert hidden and all(set(h) == {"index", "name", "hidden", "verdict", "passed",
                                         "time_ms", "memory_kb"} for h in hidden)
        text = json.dumps(result.as_dict())
        for secret in (secret_in, secret_out, "SECRET-SCRIPT"):
            assert secret not in text
        assert all(t.input is None and t.expected is None and t.actual is None
                   and t.stdout is None and t.error is None for t in result.tests if t.hidden)


def test_the_program_never_sees_expected_answers():
    p = problem([((1,), "EXPECTED-VISIBLE"), ((2,), "EXPECTED-HIDDEN", HIDDEN)])
    code = ("import sys, gc\ndef solve(x):\n"
            "    blob = repr([o for o in gc.get_objects() if isinstance(o, (str, bytes))])\n"
            "    return 'EXPECTED-HIDDEN' in blob or 'EXPECTED-VISIBLE' in blob\n")
    result = run_submission(p, code)
    assert result.tests[0].actual is False


def test_module_level_output_and_name():
    result = run_submission(ECHO, "print('loading', __name__)\ndef solve(x):\n    return x\n")
    assert result.accepted and result.stdout == "loading solution\n"


def test_result_is_stored_as_a_code_submission(profile):
    from db import service
    interview = service.create_interview(profile["id"], "t", service.interview_types()[0]["name"])
    result = run_submission(TWO_SUM, GOOD_TWO_SUM)
    row = service.add_code_submission(interview["id"], "python", GOOD_TWO_SUM,
                                      **result.submission_fields())
    assert row["verdict"] == verdicts.ACCEPTED and (row["passed"], row["total"]) == (3, 3)
    assert "expected" not in row["results"][-1]   # hidden test stays opaque in the DB too


EQ_CHECK = {"python": "def check(candidate):\n    assert candidate(5) == 5\n"
                      "    assert candidate(-1) == -1\n    assert not (candidate(2) != 2)\n"}


def test_script_checks_see_plain_data_not_the_candidates_objects():
    p = problem([((1,), 1)], script=EQ_CHECK)
    always_equal = ("class Yes:\n    def __eq__(self, other):\n        return True\n"
                    "    def __ne__(self, other):\n        return False\n    __hash__ = None\n\n"
                    "def solve(x):\n    return Yes()\n")
    sneaky_int = ("class Int(int):\n    def __eq__(self, other):\n        return True\n"
                  "    def __ne__(self, other):\n        return False\n\n"
                  "def solve(x):\n    return Int(0)\n")
    caught = ("class Yes:\n    def __eq__(self, other):\n        return True\n\n"
              "def solve(x):\n    return Yes()\n")
    catching = {"python": "def check(candidate):\n    try:\n        assert candidate(5) == 5\n"
                          "    except BaseException:\n        pass\n"}
    for code, prob in ((always_equal, p), (sneaky_int, p),
                       (caught, problem([((1,), 1)], script=catching))):
        result = run_submission(prob, code)
        assert result.tests[-1].hidden and result.tests[-1].verdict == verdicts.WRONG_ANSWER, code


def test_script_checks_still_accept_plain_values_and_their_subclasses():
    script = {"python": "def check(candidate):\n    assert candidate('ab') == {'a': 1, 'b': 1}\n"
                        "    assert candidate('') == {}\n"}
    p = problem([(("a",), {"a": 1})], script=script)
    code = "from collections import Counter\ndef solve(s):\n    return Counter(s)\n"
    assert run_submission(p, code).verdict == verdicts.ACCEPTED
    pair = problem([((1,), [1, 2])], script={"python": "def check(candidate):\n"
                                                       "    assert candidate(3) == (3, 4)\n"
                                                       "    assert candidate(3)[1] is not None\n"})
    named = ("from collections import namedtuple\nP = namedtuple('P', 'a b')\n"
             "def solve(x):\n    return P(x, x + 1)\n")
    assert run_submission(pair, named).verdict == verdicts.ACCEPTED


def test_script_checks_use_the_real_builtins():
    script = {"python": "def check(candidate):\n    assert abs(candidate(1.0) - 0.5) < 1e-6\n"}
    p = problem([((1.0,), 0.5)], script=script)
    for code in ("abs = lambda v: 0\ndef solve(x):\n    return 99.0\n",
                 "import builtins\nbuiltins.abs = lambda v: 0\ndef solve(x):\n    return 99.0\n"):
        result = run_submission(p, code)
        assert result.tests[-1].verdict == verdicts.WRONG_ANSWER, code
    assert run_submission(p, "def solve(x):\n    return x / 2\n").verdict == verdicts.ACCEPTED
