"""Opening the database: migrations, pragmas, and every refusal case."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from db import DataError, close_database, open_database, service
from db.errors import DatabaseTooNew, DatabaseUnreadable, DataDirReadOnly
from db.migrations import LATEST_VERSION


def test_fresh_database_is_migrated_with_wal_and_foreign_keys(tmp_path):
    database = open_database(tmp_path / "pp.sqlite3")
    try:
        assert database.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        names = {t["name"] for t in service.interview_types()}
        assert {"Behavioral", "Technical/Coding", "System Design", "Mixed"} <= names
        behavioral = next(t for t in service.interview_types() if t["name"] == "Behavioral")
        assert "Leadership" in behavioral["suggested_skills"]
        assert service.integrity_check() == "ok"
    finally:
        close_database(database)


def test_reopening_applies_nothing_and_keeps_data(tmp_path):
    path = tmp_path / "pp.sqlite3"
    database = open_database(path)
    service.create_profile("ana")
    close_database(database)
    database = open_database(path)
    try:
        assert [p["username"] for p in service.list_profiles()] == ["ana"]
        assert len(service.interview_types()) == 4  # the seed migration did not run twice
    finally:
        close_database(database)


def test_not_an_sqlite_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "pp.sqlite3"
    original = b"these are my notes, not a database\n" * 10
    path.write_bytes(original)
    with pytest.raises(DatabaseUnreadable, match="not a Perfect Pitch database"):
        open_database(path)
    assert path.read_bytes() == original


def test_corrupt_sqlite_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "pp.sqlite3"
    database = open_database(path)
    close_database(database)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # destroy the schema page, keep the header
    path.write_bytes(bytes(data))
    with pytest.raises(DataError):
        open_database(path)
    assert path.read_bytes() == bytes(data)


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "pp.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.execute("CREATE TABLE future_thing (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer Perfect Pitch"):
        open_database(path)
    assert path.read_bytes() == before


def test_second_instance_is_told_and_first_keeps_working(tmp_path):
    path = tmp_path / "pp.sqlite3"
    first = open_database(path, exclusive=True)
    try:
        service.create_profile("first")
        code = textwrap.dedent(f"""
            import sys
            sys.path.insert(0, {str(os.getcwd())!r})
            from db import open_database
            from db.errors import DatabaseLocked
            try:
                open_database({str(path)!r}, exclusive=True)
            except DatabaseLocked as exc:
                print("LOCKED:", exc)
        """)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert "LOCKED:" in out.stdout and "already using" in out.stdout, out.stderr
        assert [p["username"] for p in service.list_profiles()] == ["first"]
    finally:
        close_database(first)
    # released: a new instance may open it now
    again = open_database(path, exclusive=True)
    close_database(again)


def _make_read_only(folder):
    """chmod is not enough for root (CI runs as root): make the folder
    immutable there, which binds root too."""
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("cannot make a folder read-only for root here (chattr +i failed)")
        return lambda: subprocess.run(["chattr", "-i", str(folder)], check=True)
    folder.chmod(0o555)
    return lambda: folder.chmod(0o755)


def test_read_only_data_dir_gets_a_clear_message(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    undo = _make_read_only(folder)
    try:
        with pytest.raises(DataDirReadOnly, match="read-only"):
            open_database(folder / "pp.sqlite3")
        assert not (folder / "pp.sqlite3").exists()
    finally:
        undo()
