"""Where things live. Every location can be moved by an environment variable
(for tests, portable installs) or by the settings file."""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "perfect-pitch"


def app_root() -> Path:
    """The checkout (or, when frozen by PyInstaller, the bundle folder)."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return app_root() / "resources"


def config_dir() -> Path:
    env = os.environ.get("PERFECT_PITCH_CONFIG_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / APP_DIR_NAME


def settings_file() -> Path:
    return config_dir() / "settings.ini"


def data_dir() -> Path:
    env = os.environ.get("PERFECT_PITCH_DATA_DIR")
    if env:
        return Path(env)
    from .settings import Settings
    chosen = Settings().get("paths/data_dir")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / APP_DIR_NAME


def database_path() -> Path:
    return data_dir() / "perfect-pitch.sqlite3"


def models_dir() -> Path:
    env = os.environ.get("PERFECT_PITCH_MODELS_DIR")
    if env:
        return Path(env)
    from .settings import Settings
    chosen = Settings().get("paths/models_dir")
    return Path(chosen) if chosen else app_root() / "models_cache"
