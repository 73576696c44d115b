"""Command line: `perfect-pitch` with no arguments opens the window; the
subcommands are the headless faces of the same core.

Each feature module adds its own subcommands through `register(subparsers)`
so this file stays a table of contents.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# Modules that add subcommands; each has register(subparsers).
FEATURE_MODULES = [
    "desktop.commands.models",
    "desktop.commands.doctor",
    "desktop.commands.interview",
    "desktop.commands.problems",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="perfect-pitch",
        description="Offline mock-interview coach. Without a command, opens the window.")
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="open the window (the default)")
    gui.add_argument("--demo-if-headless", action="store_true",
                     help="with no display, run a short scripted demo in the terminal instead")
    gui.set_defaults(func=_run_gui)
    for name in FEATURE_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real missing dependency: say so
                raise
            continue  # that feature is not part of this build
        module.register(sub)
    return parser


def _version() -> str:
    from desktop import __version__
    return f"perfect-pitch {__version__}"


def _run_gui(args) -> int:
    from desktop.launch import launch_gui
    return launch_gui(demo_if_headless=getattr(args, "demo_if_headless", False))


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        return _run_gui(args)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
