"""Review of a saved (or live) interview: transcript, code attempts, scores
with their evidence, the report, recordings, and the reviewer's notes.

Everything is read-only except the notes. When the interview is open in a
room, the window follows its SessionController and refreshes as messages,
code results and the report arrive.
"""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QListWidget, QListWidgetItem, QMainWindow, QPlainTextEdit,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget,
                               QTextBrowser, QVBoxLayout, QWidget)

from db import service
from desktop.core.audio import too_noisy

from .editor.scintilla import LANGUAGES, CodeEditor
from .formatting import MISSING, clock, local_time
from .session_controller import SessionController
from .settings import qsettings

ROLE_NAMES = {"assistant": "Interviewer", "user": "Candidate", "system": "System"}
PROBLEM_STATUSES = ("failed", "interrupted")


# --- formatting --------------------------------------------------------------------

def _score(value: float | None, scale: str = "/10") -> str:
    return MISSING if value is None else f"{value:.1f}{scale}"


def _esc(text) -> str:
    return html.escape(str(text)).replace("\n", "<br>")


def _pair(key, value) -> str:
    if isinstance(value, bool):
        return f"{key} {'✓' if value else '✗'}"
    return f"{key} ×{value}" if isinstance(value, int) else f"{key}: {value}"


def _ms(value: float | None) -> str:
    if value is None:
        return MISSING
    return f"{value:.1f} ms" if value < 10 else f"{value:.0f} ms"


def _evidence(ev: dict) -> str:
    parts = []
    for key, value in ev.items():
        if isinstance(value, dict):
            value = ", ".join(_pair(k, v) for k, v in value.items()) or "none"
        elif isinstance(value, list):
            value = ", ".join(map(str, value)) or "none"
        parts.append(f"{key.replace('_', ' ')}: {value}")
    return "; ".join(parts)


def _bullets(items: list[str], empty: str) -> str:
    if not items:
        return f"<p><i>{_esc(empty)}</i></p>"
    return "<ul>" + "".join(f"<li>{_esc(i)}</li>" for i in items) + "</ul>"


def transcript_html(messages: list[dict], started: dt.datetime | None) -> str:
    blocks = []
    for m in messages:
        at = local_time(m["created_at"])
        when = at.strftime("%H:%M:%S") if at else ""
        if at and started:
            when += f" (+{clock(max(0.0, (at - started).total_seconds()))})"
        who = ROLE_NAMES.get(m["role"], m["role"])
        badge = ""
        body = _esc(m["content"]) or "<i>(empty)</i>"
        if m["status"] in PROBLEM_STATUSES:
            badge = (f' <span style="background:#b00020; color:white">&nbsp;'
                     f'{m["status"].upper()}&nbsp;</span>')
            why = m["meta"].get("error")
            body = f'<span style="color:#b00020">{body}</span>'
            if why:
                body += f'<br><span style="color:#b00020"><i>{_esc(why)}</i></span>'
        elif m["status"] == "processing":
            badge = ' <span style="color:#8a6d00">(in progress)</span>'
        snr = (m.get("meta") or {}).get("snr_db")
        if too_noisy(snr):
            badge += (f' <span style="color:#8a5300">(noisy recording, signal-to-noise {snr:.0f} dB:'
                      f' some words may be misheard)</span>')
        colour = "#1a4f8b" if m["role"] == "assistant" else "#2e6b2e"
        blocks.append(
            f'<p style="margin-top:8px"><span style="color:#777">{when}</span> '
            f'<b style="color:{colour}">{who}</b> <span style="color:#777">· '
            f'{_esc(m["kind"])}</span>{badge}<br>{body}</p>')
    return "".join(blocks) or "<p><i>No messages yet.</i></p>"


def scores_html(n: int, q: dict, signals: list[dict]) -> str:
    facts = [q.get("kind") or "", "skipped" if q.get("skipped") else "",
             f"{q.get('hints_used', 0)} hint(s)", f"{q.get('follow_ups', 0)} follow-up(s)"]
    rows = "".join(f"<tr><td><b>{_esc(s['kind'])}</b></td><td>{_score(s['score'])}</td>"
                   f"<td>{_esc(_evidence(s['evidence']))}</td></tr>" for s in signals)
    table = (f"<table cellpadding=4 border=1 style='border-collapse:collapse'>"
             f"<tr><th>signal</th><th>score</th><th>evidence</th></tr>{rows}</table>"
             if rows else "<p><i>No objective signals recorded.</i></p>")
    return (f"<h3>Q{n}. {_esc(q['title'])} — {_score(q.get('score'))}</h3>"
            f"<p style='color:#666'>{_esc(' · '.join(f for f in facts if f))}</p>{table}")


