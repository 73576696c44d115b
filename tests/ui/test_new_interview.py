"""The New interview dialog on a real, migrated database."""
from __future__ import annotations

import inspect
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QPlainTextEdit, QSpinBox

from db import service
from desktop.ui.new_interview import NewInterviewDialog

SHOTS = Path("/tmp/shots")


def _dialog(qtbot) -> NewInterviewDialog:
    dialog = NewInterviewDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def _checked(skills: QListWidget) -> list[str]:
    return [skills.item(i).text() for i in range(skills.count())
            if skills.item(i).checkState() == Qt.CheckState.Checked]


def test_type_change_ticks_its_suggested_skills(qtbot, db):
    dialog = _dialog(qtbot)
    types = {t["name"]: t for t in service.interview_types()}
    combo = dialog.findChild(QComboBox, "interviewType")
    skills = dialog.findChild(QListWidget, "skillList")
    combo.setCurrentIndex(combo.findData("Behavioral"))
    assert _checked(skills) == types["Behavioral"]["suggested_skills"]
    combo.setCurrentIndex(combo.findData("Technical/Coding"))
    assert _checked(skills) == types["Technical/Coding"]["suggested_skills"]
    # Every known skill can be ticked, not just the suggested ones.
    listed = {skills.item(i).text() for i in range(skills.count())}
    assert set(service.list_skills()) <= listed
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "new_interview.png"))


def test_values_are_create_interview_kwargs(qtbot, db, profile):
    dialog = _dialog(qtbot)
    dialog.findChild(QLineEdit, "interviewTitle").setText("  Backend practice ")
    combo = dialog.findChild(QComboBox, "interviewType")
    combo.setCurrentIndex(combo.findData("Technical/Coding"))
    new_skill = dialog.findChild(QLineEdit, "newSkill")
    qtbot.keyClicks(new_skill, "Rust")
    qtbot.keyClick(new_skill, Qt.Key.Key_Return)  # adds the skill, does not accept
    assert dialog.isVisible() and dialog.result() == 0
    dialog.findChild(QSpinBox, "questionCount").setValue(5)
    dialog.budget_check.setChecked(True)
    dialog.findChild(QSpinBox, "timeBudget").setValue(40)
    dialog.findChild(QComboBox, "difficulty").setCurrentIndex(2)
    dialog.findChild(QComboBox, "persona").setCurrentIndex(0)
    dialog.findChild(QLineEdit, "jobTitle").setText("Python developer")
    dialog.findChild(QPlainTextEdit, "jobDescription").setPlainText("Build APIs.\nOwn services.")

    values = dialog.values()
    params = list(inspect.signature(service.create_interview).parameters)[1:]
    assert list(values) == params
    assert values["title"] == "Backend practice"
    assert values["type_name"] == "Technical/Coding"
    assert "Rust" in values["skills"] and "Python" in values["skills"]
    assert values["question_count"] == 5 and values["time_budget_s"] == 40 * 60
    assert values["difficulty"] == "hard" and values["persona"] == "friendly"
    assert values["job_description"] == "Build APIs.\nOwn services."
    interview = service.create_interview(profile["id"], **values)
    assert "Rust" in interview["skills"] and interview["time_budget_s"] == 2400


def test_defaults_and_no_time_budget(qtbot, db):
    values = _dialog(qtbot).values()
    assert values["question_count"] == 3 and values["time_budget_s"] is None
    assert values["difficulty"] == "medium" and values["persona"] == "neutral"


def test_ok_needs_a_skill_enter_accepts_escape_cancels(qtbot, db):
    dialog = _dialog(qtbot)
    skills = dialog.findChild(QListWidget, "skillList")
    assert dialog.ok_button.isEnabled()
    for i in range(skills.count()):
        skills.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.ok_button.isEnabled()
    title = dialog.findChild(QLineEdit, "interviewTitle")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert dialog.isVisible()  # nothing ticked: Enter does nothing
    skills.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert dialog.result() == NewInterviewDialog.DialogCode.Accepted

    other = _dialog(qtbot)
    qtbot.keyClick(other.findChild(QLineEdit, "interviewTitle"), Qt.Key.Key_Escape)
    assert other.result() == NewInterviewDialog.DialogCode.Rejected and not other.isVisible()
