"""JavaScript (node) and C++ (g++) submissions; skipped with the reason
when the tool is missing. C++ compiles are slow, so every C++ program of
this file is judged once, two at a time, by a module fixture."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from desktop.core.runner import available_languages, run_submission, verdicts

from .conftest import FAST
from .helpers import HIDDEN, problem

LANGS = available_languages()
needs_node = pytest.mark.skipif(not LANGS["javascript"]["available"],
                                reason=LANGS["javascript"]["reason"] or "node missing")
needs_gxx = pytest.mark.skipif(not LANGS["cpp"]["available"],
                               reason=LANGS["cpp"]["reason"] or "g++ missing")

SIGNATURE = {"args": ["vector<int>", "int"], "returns": "vector<int>"}
TWO_SUM = problem(
    [(([2, 7, 11, 15], 9), [0, 1]), (([3, 2, 4], 6), [1, 2], HIDDEN)], entry="twoSum",
    js_entry="twoSum", cpp_signature=SIGNATURE,
    script={"javascript": "function check(candidate) {\n  assert.deepStrictEqual(candidate([1, 2], 3), [0, 1]);\n}\n",
            "cpp": "template <class F> void check(F candidate) {\n    vector<int> v{1, 2};\n"
                   "    assert(candidate(v, 3) == vector<int>({0, 1}));\n}\n"})

JS_GOOD = """function twoSum(nums, target) {
  const seen = new Map();
  for (let i = 0; i < nums.length; i++) {
    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
    seen.set(nums[i], i);
  }
}
"""
CPP = {
    "good": """vector<int> twoSum(vector<int>& nums, int target) {
    unordered_map<int, int> seen;
    for (int i = 0; i < (int)nums.size(); ++i) {
        auto it = seen.find(target - nums[i]);
        if (it != seen.end()) return {it->second, i};
        seen[nums[i]] = i;
    }
    return {};
}
""",
    "wrong": "vector<int> twoSum(vector<int>& nums, int t) {\n    cout << \"size \" << nums.size() << endl;\n    return {1, 0};\n}\n",
    "syntax": "vector<int> twoSum(vector<int>& nums, int t) {\n    return {1, 0}\n}\n",
    "crash": "vector<int> twoSum(vector<int>& nums, int t) {\n    int* p = nullptr;\n    *p = t;\n    return {};\n}\n",
    "loop": "vector<int> twoSum(vector<int>& nums, int t) {\n    volatile long x = 0;\n    while (true) x++;\n}\n",
}


@pytest.fixture(scope="module")
def cpp_results():
    with ThreadPoolExecutor(2) as pool:
        futures = {name: pool.submit(run_submission, TWO_SUM, code, "cpp", limits=FAST)
                   for name, code in CPP.items()}
        return {name: f.result() for name, f in futures.items()}


@needs_node
def test_javascript_verdicts():
    good = run_submission(TWO_SUM, JS_GOOD, "javascript")
    assert good.verdict == verdicts.ACCEPTED and good.total == 3
    wrong = run_submission(TWO_SUM, "function twoSum(a, t) {\n  console.log('dbg', a.length);\n  return [1, 0];\n}\n",
                           "javascript")
    assert wrong.verdict == verdicts.WRONG_ANSWER
    assert wrong.tests[0].actual == [1, 0] and wrong.tests[0].stdout == "dbg 4\n"
    crash = run_submission(TWO_SUM, "function twoSum(a, t) {\n  return a.x.y;\n}\n", "javascript")
    assert crash.verdict == verdicts.RUNTIME_ERROR
    assert crash.tests[0].error_lines == [2] and "TypeError" in crash.tests[0].error
    syntax = run_submission(TWO_SUM, "function twoSum(a, t) {\n  return [\n}\n", "javascript")
    assert syntax.verdict == verdicts.COMPILE_ERROR and syntax.markers[0]["line"] == 3


@needs_node
def test_javascript_limits():
    loop = run_submission(TWO_SUM, "function twoSum(a, t) { while (true) {} }", "javascript", limits=FAST)
    assert loop.verdict == verdicts.TIME_LIMIT
    out = run_submission(TWO_SUM, "function twoSum(a, t) {\n  for (let i = 0; i < 1e6; i++) console.log('x'.repeat(1000));\n}\n",
                         "javascript", limits=FAST)
    assert out.verdict == verdicts.OUTPUT_LIMIT


@needs_gxx
def test_cpp_accepted_with_script_test(cpp_results):
    result = cpp_results["good"]
    assert result.verdict == verdicts.ACCEPTED and result.total == 3
    assert result.tests[0].actual == [0, 1]


@needs_gxx
def test_cpp_wrong_answer_captures_stdout(cpp_results):
    result = cpp_results["wrong"]
    assert result.verdict == verdicts.WRONG_ANSWER and result.tests[0].stdout == "size 4\n"


@needs_gxx
def test_cpp_compile_error_points_at_the_candidate_line(cpp_results):
    result = cpp_results["syntax"]
    assert result.verdict == verdicts.COMPILE_ERROR
    assert "solution.cpp:2" in result.compile_output
    assert [m["line"] for m in result.markers if m["severity"] == "error"] == [2]


@needs_gxx
def test_cpp_crash_and_timeout(cpp_results):
    assert cpp_results["crash"].verdict == verdicts.RUNTIME_ERROR
    assert "segmentation fault" in cpp_results["crash"].tests[0].error
    assert cpp_results["loop"].verdict == verdicts.TIME_LIMIT