def model_opinion_html(n: int, q: dict, opinions: list[dict]) -> str:
    out = f"<h4>Q{n}. {_esc(q['title'])}</h4>"
    if not opinions:
        return out + "<p><i>No model opinion (no model, or its output was unusable).</i></p>"
    for j in opinions:
        source = (j.get("model_id") or "model") + (f", seed {j['seed']}" if j.get("seed") is not None else "")
        out += (f"<p><b>{_esc(j.get('score', MISSING))}/5</b> — {_esc(j.get('summary', ''))} "
                f"<span style='color:#777'>({_esc(source)})</span></p>"
                + _bullets([f"Good: {i}" for i in j.get("strengths", [])], "No strengths named.")
                + _bullets([f"To improve: {i}" for i in j.get("improvements", [])],
                           "No improvements named."))
    return out


# --- the window ------------------------------------------------------------------------

class ReviewWindow(QMainWindow):
    def __init__(self, interview_id: int, parent=None):
        super().__init__(parent)
        self.setObjectName("reviewWindow")
        self.interview_id = interview_id
        self.interview: dict = {}
        self.report: dict | None = None
        self.submissions: list[dict] = []
        self.controller: SessionController | None = None
        self._dirty: set[str] = set()
        self._refresh_timer = QTimer(self, singleShot=True, interval=50)
        self._refresh_timer.timeout.connect(self._refresh_dirty)
        self.resize(1200, 800)

        self.header = QLabel()
        self.header.setObjectName("reviewHeader")
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setWordWrap(True)
        self.score_label = QLabel()
        self.score_label.setObjectName("overallScore")
        self.score_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.live_label = QLabel("● Live — updates as the interview goes on")
        self.live_label.setObjectName("liveBadge")
        self.live_label.setStyleSheet("color: #b00020; font-weight: bold")
        self.live_label.hide()
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        right = QVBoxLayout()
        right.addWidget(self.score_label)
        right.addWidget(self.live_label)
        top.addLayout(right)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.transcript = self._browser("transcriptView")
        self.tabs.addTab(self.transcript, "&Transcript")
        self.tabs.addTab(self._build_code_tab(), "&Code")
        self.tabs.addTab(self._build_scores_tab(), "&Scores")
        self.report_view = self._browser("reportView")
        self.tabs.addTab(self.report_view, "&Report")
        self.recording_table = self._table("recordingTable", ("File", "Duration", "Recorded"))
        self.recording_table.doubleClicked.connect(self._open_recording)
        self.tabs.addTab(self.recording_table, "Recor&dings")

        split = QSplitter()
        split.addWidget(self.tabs)
        split.addWidget(self._build_notes())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([880, 300])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.setCentralWidget(central)
        QShortcut(QKeySequence("Ctrl+W"), self, self.close)

        self.refresh()
        self._follow_live_session()

    # --- building blocks -------------------------------------------------------------

    @staticmethod
    def _browser(name: str) -> QTextBrowser:
        view = QTextBrowser()
        view.setObjectName(name)
        view.setOpenExternalLinks(False)
        return view

    @staticmethod
    def _table(name: str, headers: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _build_code_tab(self) -> QWidget:
        self.submission_list = QListWidget()
        self.submission_list.setObjectName("submissionList")
        self.submission_list.currentRowChanged.connect(self._show_submission)
        self.submission_summary = QLabel()
        self.submission_summary.setObjectName("submissionSummary")
        self.submission_summary.setWordWrap(True)
        self.code_view = CodeEditor(theme=qsettings().value("ui/theme", "light"))
        self.code_view.setObjectName("codeView")
        self.code_view.setReadOnly(True)
        self.test_table = self._table("testTable", ("Test", "Verdict", "Time", "Details"))
        code_side = QSplitter(Qt.Orientation.Vertical)
        code_side.addWidget(self.code_view)
        code_side.addWidget(self.test_table)
        code_side.setSizes([420, 200])
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.submission_summary)
        box.addWidget(code_side, 1)
        split = QSplitter()
        split.addWidget(self.submission_list)
        split.addWidget(right)
        split.setSizes([260, 620])
        return split

    def _build_scores_tab(self) -> QWidget:
        self.scores_view = self._browser("scoresView")
        self.model_view = self._browser("modelOpinionView")
        self.model_view.setStyleSheet("QTextBrowser { background: #fbf7e9; color: #303030 }")
        model_box = QGroupBox("Model's opinion (not part of the score)")
        model_box.setObjectName("modelOpinion")
        model_box.setStyleSheet("QGroupBox { font-weight: bold }")
        QVBoxLayout(model_box).addWidget(self.model_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.scores_view)
        split.addWidget(model_box)
        split.setSizes([450, 250])
        return split

    def _build_notes(self) -> QWidget:
        box = QGroupBox("Reviewer notes")
        box.setObjectName("notesBox")
        self.notes_list = QListWidget()
        self.notes_list.setObjectName("notesList")
        self.notes_list.setWordWrap(True)
        self.notes_list.setSpacing(3)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setPlaceholderText("Write a note… (Ctrl+Enter adds it)")
        self.note_edit.setFixedHeight(90)
        self.note_edit.textChanged.connect(
            lambda: self.add_note_button.setEnabled(bool(self.note_edit.toPlainText().strip())))
        self.add_note_button = QPushButton("&Add note")
        self.add_note_button.setObjectName("addNoteButton")
        self.add_note_button.setEnabled(False)
        self.add_note_button.clicked.connect(self.add_note)
        QShortcut(QKeySequence("Ctrl+Return"), self.note_edit, self.add_note)
        layout = QVBoxLayout(box)
        layout.addWidget(self.notes_list, 1)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.add_note_button, 0, Qt.AlignmentFlag.AlignRight)
        return box

    # --- loading -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload everything from the database."""
        self.interview = service.get_interview(self.interview_id)
        self.report = service.get_report(self.interview_id)
        self._show_header()
        self._show_transcript()
        self._show_code()
        self._show_scores()
        self._show_report()
        self._show_recordings()
        self._show_notes()

    def _show_header(self) -> None:
        iv = self.interview
        self.setWindowTitle(f"Review — {iv['title']}")
        created = local_time(iv["started_at"] or iv["created_at"])
        facts = [iv["type"] or iv["mode"], iv["difficulty"],
                 created.strftime("%Y-%m-%d %H:%M") if created else "",
                 f"duration {clock(iv['duration_s'])}", iv["status"].replace("_", " ")]
        skills = ", ".join(iv["skills"]) or "no skills"
        job = f"<br>Job: {_esc(iv['job_title'])}" if iv["job_title"] else ""
        self.header.setText(f"<h2 style='margin:0'>{_esc(iv['title'])}</h2>"
                            f"{_esc(' · '.join(f for f in facts if f))}<br>Skills: {_esc(skills)}{job}")
        self.live_label.setVisible(self.controller is not None and iv["status"] != "completed")
        score = self.report["overall_score"] if self.report else iv["overall_score"]
        self.score_label.setText(f"<span style='font-size:22pt; font-weight:bold'>"
                                 f"{_score(score, '')}</span><br>overall score"
                                 f"{' (out of 10)' if score is not None else ''}")

    def _show_transcript(self) -> None:
        bar = self.transcript.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() - 4
        started = local_time(self.interview["started_at"])
        messages = service.load_transcript(self.interview_id)
        if started is None and messages:
            started = local_time(messages[0]["created_at"])
        self.transcript.setHtml(transcript_html(messages, started))
        if at_end and self.controller is not None:
            bar.setValue(bar.maximum())

    def _question_titles(self) -> dict[int, str]:
        """interview_question id -> "Q2 · title" (titles from the report when there is one)."""
        titles = {q["qid"]: q["title"] for q in (self.report or {}).get("data", {}).get("questions", [])}
        return {iq["id"]: f"Q{iq['position'] + 1} · {titles.get(iq['qid'], iq['qid'])}"
                for iq in service.interview_questions(self.interview_id)}

    def _show_code(self) -> None:
        keep = self.submission_list.currentRow()
        self.submissions = service.code_submissions(self.interview_id)
        titles = self._question_titles()
        attempts: dict = {}
        self.submission_list.blockSignals(True)
        self.submission_list.clear()
        for sub in self.submissions:
            q = sub["interview_question_id"]
            attempts[q] = attempts.get(q, 0) + 1
            item = QListWidgetItem(f"{titles.get(q, 'Code')} — attempt {attempts[q]}\n"
                                   f"{sub['verdict']} · {sub['passed']}/{sub['total']} tests")
            item.setForeground(Qt.GlobalColor.darkGreen if sub["verdict"] == "Accepted"
                               else Qt.GlobalColor.darkRed)
            self.submission_list.addItem(item)
        self.submission_list.blockSignals(False)
        if self.submissions:
            row = keep if 0 <= keep < len(self.submissions) else len(self.submissions) - 1
            self.submission_list.setCurrentRow(row)
            self._show_submission(row)
        else:
            self.submission_summary.setText("No code was run in this interview.")
            self.code_view.setReadOnly(False)
            self.code_view.set_text("")
            self.code_view.setReadOnly(True)
            self.test_table.setRowCount(0)

    def _show_submission(self, row: int) -> None:
        if not 0 <= row < len(self.submissions):
            return
        sub = self.submissions[row]
        at = local_time(sub["created_at"])
        extra = [_ms(sub["run_time_ms"]) if sub["run_time_ms"] is not None else "",
                 f"{sub['peak_memory_kb'] / 1024:.1f} MB peak" if sub["peak_memory_kb"] else "",
                 at.strftime("%H:%M:%S") if at else ""]
        self.submission_summary.setText(
            f"<b>{_esc(sub['verdict'])}</b> — {sub['passed']}/{sub['total']} tests passed · "
            f"{_esc(sub['language'])} · " + " · ".join(e for e in extra if e))
        if sub["language"] in LANGUAGES and sub["language"] != self.code_view.language:
            self.code_view.set_language(sub["language"])
        self.code_view.setReadOnly(False)  # Scintilla ignores setText while read-only
        self.code_view.set_text(sub["code"])
        self.code_view.setReadOnly(True)
        self.test_table.setRowCount(0)
        for t in sub["results"]:
            r = self.test_table.rowCount()
            self.test_table.insertRow(r)
            verdict = QTableWidgetItem(t.get("verdict", ""))
            verdict.setForeground(Qt.GlobalColor.darkGreen if t.get("passed") else Qt.GlobalColor.darkRed)
            if t.get("hidden"):
                details = "hidden test"
            else:
                details = "; ".join(f"{k}: {t[k]!r}" for k in ("input", "expected", "actual") if k in t)
                if t.get("error"):
                    details += ("; " if details else "") + str(t["error"]).strip().splitlines()[-1]
            for c, item in enumerate((QTableWidgetItem(t.get("name") or f"test {t.get('index', r) + 1}"),
                                      verdict, QTableWidgetItem(_ms(t.get("time_ms"))),
                                      QTableWidgetItem(details))):
                self.test_table.setItem(r, c, item)

    def _show_scores(self) -> None:
        """Per question: the objective score and its signals; the model's rubric
        opinion goes in its own, separately labelled view. The report has both;
        before there is one, the stored evaluations are shown."""
        evals = service.evaluations(self.interview_id)
        iq_by_qid = {iq["qid"]: iq for iq in service.interview_questions(self.interview_id)}
        questions = (self.report or {}).get("data", {}).get("questions")
        if questions is None:
            titles = self._question_titles()
            questions = [{"qid": iq["qid"], "title": titles[iq["id"]], "score": iq["score"],
                          "skipped": iq["skipped"], "hints_used": iq["hints_used"],
                          "follow_ups": iq["follow_ups"]} for iq in iq_by_qid.values()]
        score_parts, model_parts = [], []
        for n, q in enumerate(questions, 1):
            iq_id = iq_by_qid[q["qid"]]["id"] if q["qid"] in iq_by_qid else None
            mine = [e for e in evals if e["interview_question_id"] == iq_id]
            signals = q.get("signals")
            if signals is None:
                signals = [{"kind": e["kind"], "score": e["score"], "evidence": e["data"]}
                           for e in mine if e["source"] == "objective"]
            opinions = [dict(e["data"], model_id=e["model_id"], seed=e["seed"])
                        for e in mine if e["source"] == "model"]
            if not opinions and q.get("model_judgement"):
                opinions = [q["model_judgement"]]
            score_parts.append(scores_html(n, q, signals))
            model_parts.append(model_opinion_html(n, q, opinions))
        note = (self.report or {}).get("data", {}).get("scoring_note", "")
        self.scores_view.setHtml(("".join(score_parts) or "<p><i>No questions were scored yet.</i></p>")
                                 + (f"<p style='color:#666'><i>{_esc(note)}</i></p>" if note else ""))
        self.model_view.setHtml("".join(model_parts) or "<p><i>No questions yet.</i></p>")

    def _show_report(self) -> None:
        if not self.report:
            self.report_view.setHtml("<p><i>No report yet — it is written when the interview ends.</i></p>")
            return
        data = self.report["data"]
        self.report_view.setHtml(
            f"<h3>Summary</h3><p>{_esc(self.report['summary'] or MISSING)}</p>"
            f"<h3>Strengths</h3>{_bullets(data.get('strengths', []), 'None recorded.')}"
            f"<h3>To improve</h3>{_bullets(data.get('improvements', []), 'None recorded.')}"
            f"<p style='color:#666'><i>{_esc(data.get('scoring_note', ''))}</i></p>")

    def _show_recordings(self) -> None:
        rows = service.recordings(self.interview_id)
        self.recording_table.setRowCount(len(rows))
        for r, rec in enumerate(rows):
            at = local_time(rec["created_at"])
            for c, text in enumerate((rec["path"], clock(rec["duration_s"]),
                                      at.strftime("%H:%M:%S") if at else "")):
                self.recording_table.setItem(r, c, QTableWidgetItem(text))
            self.recording_table.item(r, 0).setToolTip("Double-click to play it in your audio player.")

    def _open_recording(self, index) -> None:
        path = self.recording_table.item(index.row(), 0).text()
        if Path(path).exists():
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        else:
            self.statusBar().showMessage(f"{path} is no longer on disk.", 5000)

    def _show_notes(self) -> None:
        self.notes_list.clear()
        for note in service.notes(self.interview_id):
            at = local_time(note["created_at"])
            when = at.strftime("%Y-%m-%d %H:%M") if at else ""
            self.notes_list.addItem(f"{when}\n{note['body']}")
        self.notes_list.scrollToBottom()

    def add_note(self) -> None:
        body = self.note_edit.toPlainText().strip()
        if not body:
            return
        service.add_note(self.interview_id, body)
        self.note_edit.clear()
        self._show_notes()

    # --- following a live interview ----------------------------------------------------

    def _follow_live_session(self) -> None:
        self.controller = SessionController.for_interview(self.interview_id)
        if self.controller is not None:
            self.controller.event.connect(self._on_event)
            self._show_header()

    # What each engine event can change (an audio answer also adds a recording).
    _PARTS = {"message": {"transcript", "recordings"}, "message_updated": {"transcript", "recordings"},
              "code_result": {"code"}, "phase": {"header"},
              "report": {"header", "transcript", "code", "scores", "report"}}

    def _on_event(self, event) -> None:
        parts = self._PARTS.get(event.kind)
        if parts:
            # Coalesce bursts (a report arrives with several messages) into one reload.
            self._dirty |= parts
            self._refresh_timer.start()

    def _refresh_dirty(self) -> None:
        dirty, self._dirty = self._dirty, set()
        self.interview = service.get_interview(self.interview_id)
        self.report = service.get_report(self.interview_id)
        for part in ("header", "transcript", "code", "scores", "report", "recordings"):
            if part in dirty:
                getattr(self, f"_show_{part}")()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.controller is not None:
            try:
                self.controller.event.disconnect(self._on_event)
            except (RuntimeError, TypeError):
                pass  # already gone with its room
            self.controller = None
        super().closeEvent(event)
