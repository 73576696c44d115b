"""`perfect-pitch doctor [--json]`: one self-check a user can run.

Exit code 0 only when the app can run an interview: Qt and the editor import,
both default models are present and verified, and the database opens,
migrates and passes `PRAGMA integrity_check`.
"""
from __future__ import annotations

import platform
import shutil
import sys

from desktop.core import model_store, paths

from .output import human_size, print_json

MIN_FREE_BYTES = 200 * 1024 * 1024


def register(sub) -> None:
    p = sub.add_parser("doctor", help="check that everything needed for an interview is in place")
    p.add_argument("--json", action="store_true")
    p.add_argument("--quick", action="store_true", help="skip model checksums")
    p.set_defaults(func=cmd_doctor)


def _check(name: str, ok: bool | None, detail: str, required: bool = True) -> dict:
    return {"name": name, "ok": ok, "detail": detail, "required": required}


def _qt_checks() -> list[dict]:
    checks = []
    try:
        import PySide6
        from PySide6 import QtCore
        checks.append(_check("qt", True, f"PySide6 {PySide6.__version__}, Qt {QtCore.qVersion()}"))
    except Exception as exc:  # noqa: BLE001 - any import failure is the finding
        return [_check("qt", False, f"PySide6 does not import: {exc}")]
    try:
        from desktop.ui.editor.scintilla import binding_versions
        checks.append(_check("editor", True, binding_versions()))
    except Exception as exc:  # noqa: BLE001
        checks.append(_check("editor", False, f"Scintilla editor does not import: {exc}"))
    return checks


def _audio_check() -> dict:
    try:
        from desktop.core.audio import list_input_devices
    except Exception as exc:  # noqa: BLE001
        return _check("microphone", None, f"audio support unavailable: {exc}", required=False)
    devices = list_input_devices()
    if not devices:
        return _check("microphone", None, "none found: answers can be typed instead", required=False)
    names = ", ".join(d["name"] if isinstance(d, dict) else str(d) for d in devices)
    return _check("microphone", True, names, required=False)


def _model_checks(verify: bool) -> list[dict]:
    out = []
    for name in model_store.KNOWN_MODELS:
        st = model_store.status(name, verify=verify)
        ok = st.present and st.checksum_ok is not False
        detail = (f"{st.path} ({human_size(st.size)}, checksum "
                  f"{'ok' if st.checksum_ok else 'not checked' if st.checksum_ok is None else 'BAD'})"
                  if ok else f"{st.problem}. {st.fix}")
        out.append(_check(f"model {name}", ok, detail))
    return out


def _database_check() -> list[dict]:
    from db import DataError, close_database, open_database, service
    from db.migrations import LATEST_VERSION

    path = paths.database_path()
    try:
        database = open_database(path)
    except DataError as exc:
        return [_check("database", False, str(exc))]
    try:
        version = database.execute_sql("PRAGMA user_version").fetchone()[0]
        integrity = service.integrity_check()
    finally:
        close_database(database)
    return [_check("database", integrity == "ok" and version == LATEST_VERSION,
                   f"{path}, schema {version}/{LATEST_VERSION}, integrity {integrity}")]


def _disk_check() -> dict:
    folder = paths.data_dir()
    probe = folder if folder.exists() else folder.parent
    while not probe.exists():
        probe = probe.parent
    free = shutil.disk_usage(probe).free
    return _check("disk", free >= MIN_FREE_BYTES, f"{human_size(free)} free at {probe}")


def _runner_checks() -> list[dict]:
    try:
        from desktop.core.runner import available_languages, protections
    except ImportError as exc:
        return [_check("code runner", False, f"unavailable: {exc}", required=False)]
    langs = available_languages()
    prot = protections()
    lang_text = ", ".join(f"{k}: {'yes' if v.get('available') else 'no (' + v.get('reason', '') + ')'}"
                          if isinstance(v, dict) else f"{k}: {v}" for k, v in langs.items())
    prot_text = ", ".join(f"{k}={'on' if v.get('active') else 'off'}"
                          for k, v in prot.items() if k != "sandbox")
    # "sandbox" says whether code can run safely at all: off when a protection
    # needed for safety is missing (then the runner refuses to run code).
    overall = prot.get("sandbox") or {"active": False, "detail": "no sandbox report"}
    safe = bool(overall.get("active"))
    detail = prot_text if safe else "; ".join(filter(None, [overall.get("detail"), prot_text]))
    return [_check("languages", True, lang_text, required=False),
            _check("sandbox", safe, detail, required=False)]


def run_checks(verify_models: bool = True) -> list[dict]:
    checks = [_check("python", True, f"{platform.python_version()} ({sys.executable})")]
    checks += _qt_checks()
    checks.append(_audio_check())
    checks += _model_checks(verify_models)
    checks += _database_check()
    checks.append(_disk_check())
    checks += _runner_checks()
    return checks


def cmd_doctor(args) -> int:
    checks = run_checks(verify_models=not args.quick)
    ready = all(c["ok"] for c in checks if c["required"])
    if args.json:
        print_json({"ready": ready, "checks": checks})
    else:
        for c in checks:
            mark = {True: "ok ", False: "BAD", None: " - "}[c["ok"]]
            print(f"[{mark}] {c['name']:26} {c['detail']}")
        print("Ready for an interview." if ready else "Not ready: fix the BAD lines above.")
    return 0 if ready else 1
