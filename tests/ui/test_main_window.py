"""The main window: profile picker, dashboard, and models loading in the
background (on the real default models) without blocking the window."""
from __future__ import annotations

import time

from PySide6.QtWidgets import QLabel

from db import service
from desktop.ui.app import MainWindow


def test_create_profile_then_dashboard_and_last_profile_is_remembered(qtbot, db):
    window = MainWindow(db, load_models=False)
    qtbot.addWidget(window)
    window.show()
    page = window.profile_page
    assert window.stack.currentWidget() is page
    qtbot.keyClicks(page.name_edit, "Ana")
    qtbot.keyClick(page.name_edit, "\r")
    assert window.stack.currentWidget() is window.dashboard
    assert window.dashboard.empty.isVisible()  # an empty dashboard says what to do
    ana = window.profile
    window.show_profiles()
    service.create_profile("Ben")  # a newer profile must not displace the remembered one
    window2 = MainWindow(db, load_models=False)
    qtbot.addWidget(window2)
    current = window2.profile_page.list.currentItem()
    assert current.text() == ana["username"]


def test_empty_profile_name_is_refused(qtbot, db):
    window = MainWindow(db, load_models=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClick(window.profile_page.name_edit, "\r")
    assert "empty" in window.profile_page.error.text()
    assert service.list_profiles() == []


def test_dashboard_lists_searches_and_undoes_a_delete(qtbot, db, profile):
    for i in range(3):
        service.create_interview(profile["id"], f"Round {i}", "Behavioral", ["Teamwork"])
    window = MainWindow(db, load_models=False)
    qtbot.addWidget(window)
    window.show()
    window.show_dashboard(profile)
    dash = window.dashboard
    assert dash.model.rowCount() == 3 and dash.model.rows[0]["title"] == "Round 2"
    dash.search.setText("Round 1")
    qtbot.waitUntil(lambda: dash.model.rowCount() == 1, timeout=2000)
    dash.search.clear()
    qtbot.waitUntil(lambda: dash.model.rowCount() == 3, timeout=2000)
    dash.table.selectRow(0)
    dash._delete_selected()
    assert dash.model.rowCount() == 2 and dash.undo_button.isVisible()
    dash.undo_delete()
    assert dash.model.rowCount() == 3


def test_models_load_in_the_background_while_the_window_stays_responsive(qtbot, db):
    window = MainWindow(db, load_models=True)
    qtbot.addWidget(window)
    window.show()
    ticks = []
    t0 = time.perf_counter()
    # The UI thread keeps running while both real models load on the worker.
    qtbot.waitUntil(lambda: ticks.append(time.perf_counter()) or
                    window.models.state == {"stt": "ready", "llm": "ready"}, timeout=60_000)
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert window.models.stt is not None and window.models.llm is not None
    assert len(ticks) > 3 and max(gaps) < 1.0, f"UI thread stalled {max(gaps):.2f}s of {time.perf_counter() - t0:.1f}s"
    assert "ready" in window.findChild(QLabel, "modelStatus").text()
