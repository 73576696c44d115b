"""`perfect-pitch interview` and `transcribe` end to end: real bank, real
sandbox, real DB, and (where marked) the real default models."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from desktop.cli import main
from tests.speech import speak

STAR = ("At my last job our release process broke every Friday. I was responsible for fixing it "
        "in two weeks. I decided to automate the checks and I wrote a runbook. As a result, "
        "failed releases dropped by 80 percent.")


def espeak_wav(tmp_path, text, name="answer"):
    return speak(text, tmp_path / f"{name}.wav")


def run_json(capsys, argv):
    code = main(argv + ["--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_scripted_coding_interview_with_typed_answer_code_and_commands(tmp_path, capsys):
    from db import close_database, open_database, service
    from desktop.core import bank, paths
    database = open_database(paths.database_path())
    bank.sync_builtin()
    problem = next(q for q in service.bank_records("coding") if q["id"] == "code-001")
    close_database(database)
    wrong = tmp_path / "wrong.py"
    wrong.write_text(problem["languages"]["python"]["starter"])
    right = tmp_path / "right.py"
    right.write_text(problem["solution"]["python"])
    hint = tmp_path / "hint.txt"
    hint.write_text("/hint")
    words = tmp_path / "explain.txt"
    words.write_text("I scan each inner index once, so it is linear time and constant space.")
    code, out = run_json(capsys, ["interview", "--mode", "technical", "--questions", "1",
                                  "--question", "code-001", "--no-model",
                                  "--answer", str(hint), "--answer", str(wrong),
                                  "--answer", str(right), "--answer", str(words)])
    assert code == 0
    kinds = [m["kind"] for m in out["messages"]]
    assert kinds[:2] == ["intro", "question"] and kinds[-1] == "outro"
    assert "hint" in kinds
    assert [s["verdict"] for s in out["submissions"]][-1] == "Accepted"
    q = out["report"]["data"]["questions"][0]
    assert q["kind"] == "coding" and q["hints_used"] == 1 and q["score"] == 9.0


def test_spoken_answer_is_transcribed_and_scored_with_the_real_models(tmp_path, capsys):
    wav = espeak_wav(tmp_path, STAR)
    code, out = run_json(capsys, ["interview", "--mode", "behavioral", "--questions", "1",
                                  "--seed", "5", "--answer", str(wav)])
    assert code == 0
    answer = next(m for m in out["messages"] if m["kind"] == "answer")
    assert answer["status"] == "completed" and answer["meta"]["input"] == "voice"
    assert answer["meta"]["snr_db"] > 40  # a quiet recording: no noise warning
    text = answer["content"].lower()
    assert "release" in text and "runbook" in text
    signals = {s["kind"]: s for s in out["report"]["data"]["questions"][0]["signals"]}
    assert signals["delivery"]["score"] is not None  # spoken: delivery is measured
    assert signals["delivery"]["evidence"]["words_per_minute"] > 60
    from db import close_database, open_database, service
    from desktop.core import paths
    database = open_database(paths.database_path())
    try:
        gens = service.generations(out["interview_id"])
        assert gens and all(g["model_id"] and g["prompt_hash"] and g["seed"] is not None for g in gens)
        assert service.recordings(out["interview_id"])[0]["duration_s"] > 3
    finally:
        close_database(database)


def test_silence_is_not_turned_into_words(tmp_path, capsys):
    if not shutil.which("sox"):
        pytest.skip("sox is needed")
    silent = tmp_path / "silence.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(silent), "trim", "0", "3"], check=True)
    code, out = run_json(capsys, ["interview", "--mode", "behavioral", "--questions", "1",
                                  "--no-model", "--answer", str(silent)])
    assert code == 0
    answer = next(m for m in out["messages"] if m["kind"] == "answer")
    assert answer["status"] == "failed" and answer["content"] == ""
    assert "Nothing was heard" in answer["meta"]["error"]


def test_transcribe_command_json(tmp_path, capsys):
    wav = espeak_wav(tmp_path, "I would use a hash map for constant time lookups.")
    code, out = run_json(capsys, ["transcribe", str(wav), "--context", "hash map, lookups"])
    assert code == 0 and "hash map" in out["text"].lower()
    assert out["words"] and out["duration"] > 1 and out["seconds_taken"] > 0


def test_missing_and_non_audio_files_get_clear_errors(tmp_path, capsys):
    assert main(["interview", "--answer", str(tmp_path / "nope.txt")]) == 2
    assert "No such answer file" in capsys.readouterr().err
    fake = tmp_path / "notes.wav"
    fake.write_text("this is not audio")
    assert main(["transcribe", str(fake)]) == 2
    assert "Cannot transcribe" in capsys.readouterr().err


def test_headless_make_run_plays_the_demo(tmp_path):
    """`make run` with no display: says so and runs the scripted demo."""
    import os
    import sys
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                            "QT_QPA_PLATFORM")}
    out = subprocess.run([sys.executable, "-m", "desktop", "gui", "--demo-if-headless"],
                         capture_output=True, text=True, env=env, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "No display found" in out.stdout and "REPORT" in out.stdout
    assert "Tests: Accepted" in out.stdout


def test_bad_resume_and_unknown_question_are_refused_cleanly(capsys):
    assert main(["interview", "--resume", "99", "--no-model"]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["interview", "--question", "nope", "--no-model"]) == 2
    assert "Not in the question bank: nope" in capsys.readouterr().err
    from db import close_database, open_database, service
    from desktop.core import paths
    database = open_database(paths.database_path())
    try:
        assert service.list_interviews(service.create_profile("cli")["id"]) == []  # no orphan
    finally:
        close_database(database)


def test_cli_refuses_a_database_the_window_holds(capsys):
    from db import close_database, open_database
    from desktop.core import paths
    window = open_database(paths.database_path(), exclusive=True)  # as the window does
    try:
        assert main(["interview", "--no-model", "--question", "beh-001"]) == 2
        assert "already using" in capsys.readouterr().err
    finally:
        close_database(window)
