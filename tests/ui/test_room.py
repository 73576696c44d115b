"""The interview room driven as a person would: type an answer, run code,
see verdicts, use hint/skip/end, close mid-interview and resume, open the
review. Real widgets (offscreen), real DB, real sandbox. The models are not
loaded here (the engine words everything itself, as in the window's first
seconds); bench/bench_ui.py and tests/test_cli_interview.py use them."""
from __future__ import annotations

from PySide6.QtCore import Qt

from db import service
from desktop.core.engine import Phase
from desktop.ui.room import InterviewRoom
from desktop.ui.model_host import ModelHost

ANSWER = ("At my previous job our deploys failed twice a week. I was responsible for fixing it. "
          "I decided to add a staging check and I wrote the runbook. As a result failures "
          "dropped by 90 percent.")


def open_room(qtbot, worker, profile, mode, qids):
    host = ModelHost(worker)  # models not loaded: the room works without them
    iv = service.create_interview(profile["id"], "UI test", mode, [], question_count=len(qids))
    room = InterviewRoom(iv["id"], worker, host, plan=qids)  # fixed plan: deterministic
    qtbot.addWidget(room)
    show_active(qtbot, room)
    qtbot.waitUntil(lambda: room.session.phase == Phase.QUESTION, timeout=10_000)
    wait_idle(qtbot, room)
    return room


def show_active(qtbot, window):
    """Window shortcuts (Ctrl+H, Ctrl+R, …) only fire in the active window."""
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()


def conversation_shows(qtbot, room, text):
    qtbot.waitUntil(lambda: text in room.conversation.toPlainText(), timeout=10_000)


def wait_idle(qtbot, room):
    qtbot.waitUntil(lambda: not room.controller.busy, timeout=30_000)


def coding_problem():
    from desktop.core import bank
    bank.sync_builtin()
    return next(q for q in service.bank_records("coding") if q["difficulty"] == "easy")


def behavioral_question():
    from desktop.core import bank
    bank.sync_builtin()
    return service.bank_records("behavioral")[0]


