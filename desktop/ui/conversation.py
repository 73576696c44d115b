"""The conversation: every message of the interview, with the interviewer's
tokens streaming into the message being written."""
from __future__ import annotations

import html

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTextBrowser

ROLE_STYLE = {"assistant": ("Interviewer", "#1f4e79", "#eef4fb"),
              "user": ("You", "#1e5631", "#eef8f0")}
STATUS_NOTE = {"processing": "…", "failed": " ⚠ failed", "interrupted": " ⚠ interrupted"}


class ConversationView(QTextBrowser):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("conversation")
        self.setOpenLinks(False)
        self.messages: dict[int, dict] = {}
        self.order: list[int] = []
        self._render_timer = QTimer(self, singleShot=True, interval=40)
        self._render_timer.timeout.connect(self._render)

    def set_messages(self, messages: list[dict]) -> None:
        self.messages = {m["id"]: dict(m) for m in messages}
        self.order = [m["id"] for m in messages]
        self._render()

    def upsert(self, msg: dict) -> None:
        if msg["id"] not in self.messages:
            self.order.append(msg["id"])
        self.messages[msg["id"]] = dict(msg)
        self._render_timer.start()

    def append_token(self, message_id: int, text: str) -> None:
        msg = self.messages.get(message_id)
        if msg is not None:
            msg["content"] = msg.get("content", "") + text
            self._render_timer.start()  # coalesce: at most one repaint per 40 ms

    def text_of(self, message_id: int) -> str:
        return self.messages.get(message_id, {}).get("content", "")

    def jump_to(self, message_id: int) -> None:
        self.scrollToAnchor(f"msg-{message_id}")

    def _render(self) -> None:
        parts = []
        for mid in self.order:
            m = self.messages[mid]
            who, colour, bg = ROLE_STYLE.get(m["role"], ("System", "#555", "#f4f4f4"))
            body = html.escape(m.get("content") or "").replace("\n", "<br>")
            if m.get("status") == "failed" and m.get("meta", {}).get("error"):
                body = f"<i>{html.escape(m['meta']['error'])}</i>"
            note = STATUS_NOTE.get(m.get("status", ""), "")
            if m.get("kind") == "command":
                parts.append(f'<a name="msg-{mid}"></a><p style="color:#777"><i>{body}</i></p>')
                continue
            kind = "" if m.get("kind") in ("answer", "chat") else f" · {m['kind'].replace('_', ' ')}"
            parts.append(
                f'<a name="msg-{mid}"></a><table width="100%" cellpadding="6" '
                f'style="background:{bg}; margin-bottom:6px"><tr><td>'
                f'<b style="color:{colour}">{who}</b><span style="color:#888">{kind}{note}</span>'
                f"<br>{body or '<i>…</i>'}</td></tr></table>")
        bar = self.verticalScrollBar()
        at_bottom = bar.value() >= bar.maximum() - 4
        self.setHtml("".join(parts))
        if at_bottom:
            bar.setValue(bar.maximum())
