"""Subcommands of `perfect-pitch`; each module has register(subparsers)."""
