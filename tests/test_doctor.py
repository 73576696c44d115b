"""`perfect-pitch doctor`: ready only when an interview can run."""
from __future__ import annotations

import json

from desktop.cli import main


def test_doctor_is_ready_on_a_set_up_machine(capsys):
    code = main(["doctor", "--json"])
    out = json.loads(capsys.readouterr().out)
    checks = {c["name"]: c for c in out["checks"]}
    assert code == 0 and out["ready"] is True, [c for c in out["checks"] if not c["ok"]]
    assert "PySide6 6.11" in checks["qt"]["detail"]
    assert "pyside6-scintilla" in checks["editor"]["detail"]
    assert "integrity ok" in checks["database"]["detail"] and "schema" in checks["database"]["detail"]
    assert "free" in checks["disk"]["detail"]
    assert "microphone" in checks  # present, or "none found" — never a crash
    assert all(checks[f"model {n}"]["ok"] for n in ("whisper-base", "gemma-3-270m-q4_k_m"))


def test_doctor_fails_with_the_fix_when_models_are_missing(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("PERFECT_PITCH_MODELS_DIR", str(tmp_path / "empty"))
    code = main(["doctor"])
    text = capsys.readouterr().out
    assert code == 1
    assert "not installed" in text and "perfect-pitch models install" in text
    assert "Not ready" in text


def test_doctor_reports_an_unreadable_database(capsys, isolated_dirs):
    isolated_dirs["data"].mkdir(parents=True)
    (isolated_dirs["data"] / "perfect-pitch.sqlite3").write_text("not a database")
    assert main(["doctor", "--quick"]) == 1
    assert "not a Perfect Pitch database" in capsys.readouterr().out
