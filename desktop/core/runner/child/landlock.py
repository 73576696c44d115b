"""Landlock (Linux >= 5.13) through raw system calls: an unprivileged process
forbids itself, for good, to write anywhere except the directories it names;
from ABI 4 also TCP bind/connect, from ABI 6 signals and abstract unix
sockets reaching processes outside its sandbox."""
import ctypes
import os

_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446  # same on x86-64 and arm64
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1
_PR_SET_NO_NEW_PRIVS = 38

WRITE_FILE = 1 << 1
_DIR_WRITES = sum(1 << b for b in (4, 5, 6, 7, 8, 9, 10, 11, 12))  # remove_*, make_*
REFER = 1 << 13      # ABI 2: move/link between directories
TRUNCATE = 1 << 14   # ABI 3
NET_BIND_TCP, NET_CONNECT_TCP = 1 << 0, 1 << 1                  # ABI 4
SCOPE_ABSTRACT_UNIX, SCOPE_SIGNAL = 1 << 0, 1 << 1              # ABI 6


class _PathBeneath(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def _libc():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    return libc


_libc()   # load libc now: the process may not be able to read it after dropping rights


def abi_version() -> int:
    """0 when the kernel has no (enabled) Landlock."""
    try:
        libc = _libc()
    except OSError:
        return 0
    version = libc.syscall(_SYS_CREATE_RULESET, None, ctypes.c_size_t(0),
                           ctypes.c_uint32(_CREATE_RULESET_VERSION))
    return max(0, int(version))


def restrict(writable_dirs: list[str], writable_files: list[str],
             max_abi: int | None = None) -> dict:
    """Apply the rules to this process (inherited by its children and kept
    across exec). Returns what is enforced; raises OSError if it could not.
    max_abi uses no feature newer than that ABI (as an older kernel would)."""
    abi = abi_version()
    if max_abi is not None:
        abi = min(abi, int(max_abi))
    if abi < 1:
        raise OSError("Landlock is not available in this kernel")
    libc = _libc()
    fs_rights = WRITE_FILE | _DIR_WRITES | (REFER if abi >= 2 else 0) | (TRUNCATE if abi >= 3 else 0)
    net_rights = NET_BIND_TCP | NET_CONNECT_TCP if abi >= 4 else 0
    scopes = SCOPE_ABSTRACT_UNIX | SCOPE_SIGNAL if abi >= 6 else 0
    fields = [fs_rights] + ([net_rights] if abi >= 4 else []) + ([scopes] if abi >= 6 else [])
    attr = (ctypes.c_uint64 * len(fields))(*fields)
    ruleset = libc.syscall(_SYS_CREATE_RULESET, ctypes.byref(attr),
                           ctypes.c_size_t(ctypes.sizeof(attr)), ctypes.c_uint32(0))
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset failed")
    try:
        file_rights = WRITE_FILE | (TRUNCATE if abi >= 3 else 0)
        for path, rights in ([(d, fs_rights) for d in writable_dirs]
                             + [(f, file_rights) for f in writable_files]):
            _allow(libc, ruleset, path, rights)
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(NO_NEW_PRIVS) failed")
        if libc.syscall(_SYS_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
    finally:
        os.close(ruleset)
    return {"abi": abi, "filesystem": True, "tcp": bool(net_rights), "signals": bool(scopes)}


def _allow(libc, ruleset: int, path: str, rights: int) -> None:
    fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    try:
        rule = _PathBeneath(rights, fd)
        if libc.syscall(_SYS_ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(_RULE_PATH_BENEATH),
                        ctypes.byref(rule), ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), f"landlock_add_rule failed for {path}")
    finally:
        os.close(fd)
