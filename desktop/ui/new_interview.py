"""The "New interview" dialog: what to practise, how long, how hard, with whom."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout)

from db import service

DIFFICULTIES = ("easy", "medium", "hard")
PERSONAS = ("friendly", "neutral", "tough")


class NewInterviewDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("newInterviewDialog")
        self.setWindowTitle("New interview")
        self.types = {t["name"]: t for t in service.interview_types()}

        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("interviewTitle")
        self.title_edit.setPlaceholderText("e.g. Backend practice (defaults to the type)")

        self.type_combo = QComboBox()
        self.type_combo.setObjectName("interviewType")
        for name, t in self.types.items():
            self.type_combo.addItem(name, name)
            self.type_combo.setItemData(self.type_combo.count() - 1, t["description"],
                                        Qt.ItemDataRole.ToolTipRole)
        self.type_hint = QLabel()
        self.type_hint.setObjectName("typeDescription")
        self.type_hint.setStyleSheet("color: palette(mid)")

        self.skill_list = QListWidget()
        self.skill_list.setObjectName("skillList")
        self.skill_list.setMinimumHeight(160)
        self.skill_list.itemChanged.connect(lambda _i: self._update_ok())
        self.new_skill = QLineEdit()
        self.new_skill.setObjectName("newSkill")
        self.new_skill.setPlaceholderText("Add another skill…")
        self.new_skill.installEventFilter(self)
        add_skill = QPushButton("&Add skill")
        add_skill.setObjectName("addSkillButton")
        add_skill.setAutoDefault(False)
        add_skill.clicked.connect(self._add_typed_skill)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_skill, 1)
        add_row.addWidget(add_skill)

        self.count_spin = QSpinBox()
        self.count_spin.setObjectName("questionCount")
        self.count_spin.setRange(1, 10)
        self.count_spin.setValue(3)
        self.budget_check = QCheckBox("Time budget")
        self.budget_check.setObjectName("useTimeBudget")
        self.budget_spin = QSpinBox()
        self.budget_spin.setObjectName("timeBudget")
        self.budget_spin.setRange(5, 180)
        self.budget_spin.setValue(30)
        self.budget_spin.setSuffix(" min")
        self.budget_spin.setEnabled(False)
        self.budget_check.toggled.connect(self.budget_spin.setEnabled)
        length_row = QHBoxLayout()
        length_row.addWidget(self.count_spin)
        length_row.addSpacing(16)
        length_row.addWidget(self.budget_check)
        length_row.addWidget(self.budget_spin)
        length_row.addStretch(1)

        self.difficulty_combo = QComboBox()
        self.difficulty_combo.setObjectName("difficulty")
        for d in DIFFICULTIES:
            self.difficulty_combo.addItem(d.capitalize(), d)
        self.difficulty_combo.setCurrentIndex(DIFFICULTIES.index("medium"))
        self.persona_combo = QComboBox()
        self.persona_combo.setObjectName("persona")
        for p in PERSONAS:
            self.persona_combo.addItem(p.capitalize(), p)
        self.persona_combo.setCurrentIndex(PERSONAS.index("neutral"))

        self.job_title = QLineEdit()
        self.job_title.setObjectName("jobTitle")
        self.job_title.setPlaceholderText("Optional, e.g. Senior Python developer")
        self.job_description = QPlainTextEdit()
        self.job_description.setObjectName("jobDescription")
        self.job_description.setPlaceholderText("Optional: paste the job ad; questions lean towards it.")
        self.job_description.setTabChangesFocus(True)
        self.job_description.setFixedHeight(90)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("buttons")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Start interview")
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # Enter in the multi-line job description adds a line; Ctrl+Enter still starts.
        QShortcut(QKeySequence("Ctrl+Return"), self, self._accept_if_ready)

        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        form.addRow("T&ype:", self.type_combo)
        form.addRow("", self.type_hint)
        form.addRow("S&kills:", self.skill_list)
        form.addRow("", add_row)
        count_label = QLabel("&Questions:")
        count_label.setBuddy(self.count_spin)  # the field is a row, so no automatic buddy
        form.addRow(count_label, length_row)
        form.addRow("&Difficulty:", self.difficulty_combo)
        form.addRow("Interviewer &persona:", self.persona_combo)
        form.addRow("&Job title:", self.job_title)
        form.addRow("Job d&escription:", self.job_description)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(520, 640)

        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self._type_changed()
        self.title_edit.setFocus()

    # --- skills -------------------------------------------------------------------

    def _type_changed(self) -> None:
        """Suggested skills of the chosen type go on top, ticked; the others
        (and any the user added) stay below, unticked."""
        t = self.types.get(self.type_combo.currentData(), {})
        self.type_hint.setText(t.get("description", ""))
        suggested = t.get("suggested_skills", [])
        known = {self.skill_list.item(i).text() for i in range(self.skill_list.count())}
        others = sorted((known | set(service.list_skills())) - set(suggested), key=str.lower)
        self.skill_list.blockSignals(True)
        self.skill_list.clear()
        for name in suggested:
            self._add_item(name, True)
        for name in others:
            self._add_item(name, False)
        self.skill_list.blockSignals(False)
        self._update_ok()

    def _add_item(self, name: str, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(name, self.skill_list)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return item

    def add_skill(self, name: str) -> None:
        """Tick a skill, adding it to the list when it is new."""
        name = " ".join(name.split())
        if not name:
            return
        found = self.skill_list.findItems(name, Qt.MatchFlag.MatchFixedString)
        item = found[0] if found else self._add_item(name, True)
        item.setCheckState(Qt.CheckState.Checked)
        self.skill_list.scrollToItem(item)
        self._update_ok()

    def _add_typed_skill(self) -> None:
        self.add_skill(self.new_skill.text())
        self.new_skill.clear()

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        # Enter in the "add skill" box adds the skill instead of accepting the
        # dialog; with the box empty, Enter accepts as everywhere else.
        if (obj is self.new_skill and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.new_skill.text().strip()):
            self._add_typed_skill()
            return True
        return super().eventFilter(obj, event)

    def checked_skills(self) -> list[str]:
        return [self.skill_list.item(i).text() for i in range(self.skill_list.count())
                if self.skill_list.item(i).checkState() == Qt.CheckState.Checked]

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.checked_skills()))

    def _accept_if_ready(self) -> None:
        if self.ok_button.isEnabled():
            self.accept()

    # --- result -------------------------------------------------------------------

    def values(self) -> dict:
        """The keyword arguments of service.create_interview after user_id."""
        return {
            "title": self.title_edit.text().strip(),
            "type_name": self.type_combo.currentData(),
            "skills": self.checked_skills(),
            "question_count": self.count_spin.value(),
            "time_budget_s": self.budget_spin.value() * 60 if self.budget_check.isChecked() else None,
            "difficulty": self.difficulty_combo.currentData(),
            "job_title": self.job_title.text().strip(),
            "job_description": self.job_description.toPlainText().strip(),
            "persona": self.persona_combo.currentData(),
        }
