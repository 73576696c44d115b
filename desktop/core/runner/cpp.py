"""C++ submissions: one translation unit made of the harness runtime, the
candidate's code (with `#line` so messages name solution.cpp and its lines)
and a generated function that converts the JSON arguments to the types of
the problem's signature, calls the entry point and prints the answer."""
from __future__ import annotations

import re
import time
from pathlib import Path

from .problem import LanguageSpec, ProblemError

RUNTIME = Path(__file__).resolve().parent / "child" / "cpp_runtime.hpp"
SUPPORTED_TYPES = ("int", "long long", "double", "bool", "string", "vector<int>",
                   "vector<long long>", "vector<double>", "vector<string>", "vector<vector<int>>")
COMPILE_FLAGS = ["-std=c++17", "-O2", "-pipe"]
_ELAPSED_MS = ("    ms = std::chrono::duration<double, std::milli>(\n"
               "        std::chrono::steady_clock::now() - t0).count();\n")
_DIAGNOSTIC = re.compile(r"^solution\.cpp:(\d+):(?:\d+:)?\s*(fatal error|error|warning):\s*(.*)$", re.M)


def normalize_type(name: str) -> str:
    """'vector< vector<int> >' -> 'vector<vector<int>>'; 'std::string' -> 'string'."""
    t = re.sub(r"\s+", " ", str(name).replace("std::", "")).strip()
    t = re.sub(r"\s*([<>,])\s*", r"\1", t)
    if t not in SUPPORTED_TYPES:
        raise ProblemError(f"C++ type {name!r} is not supported; "
                           f"use one of: {', '.join(SUPPORTED_TYPES)}.")
    return t


def _cxx(t: str) -> str:
    return t.replace("string", "std::string").replace("vector", "std::vector")


def translation_unit(spec: LanguageSpec, code: str) -> str:
    signature = spec.signature or {}
    args = [normalize_type(a) for a in signature.get("args", [])]
    ret = normalize_type(signature.get("returns", ""))
    convert = "\n".join(f"    auto a{i} = pp_rt::From<{_cxx(t)}>::get(args.items[{i}]);"
                        for i, t in enumerate(args))
    call_args = ", ".join(f"a{i}" for i in range(len(args)))
    script = next((t.script for t in spec.tests if t.script is not None), None)
    check_part, check_fn = "", "nullptr"
    if script:
        check_part = (
            "#undef assert\n"
            "#define assert(cond) ((cond) ? (void)0 : throw pp_rt::AssertionFailed(#cond))\n"
            f"{script}\n"
            "static void pp_check(double& ms) {\n"
            "    auto t0 = std::chrono::steady_clock::now();\n"
            f"    check({spec.entry_point});\n"
            f"{_ELAPSED_MS}"
            "}\n")
        check_fn = "pp_check"
    return (
        f"{RUNTIME.read_text(encoding='utf-8')}\n"
        "using namespace std;\n"
        '#line 1 "solution.cpp"\n'
        f"{code}\n"
        '#line 1 "harness.cpp"\n'
        f"{check_part}"
        "static std::string pp_call(const pp_rt::Json& args, double& ms) {\n"
        f"    if (args.kind != pp_rt::Json::Array || args.items.size() != {len(args)})\n"
        f'        throw pp_rt::BadInput("expected {len(args)} arguments");\n'
        f"{convert}\n"
        "    auto t0 = std::chrono::steady_clock::now();\n"
        f"    {_cxx(ret)} result = {spec.entry_point}({call_args});\n"
        f"{_ELAPSED_MS}"
        "    std::string out;\n"
        "    pp_rt::put(out, result);\n"
        "    return out;\n"
        "}\n"
        f"int main() {{ return pp_rt::main_loop(pp_call, {check_fn}); }}\n")


def signature_text(spec: LanguageSpec) -> str:
    sig = spec.signature or {}
    return f"{sig.get('returns')} {spec.entry_point}({', '.join(sig.get('args', []))})"


def compile_markers(output: str) -> list[dict]:
    markers, seen = [], set()
    for m in _DIAGNOSTIC.finditer(output):
        line, severity, message = int(m.group(1)), m.group(2), m.group(3).strip()
        severity = "warning" if severity == "warning" else "error"
        if (line, severity) not in seen:
            seen.add((line, severity))
            markers.append({"line": line, "message": message, "severity": severity})
    return markers


def compile_deadline(seconds: float):
    end = time.monotonic() + seconds
    return lambda event: end
