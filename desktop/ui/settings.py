"""UI settings through QSettings on the same INI file the core reads."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop.core import paths


def qsettings() -> QSettings:
    path = paths.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)
