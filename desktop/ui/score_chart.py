"""A small chart of a profile's overall scores over time (QtCharts)."""
from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QPainter

from .formatting import local_time


class ScoreChart(QChartView):
    def __init__(self, parent=None):
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setObjectName("scoreChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(140)
        self._chart.legend().hide()
        self._chart.setTitle("Overall score over time")
        self.series = QLineSeries()
        self.series.setPointsVisible(True)
        self._chart.addSeries(self.series)
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("MMM d")
        self.y_axis = QValueAxis()
        self.y_axis.setRange(0, 10)
        self.y_axis.setLabelFormat("%d")
        self._chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self._chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.x_axis)
        self.series.attachAxis(self.y_axis)

    def set_points(self, points: list[tuple]) -> None:
        self.series.clear()
        stamps = []
        for when, score in points:
            if when is None or score is None:
                continue
            ms = int(local_time(when).timestamp() * 1000)
            stamps.append(ms)
            self.series.append(ms, score)
        if stamps:
            lo, hi = min(stamps), max(stamps)
            if lo == hi:
                lo, hi = lo - 86_400_000, hi + 86_400_000
            self.x_axis.setRange(QDateTime.fromMSecsSinceEpoch(lo), QDateTime.fromMSecsSinceEpoch(hi))
        self._chart.setTitle("Overall score over time" if stamps else
                             "Overall score over time — finish an interview to see it")