def test_type_an_answer_run_code_see_verdicts_end_and_review(qtbot, worker, profile):
    beh, code_q = behavioral_question(), coding_problem()
    room = open_room(qtbot, worker, profile, "Mixed", [beh["id"], code_q["id"]])
    room.voice.text.setPlainText(ANSWER)
    qtbot.mouseClick(room.voice.send_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, room)
    while room.session.phase == Phase.FOLLOW_UP and room.session.state.index == 0:
        room.voice.text.setPlainText("We tracked it for three months and it held at 1 failure.")
        qtbot.mouseClick(room.voice.send_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, room)
    assert room.session.current_question["id"] == code_q["id"]
    assert room.code.editor.text() == code_q["languages"]["python"]["starter"]
    # a wrong solution first: verdicts in the results panel, a failing follow-up
    qtbot.mouseClick(room.code.run_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, room)
    assert room.code.results.rowCount() > 0
    assert "Accepted" not in room.code.summary.text()
    room.code.editor.set_text(code_q["solution"]["python"])
    qtbot.keyClick(room, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, room)
    assert room.code.summary.text().startswith("Accepted")
    verdicts = {room.code.results.item(r, 1).text() for r in range(room.code.results.rowCount())}
    assert verdicts == {"Accepted"}
    qtbot.mouseClick(room.buttons["end"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, room)
    assert room.session.phase == Phase.DONE
    timeline = [room.timeline.item(i).text() for i in range(room.timeline.count())]
    assert any("Accepted" in t for t in timeline) and any("Report" in t for t in timeline)
    report = service.get_report(room.interview["id"])
    assert report is not None and report["overall_score"] is not None
    from desktop.ui.review import ReviewWindow
    review = ReviewWindow(room.interview["id"])
    qtbot.addWidget(review)
    review.show()


def test_hint_skip_and_close_mid_interview_then_resume(qtbot, worker, profile):
    beh, code_q = behavioral_question(), coding_problem()
    room = open_room(qtbot, worker, profile, "Mixed", [code_q["id"], beh["id"]])
    qtbot.keyClick(room, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, room)
    conversation_shows(qtbot, room, "Hint 1")
    qtbot.mouseClick(room.buttons["skip"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, room)
    assert room.session.state.index == 1
    interview_id = room.interview["id"]
    room.close()  # mid-interview: committed work stays, the interview is resumable
    assert service.get_interview(interview_id)["status"] == "in_progress"
    again = InterviewRoom(interview_id, worker, ModelHost(worker))
    qtbot.addWidget(again)
    show_active(qtbot, again)
    wait_idle(qtbot, again)
    assert again.session.state.index == 1
    conversation_shows(qtbot, again, "Welcome back")
    assert "Hint 1" in again.conversation.toPlainText()  # history reloaded


def test_no_microphone_falls_back_to_typing(qtbot, worker, profile):
    from desktop.core.audio import NoMicrophone

    def no_mic():
        raise NoMicrophone("No microphone was found.")

    beh = behavioral_question()
    iv = service.create_interview(profile["id"], "mic", "Behavioral", [], question_count=1)
    room = InterviewRoom(iv["id"], worker, ModelHost(worker), source_factory=no_mic,
                         plan=[beh["id"]])
    qtbot.addWidget(room)
    show_active(qtbot, room)
    qtbot.waitUntil(lambda: room.session.phase == Phase.QUESTION, timeout=10_000)
    qtbot.keyClick(room, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: room.voice.mic_note.isVisible(), timeout=5000)
    assert "type your answers" in room.voice.mic_note.text()
    assert not room.voice.record_button.isChecked()


def test_spoken_answer_through_the_voice_panel_with_the_real_models(qtbot, worker, profile,
                                                                     tmp_path):
    """Record (a WAV file played as the microphone): the real Whisper
    transcribes it while it is recorded (streaming), and the real LLM words
    the follow-up on the worker."""
    from desktop.core.audio import WavFileSource
    from tests.speech import speak

    wav = speak(ANSWER, tmp_path / "a.wav")
    host = ModelHost(worker)
    host.load("whisper-base", "gemma-3-270m-q4_k_m")
    qtbot.waitUntil(lambda: host.state == {"stt": "ready", "llm": "ready"}, timeout=120_000)
    beh = behavioral_question()
    iv = service.create_interview(profile["id"], "voice", "Behavioral", [], question_count=1)
    room = InterviewRoom(iv["id"], worker, host, plan=[beh["id"]],
                         source_factory=lambda: WavFileSource(wav))
    qtbot.addWidget(room)
    show_active(qtbot, room)
    qtbot.waitUntil(lambda: room.session.phase == Phase.QUESTION and not room.controller.busy,
                    timeout=10_000)
    assert room.session.model is not None
    tokens, live = [], []
    room.controller.event.connect(lambda e: e.kind == "token" and tokens.append(e.data["text"]))
    room.voice.spoken_answer.connect(lambda _samples, transcript: live.append(transcript))
    qtbot.mouseClick(room.voice.record_button, Qt.MouseButton.LeftButton)  # start
    qtbot.waitUntil(lambda: not room.recorder.recording, timeout=30_000)  # the file ends
    qtbot.waitUntil(lambda: room.controller.busy, timeout=5_000)
    wait_idle(qtbot, room)
    answer = next(m for m in service.load_transcript(iv["id"]) if m["kind"] == "answer")
    assert answer["status"] == "completed" and answer["meta"]["input"] == "voice"
    assert "runbook" in answer["content"].lower()
    assert live and live[0] is not None, "transcribed while recording (streaming), not after"
    (gen,) = [g for g in service.generations(iv["id"]) if g["purpose"] == "follow_up"]
    assert gen["model_id"].startswith("gemma")  # the real model was asked, on the worker
    # what it wrote streamed in as it came (a base model may also write nothing
    # usable, and then the engine's own question stands)
    assert bool(tokens) == bool(gen["output"])
    assert service.recordings(iv["id"])[0]["path"].endswith(".wav")
    conversation_shows(qtbot, room, "runbook")


def test_closing_while_recording_keeps_the_answer(qtbot, worker, profile, tmp_path):
    """The window closes mid-recording: the recorded audio is still committed
    as the answer (transcribed by the worker) before the session is saved."""
    from desktop.core.audio import WavFileSource
    from tests.speech import speak

    wav = speak(ANSWER, tmp_path / "a.wav")
    host = ModelHost(worker)
    host.load("whisper-base", "gemma-3-270m-q4_k_m")
    qtbot.waitUntil(lambda: host.state["stt"] == "ready", timeout=120_000)
    beh = behavioral_question()
    iv = service.create_interview(profile["id"], "close", "Behavioral", [], question_count=1)
    room = InterviewRoom(iv["id"], worker, host, plan=[beh["id"]],
                         source_factory=lambda: WavFileSource(wav, realtime=True))
    qtbot.addWidget(room)
    show_active(qtbot, room)
    qtbot.waitUntil(lambda: room.session.phase == Phase.QUESTION and not room.controller.busy,
                    timeout=10_000)
    room.voice.record_button.setChecked(True)
    qtbot.wait(3000)  # three seconds of speech, then the window is closed
    controller = room.controller
    room.close()
    qtbot.waitUntil(lambda: not controller.busy, timeout=60_000)
    answer = next(m for m in service.load_transcript(iv["id"]) if m["kind"] == "answer")
    assert answer["status"] == "completed" and "deploy" in answer["content"].lower()
    assert service.get_interview(iv["id"])["status"] == "in_progress"  # resumable
