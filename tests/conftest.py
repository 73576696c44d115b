"""Shared fixtures: every test gets its own data and config folders, so no
test touches the user's real files; the models folder is the real one
(`make test` installs the default models there first)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    data = tmp_path / "data"
    config = tmp_path / "config"
    monkeypatch.setenv("PERFECT_PITCH_DATA_DIR", str(data))
    monkeypatch.setenv("PERFECT_PITCH_CONFIG_DIR", str(config))
    monkeypatch.setenv("PERFECT_PITCH_MODELS_DIR",
                       os.environ.get("PERFECT_PITCH_TEST_MODELS_DIR", str(REPO / "models_cache")))
    return {"data": data, "config": config}


@pytest.fixture
def db(isolated_dirs):
    """A real, migrated SQLite file in a temp folder."""
    from db import close_database, open_database
    from desktop.core import paths

    database = open_database(paths.database_path())
    yield database
    close_database(database)


@pytest.fixture
def profile(db):
    from db import service
    return service.create_profile("tester")
