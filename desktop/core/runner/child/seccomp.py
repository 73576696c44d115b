"""A seccomp filter that keeps a process (and its children) from signalling
anything but itself and its own process group: the last way to scope signals
when the code keeps the app's uid and there is neither a PID namespace (e.g.
user namespaces restricted by AppArmor, as on Ubuntu 24.04) nor Landlock ABI 6.

Allowed: kill(0 / own pid / -own group), tkill/tgkill/rt_(tg)sigqueueinfo to the
own pid, F_SETOWN to nobody or the own pid. Refused with EPERM: every other
target, pidfd_send_signal, F_SETOWN_EX, FIOSETOWN/SIOCSPGRP (which would let
SIGIO/SIGURG reach another process), and any system call of a foreign ABI
(i386, x32) through which the rules could be bypassed. x86-64 and arm64 only.
"""
import ctypes
import os
import struct

_LD_W_ABS, _JEQ_K, _JGE_K, _RET_K = 0x20, 0x15, 0x35, 0x06
_ALLOW, _EPERM = 0x7FFF0000, 0x00050000 | 1
_NR, _ARCH, _ARG = 0, 4, lambda i: 16 + 8 * i          # seccomp_data offsets (low 32 bits)
_F_SETOWN, _F_SETOWN_EX = 8, 15
_FIOSETOWN, _SIOCSPGRP = 0x8901, 0x8902
_X32_BIT = 0x40000000

_ARCHES = {  # machine: (AUDIT_ARCH, syscall numbers)
    "x86_64": (0xC000003E, dict(kill=62, tkill=200, tgkill=234, rt_sigqueueinfo=129,
                                rt_tgsigqueueinfo=297, pidfd_send_signal=424, fcntl=72, ioctl=16)),
    "aarch64": (0xC00000B7, dict(kill=129, tkill=130, tgkill=131, rt_sigqueueinfo=138,
                                 rt_tgsigqueueinfo=240, pidfd_send_signal=424, fcntl=25, ioctl=29)),
}
_ARCHES["amd64"], _ARCHES["arm64"] = _ARCHES["x86_64"], _ARCHES["aarch64"]


class _Asm:
    """Classic BPF with labels: jumps are resolved when the program is built."""

    def __init__(self):
        self.code, self.labels = [], {}

    def label(self, name):
        self.labels[name] = len(self.code)

    def ld(self, offset):
        self.code.append((_LD_W_ABS, None, None, offset))

    def jeq(self, value, true, false=None, op=_JEQ_K):
        self.code.append((op, true, false, value & 0xFFFFFFFF))

    def ret(self, value):
        self.code.append((_RET_K, None, None, value))

    def build(self) -> bytes:
        out = []
        for i, (op, jt, jf, k) in enumerate(self.code):
            def rel(target):
                if target is None:
                    return 0
                off = self.labels[target] - (i + 1)
                if not 0 <= off <= 255:
                    raise ValueError("BPF jump out of range")
                return off
            out.append(struct.pack("HBBI", op, rel(jt), rel(jf), k))
        return b"".join(out)


def signal_filter(pid: int, pgid: int, machine: str | None = None) -> bytes:
    machine = (machine or os.uname().machine).lower()
    if machine not in _ARCHES:
        raise OSError(f"no seccomp signal filter for {machine}")
    arch, nr = _ARCHES[machine]
    a = _Asm()
    a.ld(_ARCH)
    a.jeq(arch, None, "deny")
    a.ld(_NR)
    if arch == _ARCHES["x86_64"][0]:
        a.jeq(_X32_BIT, "deny", None, op=_JGE_K)
    for name, target in (("kill", "kill"), ("tkill", "own"), ("tgkill", "own"),
                         ("rt_sigqueueinfo", "own"), ("rt_tgsigqueueinfo", "own"),
                         ("pidfd_send_signal", "deny"), ("fcntl", "fcntl"), ("ioctl", "ioctl")):
        a.jeq(nr[name], target)
    a.ret(_ALLOW)
    a.label("kill")                     # kill(0), kill(own pid), kill(-own group)
    a.ld(_ARG(0))
    a.jeq(0, "allow")
    a.jeq(-pgid, "allow")
    a.jeq(pid, "allow", "deny")
    a.label("own")                      # first argument must be our own pid
    a.ld(_ARG(0))
    a.jeq(pid, "allow", "deny")
    a.label("fcntl")
    a.ld(_ARG(1))
    a.jeq(_F_SETOWN_EX, "deny")
    a.jeq(_F_SETOWN, None, "allow")
    a.ld(_ARG(2))
    a.jeq(0, "allow")
    a.jeq(pid, "allow", "deny")
    a.label("ioctl")
    a.ld(_ARG(1))
    a.jeq(_FIOSETOWN, "deny")
    a.jeq(_SIOCSPGRP, "deny", "allow")
    a.label("allow")
    a.ret(_ALLOW)
    a.label("deny")
    a.ret(_EPERM)
    return a.build()


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def install(program: bytes) -> None:
    """Apply a filter to this process for good (needs no_new_privs, set here)."""
    libc = ctypes.CDLL(None, use_errno=True)
    buf = ctypes.create_string_buffer(program, len(program))
    fprog = _SockFprog(len(program) // 8, ctypes.addressof(buf))
    if libc.prctl(38, 1, 0, 0, 0) != 0:                                   # PR_SET_NO_NEW_PRIVS
        raise OSError(ctypes.get_errno(), "prctl(NO_NEW_PRIVS) failed")
    if libc.prctl(22, 2, ctypes.byref(fprog), 0, 0) != 0:                 # SECCOMP_MODE_FILTER
        raise OSError(ctypes.get_errno(), "seccomp filter could not be installed")


def scope_signals(pid: int, pgid: int) -> None:
    install(signal_filter(pid, pgid))
