"""UI fixtures: a real worker thread and a real model host that has not
loaded its models (the state the window is in for its first seconds)."""
from __future__ import annotations

import pytest

from desktop.ui.model_host import ModelHost
from desktop.workers import Worker


@pytest.fixture
def worker(qtbot):
    w = Worker()
    yield w
    w.shutdown(wait=True)


@pytest.fixture
def unloaded_models(worker):
    return ModelHost(worker)
