"""The service API on a real SQLite file."""
from __future__ import annotations

import threading

import pytest

from db import service


def test_profiles_are_trimmed_unique_and_validated(db):
    a = service.create_profile("  Ana   Lee ")
    assert a["username"] == "Ana Lee"
    assert service.create_profile("Ana Lee")["id"] == a["id"]
    with pytest.raises(ValueError, match="empty"):
        service.create_profile("   ")
    with pytest.raises(ValueError, match="at most"):
        service.create_profile("x" * 41)


def test_interview_with_skills_messages_and_transcript(db, profile):
    iv = service.create_interview(profile["id"], "Backend practice", "Technical/Coding",
                                  ["Python", "Algorithms", "Brand New Skill"], question_count=2)
    assert iv["mode"] == "technical" and iv["skills"] == ["Algorithms", "Brand New Skill", "Python"]
    m = service.add_message(iv["id"], "user", "", kind="answer", status="processing")
    assert m["status"] == "processing"
    m = service.update_message(m["id"], content="my answer", status="completed")
    service.add_message(iv["id"], "assistant", "follow-up?", kind="follow_up")
    transcript = service.load_transcript(iv["id"])
    assert [(t["role"], t["content"], t["status"]) for t in transcript] == [
        ("user", "my answer", "completed"), ("assistant", "follow-up?", "completed")]
    with pytest.raises(ValueError):
        service.add_message(iv["id"], "user", "x", status="weird")


def test_unknown_type_is_a_clear_error(db, profile):
    with pytest.raises(ValueError, match="Unknown interview type"):
        service.create_interview(profile["id"], "x", "Astrology")


def test_list_search_filter_and_soft_delete_with_undo(db, profile):
    a = service.create_interview(profile["id"], "Leadership drill", "Behavioral", ["Leadership"])
    b = service.create_interview(profile["id"], "Graphs", "Technical/Coding", ["Graphs"])
    other = service.create_profile("someone else")
    service.create_interview(other["id"], "Not mine", "Behavioral")
    rows = service.list_interviews(profile["id"])
    assert [r["id"] for r in rows] == [b["id"], a["id"]]  # newest first
    assert [r["title"] for r in service.list_interviews(profile["id"], search="drill")] == ["Leadership drill"]
    assert [r["id"] for r in service.list_interviews(profile["id"], type_name="Technical/Coding")] == [b["id"]]
    assert [r["id"] for r in service.list_interviews(profile["id"], skill="Leadership")] == [a["id"]]
    service.update_interview(a["id"], status="completed")
    assert [r["id"] for r in service.list_interviews(profile["id"], status="completed")] == [a["id"]]
    service.delete_interview(a["id"])
    assert service.count_interviews(profile["id"]) == 1
    service.restore_interview(a["id"])
    assert service.count_interviews(profile["id"]) == 2


def test_processing_messages_become_interrupted_at_startup(db, profile):
    iv = service.create_interview(profile["id"], "t", "Behavioral")
    done = service.add_message(iv["id"], "user", "kept", kind="answer")
    pending = service.add_message(iv["id"], "user", "", kind="answer", status="processing")
    assert service.mark_interrupted() == 1
    statuses = {m["id"]: m["status"] for m in service.load_transcript(iv["id"])}
    assert statuses == {done["id"]: "completed", pending["id"]: "interrupted"}


def test_ui_thread_and_worker_thread_write_at_once(db, profile):
    iv = service.create_interview(profile["id"], "threads", "Behavioral")
    errors = []

    def writer(role):
        try:
            for i in range(200):
                service.add_message(iv["id"], role, f"{role} {i}")
        except Exception as exc:  # pragma: no cover - the assertion reports it
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(r,)) for r in ("user", "assistant")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(service.load_transcript(iv["id"])) == 400


def test_report_evaluation_generation_and_notes_round_trip(db, profile):
    iv = service.create_interview(profile["id"], "t", "Behavioral")
    service.add_evaluation(iv["id"], "model", "rubric", 7.0, {"why": "x"}, model_id="m",
                           prompt_hash="abc", seed=1, temperature=0.2)
    gid = service.add_generation("follow_up", "m", "abc", 1, 0.2, "text", interview_id=iv["id"])
    report = service.save_report(iv["id"], 6.5, "summary", {"questions": []})
    assert report["overall_score"] == 6.5
    assert service.get_interview(iv["id"])["overall_score"] == 6.5
    service.save_report(iv["id"], None, "again", {})
    assert service.get_report(iv["id"])["overall_score"] is None  # upsert, not a second row
    assert service.evaluations(iv["id"])[0]["prompt_hash"] == "abc"
    assert service.generations(iv["id"])[0]["id"] == gid
    service.add_note(iv["id"], "good structure", author="reviewer")
    assert service.notes(iv["id"])[0]["body"] == "good structure"
    with pytest.raises(ValueError):
        service.add_note(iv["id"], "  ")


def test_reimporting_a_question_updates_it(db):
    record = {"id": "q-1", "kind": "behavioral", "prompt": "Old prompt", "skills": ["Teamwork"],
              "difficulty": "easy", "strong_answer": ["x"]}
    service.upsert_questions("pack", [record])
    service.upsert_questions("pack", [dict(record, prompt="New prompt", difficulty="hard")])
    (stored,) = service.bank_records("behavioral")
    assert stored["prompt"] == "New prompt" and stored["difficulty"] == "hard"
