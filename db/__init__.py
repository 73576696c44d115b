"""Perfect Pitch persistence: Peewee on SQLite (WAL, foreign keys), Qt-free."""
from .database import close_database, open_database  # noqa: F401
from .errors import DataError  # noqa: F401
