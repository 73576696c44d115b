"""The review window on a saved session built with the real service API."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QGroupBox, QLabel, QListWidget, QPlainTextEdit, QPushButton,
                               QTableWidget, QTabWidget, QTextBrowser, QWidget)

from db import service
from desktop.ui import session_controller
from desktop.ui.review import ReviewWindow

SHOTS = Path("/tmp/shots")
CODE = "def two_sum(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n" \
       "        if target - n in seen:\n            return [seen[target - n], i]\n        seen[n] = i\n"


@pytest.fixture
def session(db, profile):
    """A finished interview: one behavioral and one coding question."""
    iv = service.create_interview(profile["id"], "Backend practice", "Mixed",
                                  ["Python", "Teamwork"], question_count=2)
    iid = iv["id"]
    q1 = service.add_interview_question(iid, "beh-001", 0)
    q2 = service.add_interview_question(iid, "HumanEval/0", 1)
    say = service.add_message
    say(iid, "assistant", "Hello, welcome to the interview.", kind="intro")
    say(iid, "assistant", "Tell me about a conflict in your team.", kind="question",
        interview_question_id=q1["id"])
    say(iid, "user", "At my last job our team disagreed about a release date; I proposed a "
        "compromise and as a result we shipped 2 weeks early.", kind="answer",
        interview_question_id=q1["id"])
    say(iid, "user", "We wrote a runbook afterwards.", kind="answer",
        meta={"input": "voice", "snr_db": 19.4}, interview_question_id=q1["id"])
    say(iid, "user", "", kind="answer", status="failed",
        meta={"error": "Transcription failed: model crashed"}, interview_question_id=q1["id"])
    say(iid, "assistant", "Now write two_sum.", kind="question", interview_question_id=q2["id"])
    say(iid, "assistant", "What is the complexity", kind="follow_up", status="interrupted",
        interview_question_id=q2["id"])
    service.add_code_submission(
        iid, "python", "def two_sum(nums, target):\n    return []\n", verdict="Wrong Answer",
        passed=1, total=3, run_time_ms=12.0, interview_question_id=q2["id"], results=[
            {"index": 0, "name": "example 1", "hidden": False, "verdict": "Accepted", "passed": True,
             "time_ms": 3.0, "input": [[], 0], "expected": [], "actual": []},
            {"index": 1, "name": "example 2", "hidden": False, "verdict": "Wrong Answer",
             "passed": False, "time_ms": 4.0, "input": [[2, 7], 9], "expected": [0, 1], "actual": []},
            {"index": 2, "name": "hidden 1", "hidden": True, "verdict": "Wrong Answer",
             "passed": False, "time_ms": 5.0}])
    service.add_code_submission(
        iid, "python", CODE, verdict="Accepted", passed=3, total=3, run_time_ms=11.0,
        peak_memory_kb=9000, interview_question_id=q2["id"], results=[
            {"index": i, "name": f"test {i + 1}", "hidden": i == 2, "verdict": "Accepted",
             "passed": True, "time_ms": 3.0} for i in range(3)])
    structure = {"kind": "structure", "score": 7.0,
                 "evidence": {"star_parts": {"situation": True, "task": False},
                              "missing_parts": ["task"], "concrete_numbers": 1}}
    tests = {"kind": "tests", "score": 9.0,
             "evidence": {"passed": 3, "total": 3, "best_verdict": "Accepted", "hints_used": 0}}
    service.add_evaluation(iid, "objective", "structure", 7.0, structure["evidence"],
                           interview_question_id=q1["id"])
    service.add_evaluation(iid, "objective", "tests", 9.0, tests["evidence"],
                           interview_question_id=q2["id"])
    judgement = {"score": 4, "strengths": ["clear story"], "improvements": ["name your role"],
                 "summary": "A solid, specific answer."}
    service.add_evaluation(iid, "model", "rubric", 4.0, judgement, interview_question_id=q1["id"],
                           model_id="gemma-3-270m-q4_k_m", prompt_hash="abc", seed=7,
                           temperature=0.2)
    service.add_recording(iid, "/tmp/answers/answer-1.wav", 12.5)
    service.save_report(iid, 8.0, "2 question(s) asked, 2 answered. Overall objective score: 8.0/10.", {
        "questions": [
            {"qid": "beh-001", "kind": "behavioral", "title": "Team conflict", "skipped": False,
             "hints_used": 0, "follow_ups": 1, "score": 7.0, "signals": [structure],
             "model_judgement": {"source": "model", "model_id": "gemma-3-270m-q4_k_m",
                                 "scale": "1-5", **judgement}},
            {"qid": "HumanEval/0", "kind": "coding", "title": "Two sum", "skipped": False,
             "hints_used": 0, "follow_ups": 0, "score": 9.0, "signals": [tests],
             "model_judgement": None}],
        "strengths": ["Two sum: all 3 tests pass."],
        "improvements": ["Cover the missing part(s) of the story: task."],
        "scoring_note": "Scores come from objective signals."})
    service.update_interview(iid, status="completed", started_at=service.utcnow(),
                             ended_at=service.utcnow(), duration_s=754.0)
    return service.get_interview(iid)


def _window(qtbot, interview_id: int) -> ReviewWindow:
    window = ReviewWindow(interview_id)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # shortcuts only fire in the active window
        window.show()
        window.activateWindow()
    return window


def _text(window, name: str) -> str:
    return window.findChild(QTextBrowser, name).toPlainText()


def test_header_transcript_and_marks(qtbot, session):
    window = _window(qtbot, session["id"])
    header = window.findChild(QLabel, "reviewHeader").text()
    for part in ("Backend practice", "Mixed", "Python, Teamwork", "12:34"):
        assert part in header
    assert "8.0" in window.findChild(QLabel, "overallScore").text()
    transcript = _text(window, "transcriptView")
    assert "compromise" in transcript and "Interviewer" in transcript and "Candidate" in transcript
    assert "FAILED" in transcript and "Transcription failed: model crashed" in transcript
    assert "INTERRUPTED" in transcript
    # a spoken answer recorded in a noisy room says so, so a reviewer trusts its words less
    assert "runbook afterwards" in transcript and "noisy recording, signal-to-noise 19 dB" in transcript
    assert transcript.count("noisy recording") == 1
    assert not window.findChild(QLabel, "liveBadge").isVisible()
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "review_transcript.png"))


def test_code_snapshots_are_read_only_with_verdicts(qtbot, session):
    window = _window(qtbot, session["id"])
    tabs = window.findChild(QTabWidget, "reviewTabs")
    tabs.setCurrentIndex(1)
    submissions = window.findChild(QListWidget, "submissionList")
    assert submissions.count() == 2
    assert "Two sum — attempt 2" in submissions.item(1).text()
    editor = window.findChild(QWidget, "codeView")
    assert editor.text() == CODE and editor.readOnly()  # the latest attempt is shown
    tests = window.findChild(QTableWidget, "testTable")
    assert [tests.item(r, 1).text() for r in range(tests.rowCount())] == ["Accepted"] * 3
    submissions.setCurrentRow(0)
    assert "return []" in editor.text()
    verdicts = [tests.item(r, 1).text() for r in range(tests.rowCount())]
    assert verdicts == ["Accepted", "Wrong Answer", "Wrong Answer"]
    assert "expected: [0, 1]; actual: []" in tests.item(1, 3).text()
    assert tests.item(2, 3).text() == "hidden test"
    window.grab().save(str(SHOTS / "review_code.png"))


def test_scores_keep_the_models_opinion_apart(qtbot, session):
    window = _window(qtbot, session["id"])
    window.findChild(QTabWidget, "reviewTabs").setCurrentIndex(2)
    scores = _text(window, "scoresView")
    assert "Team conflict — 7.0/10" in scores and "Two sum — 9.0/10" in scores
    assert "missing parts: task" in scores and "best verdict: Accepted" in scores
    assert "star parts: situation ✓, task ✗" in scores
    assert "solid, specific" not in scores
    box = window.findChild(QGroupBox, "modelOpinion")
    assert box.title() == "Model's opinion (not part of the score)"
    opinion = _text(window, "modelOpinionView")
    assert "4/5" in opinion and "A solid, specific answer." in opinion and "seed 7" in opinion
    report = _text(window, "reportView")
    assert "Two sum: all 3 tests pass." in report and "missing part(s) of the story" in report
    assert "Overall objective score: 8.0/10." in report
    recordings = window.findChild(QTableWidget, "recordingTable")
    assert recordings.item(0, 0).text() == "/tmp/answers/answer-1.wav"
    assert recordings.item(0, 1).text() == "0:12"
    window.grab().save(str(SHOTS / "review_scores.png"))


def test_notes_are_added_and_persisted(qtbot, session):
    window = _window(qtbot, session["id"])
    edit = window.findChild(QPlainTextEdit, "noteEdit")
    button = window.findChild(QPushButton, "addNoteButton")
    assert not button.isEnabled()
    edit.setPlainText("Strong story; probe the task next time.")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [n["body"] for n in service.notes(session["id"])] == ["Strong story; probe the task next time."]
    notes = window.findChild(QListWidget, "notesList")
    assert notes.count() == 1 and "probe the task" in notes.item(0).text()
    assert edit.toPlainText() == ""
    window.findChild(QTabWidget, "reviewTabs").setCurrentIndex(3)
    window.grab().save(str(SHOTS / "review_report_notes.png"))
    edit.setPlainText("Second note")
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(service.notes(session["id"])) == 2
    # Reopening shows them.
    again = _window(qtbot, session["id"])
    assert again.findChild(QListWidget, "notesList").count() == 2


def test_missing_score_shows_a_dash_and_ctrl_w_closes(qtbot, db, profile):
    iv = service.create_interview(profile["id"], "Unscored", "Behavioral", ["Teamwork"])
    window = _window(qtbot, iv["id"])
    assert "—" in window.findChild(QLabel, "overallScore").text()
    assert "No report yet" in _text(window, "reportView")
    assert "No code was run" in window.findChild(QLabel, "submissionSummary").text()
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_a_long_transcript_loads_quickly(qtbot, db, profile):
    iv = service.create_interview(profile["id"], "Long", "Behavioral", ["Teamwork"])
    for i in range(500):
        service.add_message(iv["id"], "user" if i % 2 else "assistant",
                            f"message number {i} " + "words " * 40, kind="answer")
    t0 = time.perf_counter()
    window = _window(qtbot, iv["id"])
    elapsed = time.perf_counter() - t0
    assert "message number 499" in _text(window, "transcriptView")
    assert elapsed < 1.5, f"opening took {elapsed:.2f} s"


def test_follows_a_live_interview(qtbot, profile, worker, unloaded_models):
    """A review window opened on an interview that is running in a room
    updates from the same SessionController, as the seeds broadcast."""
    from desktop.core import bank

    bank.sync_builtin()
    beh = service.bank_records("behavioral")[0]
    code_q = next(q for q in service.bank_records("coding") if q["difficulty"] == "easy")
    iv = service.create_interview(profile["id"], "live", "Mixed", [], question_count=2)
    controller = session_controller.SessionController.open(iv["id"], worker, unloaded_models)
    controller.start([code_q["id"], beh["id"]])
    qtbot.waitUntil(lambda: not controller.busy, timeout=10_000)
    window = _window(qtbot, iv["id"])
    assert window.controller is controller
    assert window.findChild(QLabel, "liveBadge").isVisible()
    controller.answer_text("A brand new live answer about my approach")
    qtbot.waitUntil(lambda: "brand new live answer" in _text(window, "transcriptView"),
                    timeout=10_000)
    controller.submit_code(code_q["solution"]["python"], "python")
    submissions = window.findChild(QListWidget, "submissionList")
    qtbot.waitUntil(lambda: submissions.count() == 1, timeout=30_000)
    controller.command("end")
    badge = window.findChild(QLabel, "liveBadge")
    qtbot.waitUntil(lambda: not badge.isVisible(), timeout=30_000)  # finished: no longer "live"
    window.close()
    assert window.controller is None  # disconnected: closed windows stop refreshing
    controller.close()
