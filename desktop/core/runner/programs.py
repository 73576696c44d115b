"""How each language is started in the sandbox: the jail mode, the command,
the resource limits and the header line its harness reads."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from . import cpp, sandbox
from .limits import Limits
from .problem import LanguageSpec

MB = 1024 * 1024
JS_HARNESS = Path(__file__).resolve().parent / "child" / "js_harness.js"
# V8 reserves far more address space than it uses: node needs ~1 GB of it
# just to start, so its memory cap is the heap size flag, not RLIMIT_AS alone.
NODE_ADDRESS_SPACE_MB = 1024
NODE_EXTRA_THREADS = 32
# All the run's processes together (memory cgroup, or polling): the program's own
# limit plus room for the interpreter, the jail's two helpers and file caches.
RUN_HEADROOM_MB = 64
NODE_HEADROOM_MB = 192          # node's runtime beyond its JavaScript heap
COMPILE_MEMORY_MB = 1536
COMPILE_DISK_MB = 256


@dataclass
class Program:
    mode: str                      # jail mode: "python" (harness in-process) or "exec"
    argv: list[str] | None
    rlimits: dict
    processes: int
    header: dict = field(default_factory=dict)
    compile_output: str = ""
    memory_bytes: int | None = None   # all processes of the run together
    disk_bytes: int | None = None     # the run's folder


@dataclass
class CompileFailure:
    output: str
    markers: list[dict]


def _rlimits(limits: Limits, address_space_mb: int | None) -> dict:
    return {"CPU": int(math.ceil(limits.total_time_s)) + 1,
            "AS": address_space_mb * MB if address_space_mb else None,
            "FSIZE": limits.output_limit_bytes + 1,   # one byte past the cap shows it was hit
            "NOFILE": 256}


def prepare(spec: LanguageSpec, code: str, workdir: sandbox.Workdir, limits: Limits,
            tool: str) -> Program | CompileFailure:
    if spec.language == "python":
        return Program("python", None, _rlimits(limits, limits.memory_mb), limits.processes,
                       {"source": code, "entry_point": spec.entry_point},
                       memory_bytes=(limits.memory_mb + RUN_HEADROOM_MB) * MB,
                       disk_bytes=limits.disk_limit_bytes)
    if spec.language == "javascript":
        workdir.write("harness.js", JS_HARNESS.read_text(encoding="utf-8"))
        argv = [tool, f"--max-old-space-size={limits.memory_mb}", "harness.js"]
        return Program("exec", argv, _rlimits(limits, limits.memory_mb + NODE_ADDRESS_SPACE_MB),
                       limits.processes + NODE_EXTRA_THREADS,
                       {"source": code, "entry_point": spec.entry_point},
                       memory_bytes=(limits.memory_mb + NODE_HEADROOM_MB) * MB,
                       disk_bytes=limits.disk_limit_bytes + _size(workdir))
    if spec.language == "cpp":
        return _build_cpp(spec, code, workdir, limits, tool)
    raise ValueError(spec.language)


def _build_cpp(spec, code, workdir, limits, tool) -> Program | CompileFailure:
    # The unit compiled is main.cpp; solution.cpp holds the code as typed, so the
    # compiler's `#line "solution.cpp"` snippets quote the candidate's own lines.
    workdir.write("solution.cpp", code)
    workdir.write("main.cpp", cpp.translation_unit(spec, code))
    rlimits = {"CPU": int(math.ceil(limits.compile_time_s)) + 1, "AS": 2048 * MB,
               "FSIZE": 256 * MB, "NOFILE": 256}
    outcome = sandbox.run_jailed(
        mode="exec", argv=[tool, *cpp.COMPILE_FLAGS, "-o", "solution", "main.cpp"],
        workdir=workdir, rlimits=rlimits, processes=16,
        on_event=cpp.compile_deadline(limits.compile_time_s), output_cap=256 * 1024,
        memory_bytes=COMPILE_MEMORY_MB * MB, disk_bytes=COMPILE_DISK_MB * MB)
    output = (outcome.stderr + outcome.stdout).decode("utf-8", "replace")
    failed = outcome.event("jail_error")
    if failed:
        raise sandbox.SandboxError(failed.get("error") if failed.get("unavailable") else
                                   f"the compiler could not be started ({failed.get('error')}).")
    if outcome.timed_out:
        return CompileFailure(
            f"Compilation took longer than {limits.compile_time_s:g} s.\n{output}", [])
    if outcome.memory_exceeded:
        return CompileFailure(
            f"Compilation used more than {COMPILE_MEMORY_MB} MB of memory.\n{output}", [])
    if outcome.disk_exceeded:
        return CompileFailure(
            f"Compilation went over the disk quota: {outcome.disk_exceeded}.\n{output}", [])
    if outcome.exit_code != 0:
        if "harness.cpp" in output:
            output += (f"\nNote: the function must be callable as "
                       f"`{cpp.signature_text(spec)}`.\n")
        return CompileFailure(output[-16000:], cpp.compile_markers(output))
    rl = _rlimits(limits, limits.memory_mb)
    rl["STACK"] = 64 * MB   # deep recursion is common in C++ answers
    return Program("exec", ["./solution"], rl, limits.processes, {}, compile_output=output,
                   memory_bytes=(limits.memory_mb + RUN_HEADROOM_MB) * MB,
                   disk_bytes=limits.disk_limit_bytes + _size(workdir))


def _size(workdir: sandbox.Workdir) -> int:
    """What the folder holds before the program runs (harness, sources, binary):
    the program's quota comes on top."""
    return sandbox.folder_usage(workdir.path)[0]
