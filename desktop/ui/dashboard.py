"""The dashboard: a profile's interviews, newest first, with search, filters,
paging, resume/review, delete with undo, and a chart of scores over time."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from db import service

from .formatting import clock, local_time
from .score_chart import ScoreChart

PAGE_SIZE = 50
COLUMNS = ("Title", "Type", "Skills", "Date", "Duration", "Score", "Status")


class InterviewTableModel(QAbstractTableModel):
    def __init__(self):
        super().__init__()
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return r
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        score = r["overall_score"]
        return (r["title"], r["type"] or r["mode"], ", ".join(r["skills"]),
                local_time(r["created_at"]).strftime("%Y-%m-%d %H:%M") if r["created_at"] else "",
                clock(r["duration_s"] or None), "—" if score is None else f"{score:.1f}",
                r["status"].replace("_", " "))[index.column()]


class DashboardPage(QWidget):
    new_interview = Signal()
    open_interview = Signal(dict)    # resume (unfinished) or review (finished)
    switch_profile = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self.profile: dict | None = None
        self.page = 0
        self.total = 0
        self._deleted: list[int] = []

        self.who = QLabel()
        self.who.setObjectName("profileName")
        switch = QPushButton("Switch profile")
        switch.clicked.connect(self.switch_profile)
        self.new_button = QPushButton("&New interview")
        self.new_button.setObjectName("newInterviewButton")
        self.new_button.clicked.connect(self.new_interview)
        top = QHBoxLayout()
        top.addWidget(self.who, 1)
        top.addWidget(switch)
        top.addWidget(self.new_button)

        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText("Search titles…  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self._filters_changed)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.type_filter = QComboBox()
        self.skill_filter = QComboBox()
        self.status_filter = QComboBox()
        self.status_filter.addItem("Any status", "")
        for s in service.INTERVIEW_STATUSES:
            self.status_filter.addItem(s.replace("_", " ").capitalize(), s)
        for combo in (self.type_filter, self.skill_filter, self.status_filter):
            combo.currentIndexChanged.connect(self._filters_changed)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.type_filter)
        filters.addWidget(self.skill_filter)
        filters.addWidget(self.status_filter)

        self.model = InterviewTableModel()
        self.table = QTableView()
        self.table.setObjectName("interviewTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self._open_selected())
        self.empty = QLabel("No interviews yet. Press “New interview” (Ctrl+N) to start one.")
        self.empty.setObjectName("emptyDashboard")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.open_button = QPushButton("&Open / resume")
        self.open_button.clicked.connect(self._open_selected)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.clicked.connect(self._delete_selected)
        self.undo_button = QPushButton("&Undo delete")
        self.undo_button.setObjectName("undoDelete")
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        self.prev_button = QPushButton("◀")
        self.prev_button.clicked.connect(lambda: self._go(self.page - 1))
        self.next_button = QPushButton("▶")
        self.next_button.clicked.connect(lambda: self._go(self.page + 1))
        self.page_label = QLabel()
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.undo_button)
        actions.addStretch(1)
        actions.addWidget(self.prev_button)
        actions.addWidget(self.page_label)
        actions.addWidget(self.next_button)

        self.chart = ScoreChart()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.empty, 3)
        layout.addLayout(actions)
        layout.addWidget(self.chart, 1)

        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_interview.emit)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self._delete_selected)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_delete)

    def set_profile(self, profile: dict) -> None:
        self.profile = profile
        self.who.setText(f"<h2>{profile['username']}</h2>")
        self._fill_filters()
        self.page = 0
        self.refresh()

    def _fill_filters(self) -> None:
        for combo in (self.type_filter, self.skill_filter):
            combo.blockSignals(True)
            combo.clear()
        self.type_filter.addItem("Any type", "")
        for t in service.interview_types():
            self.type_filter.addItem(t["name"], t["name"])
        self.skill_filter.addItem("Any skill", "")
        for s in service.list_skills():
            self.skill_filter.addItem(s, s)
        for combo in (self.type_filter, self.skill_filter):
            combo.blockSignals(False)

    def _filter_args(self) -> dict:
        return {"search": self.search.text(), "type_name": self.type_filter.currentData() or "",
                "skill": self.skill_filter.currentData() or "",
                "status": self.status_filter.currentData() or ""}

    def _filters_changed(self) -> None:
        self.page = 0
        self.refresh()

    def _go(self, page: int) -> None:
        self.page = max(0, page)
        self.refresh()

    def refresh(self) -> None:
        if not self.profile:
            return
        args = self._filter_args()
        self.total = service.count_interviews(self.profile["id"], **args)
        pages = max(1, -(-self.total // PAGE_SIZE))
        self.page = min(self.page, pages - 1)
        self.model.set_rows(service.list_interviews(self.profile["id"], page=self.page,
                                                    page_size=PAGE_SIZE, **args))
        self.page_label.setText(f"page {self.page + 1} of {pages} · {self.total} interviews")
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page + 1 < pages)
        has_rows = self.total > 0 or any(args.values())
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.chart.set_points(service.score_history(self.profile["id"]))

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _open_selected(self) -> None:
        row = self.selected()
        if row:
            self.open_interview.emit(row)

    def _delete_selected(self) -> None:
        row = self.selected()
        if not row:
            return
        service.delete_interview(row["id"])
        self._deleted.append(row["id"])
        self.undo_button.setText(f"&Undo delete of “{row['title'][:30]}”")
        self.undo_button.show()
        self.refresh()

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        service.restore_interview(self._deleted.pop())
        self.undo_button.setVisible(bool(self._deleted))
        self.refresh()
