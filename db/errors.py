"""Errors the data layer raises. Each carries a message fit to show a user:
what is wrong, that nothing was changed, and what to do."""


class DataError(Exception):
    """Base class: str(error) is the user-facing message."""


class DatabaseUnreadable(DataError):
    pass


class DatabaseTooNew(DataError):
    pass


class DataDirReadOnly(DataError):
    pass


class DatabaseLocked(DataError):
    """Another Perfect Pitch process holds this database."""


class DiskFull(DataError):
    pass


class NotFound(DataError):
    pass
