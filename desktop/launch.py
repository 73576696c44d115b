"""Start-up: open the window, or — with no display — say so and run a short
scripted demo interview in the terminal."""
from __future__ import annotations

import os
import sys


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def launch_gui(demo_if_headless: bool = False) -> int:
    if not has_display():
        msg = ("No display found (DISPLAY and WAYLAND_DISPLAY are empty), so the window cannot "
               "open. Run on a desktop, or under a virtual display: xvfb-run make run")
        if not demo_if_headless:
            print(msg, file=sys.stderr)
            return 2
        print(msg + "\nRunning a short scripted demo interview in the terminal instead.\n")
        from desktop.commands.interview import run_demo
        return run_demo()
    from desktop.ui.app import run_app
    return run_app()
