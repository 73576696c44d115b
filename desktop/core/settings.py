"""Settings in an INI file. The window reads and writes the same file through
QSettings(path, QSettings.IniFormat); the core reads it with configparser,
so neither needs the other. Keys look like "section/key", as in QSettings."""
from __future__ import annotations

import configparser
import os
from pathlib import Path

from . import paths


class Settings:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else paths.settings_file()
        self._parser = configparser.ConfigParser(interpolation=None)
        self._parser.optionxform = str  # keep key case, like QSettings
        if self.path.exists():
            try:
                self._parser.read(self.path, encoding="utf-8")
            except (configparser.Error, UnicodeDecodeError):
                # A damaged settings file must never stop the app: defaults apply.
                self._parser = configparser.ConfigParser(interpolation=None)
                self._parser.optionxform = str

    @staticmethod
    def _split(key: str) -> tuple[str, str]:
        section, _, name = key.rpartition("/")
        return section or "General", name

    def get(self, key: str, default: str | None = None) -> str | None:
        section, name = self._split(key)
        return self._parser.get(section, name, fallback=default)

    def set(self, key: str, value: str) -> None:
        section, name = self._split(key)
        if not self._parser.has_section(section):
            self._parser.add_section(section)
        self._parser.set(section, name, str(value))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            self._parser.write(fh)
        os.replace(tmp, self.path)
