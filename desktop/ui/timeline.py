"""The session timeline: questions, answers, hints, code runs and scores as
they happen; clicking an entry jumps to it in the conversation."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from .formatting import local_time

# Symbols every common UI font has (no colour-emoji font is assumed).
ICONS = {"question": "Q", "answer": "A", "follow_up": "↪", "hint": "✎", "code": "▶",
         "score": "★", "intro": "»", "outro": "■", "command": "·"}


class Timeline(QListWidget):
    jump = Signal(int)  # message id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setMinimumWidth(200)
        self._items: dict[int, QListWidgetItem] = {}
        self.itemClicked.connect(self._clicked)

    def add_message(self, msg: dict) -> None:
        kind = msg["kind"]
        if kind not in ICONS:
            return
        when = local_time(msg["created_at"]).strftime("%H:%M:%S") if msg.get("created_at") else ""
        text = (msg.get("content") or "").split("\n")[0]
        if kind == "answer":
            text = {"processing": "transcribing…", "failed": "not heard"}.get(msg["status"], text)
        label = f"{ICONS[kind]} {when}  {text[:60]}"
        item = self._items.get(msg["id"])
        if item is None:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, msg["id"])
            self._items[msg["id"]] = item
            self.addItem(item)
            self.scrollToBottom()
        else:
            item.setText(label)

    def add_event(self, icon: str, text: str, message_id: int | None = None) -> None:
        item = QListWidgetItem(f"{ICONS.get(icon, icon)} {text}")
        item.setData(Qt.ItemDataRole.UserRole, message_id)
        self.addItem(item)
        self.scrollToBottom()

    def _clicked(self, item: QListWidgetItem) -> None:
        mid = item.data(Qt.ItemDataRole.UserRole)
        if mid:
            self.jump.emit(int(mid))
