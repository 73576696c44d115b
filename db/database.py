"""Opening the SQLite file: checks first, then WAL + foreign keys, then migrations.

Nothing here overwrites a file it does not recognise: an unreadable or
newer-than-known database raises a DataError and is left exactly as it was.
"""
from __future__ import annotations

import errno
import fcntl
import os
import sqlite3
from pathlib import Path

import peewee
from peewee import SqliteDatabase

from . import errors
from .migrations import LATEST_VERSION, apply_migrations
from .models import database_proxy

SQLITE_MAGIC = b"SQLite format 3\x00"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 5000,  # the UI thread and the worker may write at once
    "cache_size": -16000,
}


class InstanceLock:
    """An advisory lock beside the database so a second app instance is told,
    instead of both writing the same interview."""

    def __init__(self, db_path: Path):
        self.path = Path(str(db_path) + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EACCES):
                raise errors.DatabaseLocked(
                    f"Perfect Pitch is already using {self.path.with_suffix('')} "
                    f"(process {holder}). Close the other window first; nothing was changed."
                ) from None
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def check_file(path: Path) -> None:
    """Refuse, with a clear message, what we must not open or create."""
    folder = path.parent
    if path.exists():
        if not path.is_file():
            raise errors.DatabaseUnreadable(f"{path} is not a file. Nothing was changed.")
        try:
            with open(path, "rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise errors.DatabaseUnreadable(
                f"Cannot read the database {path}: {exc.strerror}. Nothing was changed."
            ) from None
        if head and head != SQLITE_MAGIC:
            raise errors.DatabaseUnreadable(
                f"{path} is not a Perfect Pitch database (not an SQLite file). "
                "Nothing was changed: move it aside or choose another data folder "
                "(PERFECT_PITCH_DATA_DIR)."
            )
    if not _writable(folder) or (path.exists() and not os.access(path, os.W_OK)):
        raise errors.DataDirReadOnly(
            f"The data folder {folder} is read-only, so interviews could not be saved. "
            "Choose a writable folder (Settings, or PERFECT_PITCH_DATA_DIR); nothing was changed."
        )


def _writable(folder: Path) -> bool:
    """Try it: os.access says yes to root even on a read-only mount or an
    immutable folder."""
    probe = folder / f".pp-write-test-{os.getpid()}"
    try:
        probe.touch()
        probe.unlink()
        return True
    except OSError:
        return False


def schema_version(path: Path) -> int:
    """The file's schema version, read without changing anything."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def open_database(path: str | Path, *, exclusive: bool = False) -> SqliteDatabase:
    """Open (creating if needed) and migrate the database at `path`.

    exclusive=True also takes the single-instance lock (the window does;
    read-only helpers such as `doctor` do not).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    check_file(path)
    if path.exists() and path.stat().st_size:
        try:
            found = schema_version(path)
        except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
            raise errors.DatabaseUnreadable(
                f"{path} could not be read ({exc}). Nothing was changed."
            ) from None
        if found > LATEST_VERSION:
            raise errors.DatabaseTooNew(
                f"{path} was written by a newer Perfect Pitch (schema {found}; this version "
                f"knows up to {LATEST_VERSION}). Update the app; nothing was changed."
            )
    lock = InstanceLock(path) if exclusive else None
    if lock:
        lock.acquire()
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    try:
        db.connect(reuse_if_open=True)
        apply_migrations(db.connection())
    except (sqlite3.OperationalError, peewee.OperationalError) as exc:
        db.close()
        if lock:
            lock.release()
        if "full" in str(exc).lower():
            raise errors.DiskFull(f"The disk holding {path} is full; nothing was changed.") from None
        raise errors.DatabaseUnreadable(f"{path} could not be opened: {exc}") from None
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
        db.close()
        if lock:
            lock.release()
        raise errors.DatabaseUnreadable(f"{path} could not be read ({exc}). Nothing was changed.") from None
    db.instance_lock = lock
    database_proxy.initialize(db)
    return db


def close_database(db: SqliteDatabase) -> None:
    db.close()
    lock = getattr(db, "instance_lock", None)
    if lock:
        lock.release()
