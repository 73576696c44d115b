"""Which languages this machine can run, with the tool behind each one."""
from __future__ import annotations

import platform
import shutil
import subprocess
import sys
import threading

from .sandbox import python_executable

_lock = threading.Lock()
_cache: dict[str, dict] | None = None


def available_languages(refresh: bool = False) -> dict[str, dict]:
    """{"python": {"available": True, "tool": path, "version": "3.11.7", "reason": ""}, ...}
    `reason` says why a language is missing and how to get it."""
    global _cache
    with _lock:
        if _cache is None or refresh:
            _cache = {"python": _python(), "javascript": _node(), "cpp": _gxx()}
        return {k: dict(v) for k, v in _cache.items()}


def tool(language: str) -> str | None:
    info = available_languages().get(language)
    return info["tool"] if info and info["available"] else None


def _entry(tool_path, version="", reason="") -> dict:
    return {"available": bool(tool_path) and not reason, "tool": tool_path or "",
            "version": version, "reason": reason}


def _python() -> dict:
    exe = python_executable()
    if not exe:
        return _entry(None, reason="No Python 3 interpreter that the sandbox user can run was "
                                   "found (install the system python3).")
    if exe == sys.executable:
        return _entry(exe, platform.python_version())
    return _entry(exe, _version([exe, "--version"]).replace("Python ", ""))


def _node() -> dict:
    exe = shutil.which("node") or shutil.which("nodejs")
    if not exe:
        return _entry(None, reason="Node.js is not installed (e.g. `apt install nodejs`).")
    version = _version([exe, "--version"])
    if not version:
        return _entry(exe, reason=f"{exe} did not run (`node --version` failed).")
    return _entry(exe, version.lstrip("v"))


def _gxx() -> dict:
    exe = shutil.which("g++")
    if not exe:
        return _entry(None, reason="g++ is not installed (e.g. `apt install g++`).")
    version = _version([exe, "-dumpfullversion"])
    if not version:
        return _entry(exe, reason=f"{exe} did not run (`g++ -dumpfullversion` failed).")
    return _entry(exe, version)


def _version(argv: list[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip().splitlines()[0] if done.returncode == 0 and done.stdout.strip() else ""
