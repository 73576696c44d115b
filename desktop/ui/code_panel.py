"""The code side of the room: the Scintilla editor, a language choice
(unavailable languages greyed out), Run tests, and the verdict of each test."""
from __future__ import annotations

import json

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from .editor.scintilla import CodeEditor

LANG_LABELS = {"python": "Python", "javascript": "JavaScript", "cpp": "C++"}
RESULT_COLUMNS = ("Test", "Verdict", "Input", "Expected", "Actual", "ms", "Output / error")


def _short(value, limit: int = 80) -> str:
    text = value if isinstance(value, str) else json.dumps(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


class CodePanel(QWidget):
    run_requested = Signal(str, str)  # code, language

    def __init__(self, available_languages: dict, theme: str = "light", parent=None):
        super().__init__(parent)
        self.setObjectName("codePanel")
        self.problem: dict | None = None
        self.drafts: dict[tuple[str, str], str] = {}  # (qid, language) -> code
        self.language = QComboBox()
        self.language.setObjectName("languageBox")
        for key, label in LANG_LABELS.items():
            info = available_languages.get(key, {})
            self.language.addItem(label, key)
            if not info.get("available", key == "python"):
                item = self.language.model().item(self.language.count() - 1)
                item.setEnabled(False)
                item.setToolTip(info.get("reason", "not installed"))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.theme_button = QPushButton("Dark theme")
        self.theme_button.setCheckable(True)
        self.theme_button.setChecked(theme == "dark")
        self.theme_button.toggled.connect(lambda dark: self.editor.apply_theme("dark" if dark else "light"))
        self.run_button = QPushButton("▶ Run tests  (Ctrl+R)")
        self.run_button.setObjectName("runTestsButton")
        self.run_button.clicked.connect(self._run)
        self.summary = QLabel("Write your solution, then run the tests.")
        self.summary.setObjectName("runSummary")
        tools = QHBoxLayout()
        tools.addWidget(self.language)
        tools.addWidget(self.theme_button)
        tools.addStretch(1)
        tools.addWidget(self.run_button)

        self.editor = CodeEditor(theme=theme)
        self.editor.setObjectName("codeEditor")
        self.results = QTableWidget(0, len(RESULT_COLUMNS))
        self.results.setObjectName("testResults")
        self.results.setHorizontalHeaderLabels(RESULT_COLUMNS)
        self.results.verticalHeader().hide()
        self.results.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.results.horizontalHeader().setStretchLastSection(True)
        self.results.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.editor)
        bottom = QWidget()
        b = QVBoxLayout(bottom)
        b.setContentsMargins(0, 0, 0, 0)
        b.addWidget(self.summary)
        b.addWidget(self.results)
        split.addWidget(bottom)
        split.setSizes([500, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(split)
        QShortcut(QKeySequence("Ctrl+R"), self, self._run, context=Qt.ShortcutContext.WindowShortcut)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, self.editor.zoomIn)
        QShortcut(QKeySequence("Ctrl+="), self, self.editor.zoomIn)
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, self.editor.zoomOut)

    @property
    def current_language(self) -> str:
        return self.language.currentData()

    def set_problem(self, problem: dict | None) -> None:
        """Show a coding question's starter code (keeping any draft)."""
        self._save_draft()
        self.problem = problem if problem and problem.get("kind") == "coding" else None
        self.run_button.setEnabled(self.problem is not None)
        if self.problem is None:
            self.summary.setText("This question has no code to run — the editor is a scratch pad.")
            return
        langs = self.problem.get("languages", {})
        for i in range(self.language.count()):
            key = self.language.itemData(i)
            item = self.language.model().item(i)
            if key not in langs:
                item.setEnabled(False)
        if self.current_language not in langs:
            self.language.setCurrentIndex(0)
        self._load_code()
        self.results.setRowCount(0)
        self.summary.setText("Write your solution, then run the tests.")

    def _language_changed(self) -> None:
        if self.problem:
            self._save_draft(previous=True)
            self._load_code()
            self.editor.set_language(self.current_language)

    def _load_code(self) -> None:
        lang = self.current_language
        key = (self.problem["id"], lang)
        starter = self.problem.get("languages", {}).get(lang, {}).get("starter", "")
        self.editor.set_language(lang)
        self.editor.set_text(self.drafts.get(key, starter))
        self._shown = key

    def _save_draft(self, previous: bool = False) -> None:
        shown = getattr(self, "_shown", None)
        if shown:
            self.drafts[shown] = self.editor.text()

    def _run(self) -> None:
        if self.problem is None or not self.run_button.isEnabled():
            return
        self.summary.setText("Running tests…")
        self.run_requested.emit(self.editor.text(), self.current_language)

    def show_result(self, result: dict) -> None:
        tests = result.get("tests", [])
        self.results.setRowCount(len(tests))
        for row, t in enumerate(tests):
            hidden = t.get("hidden")
            cells = (t.get("name") or f"test {row + 1}", t["verdict"],
                     "hidden" if hidden else _short(t.get("input")),
                     "" if hidden else _short(t.get("expected")),
                     "" if hidden else _short(t.get("actual")),
                     "" if t.get("time_ms") is None else f"{t['time_ms']:.0f}",
                     "" if hidden else _short((t.get("error") or t.get("stdout") or "").strip(), 200))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(str(text))
                if col == 1:
                    item.setForeground(QColor("#1e7d32" if t.get("passed") else "#b00020"))
                self.results.setItem(row, col, item)
        extra = f" — {result['message']}" if result.get("message") else ""
        if result.get("compile_output"):
            extra += f"\n{result['compile_output'][:500]}"
        self.summary.setText(f"{result['verdict']}: {result['passed']}/{result['total']} tests "
                             f"passed{extra}")
        self.editor.mark_error_lines(sorted({m["line"] for m in result.get("markers", [])
                                             if m.get("line")}))
