"""Choose or create a local profile (the seeds' username login)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QVBoxLayout, QWidget)

from db import service


class ProfilePage(QWidget):
    chosen = Signal(dict)  # the profile row

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("profilePage")
        title = QLabel("<h1>Perfect Pitch</h1><p>Practise interviews offline. Who is practising?</p>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list = QListWidget()
        self.list.setObjectName("profileList")
        self.list.itemActivated.connect(lambda _item: self._continue())
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("newProfileName")
        self.name_edit.setPlaceholderText("New profile name…")
        self.name_edit.setMaxLength(service.MAX_USERNAME)
        self.name_edit.returnPressed.connect(self._create)
        self.create_button = QPushButton("&Create profile")
        self.create_button.clicked.connect(self._create)
        self.continue_button = QPushButton("C&ontinue")
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self._continue)
        self.error = QLabel()
        self.error.setObjectName("profileError")
        self.error.setStyleSheet("color: #b00020")

        new_row = QHBoxLayout()
        new_row.addWidget(self.name_edit, 1)
        new_row.addWidget(self.create_button)
        box = QVBoxLayout()
        box.addWidget(title)
        box.addWidget(QLabel("Profiles on this computer:"))
        box.addWidget(self.list, 1)
        box.addLayout(new_row)
        box.addWidget(self.error)
        box.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignRight)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(box, 2)
        outer.addStretch(1)

    def refresh(self, select_id: int | None = None) -> None:
        self.list.clear()
        for p in service.list_profiles():
            item = QListWidgetItem(p["username"])
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.list.addItem(item)
            if p["id"] == select_id:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.continue_button.setEnabled(self.list.count() > 0)
        (self.list if self.list.count() else self.name_edit).setFocus()

    def _create(self) -> None:
        try:
            profile = service.create_profile(self.name_edit.text())
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.error.clear()
        self.name_edit.clear()
        self.chosen.emit(profile)

    def _continue(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self.error.setText("Create a profile first.")
            return
        profile = item.data(Qt.ItemDataRole.UserRole)
        service.touch_profile(profile["id"])
        self.chosen.emit(profile)
