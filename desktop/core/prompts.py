"""Prompt templates live as text files in resources/prompts/, so wording can be
tuned without touching code. `render(name, **fields)` fills `{field}`
placeholders; other braces (JSON examples in a template) are left alone, and a
missing field is an error rather than a silently broken prompt.

A `<name>.schema.json` next to a template is the JSON schema its answer must
follow (`schema(name)`), for `LanguageModel.generate_json`.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from . import paths

_FIELD = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def prompts_dir() -> Path:
    return paths.resources_dir() / "prompts"


@lru_cache(maxsize=None)
def _load(folder: str, name: str) -> str:
    path = Path(folder) / f"{name}.txt"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyError(f"No prompt template {name!r} in {folder}") from None


def template(name: str) -> str:
    return _load(str(prompts_dir()), name)


def fields(name: str) -> set[str]:
    """The placeholders a template expects."""
    return set(_FIELD.findall(template(name)))


def render(name: str, **values) -> str:
    text = template(name)
    missing = fields(name) - values.keys()
    if missing:
        raise KeyError(f"Prompt {name!r} needs {', '.join(sorted(missing))}")
    # One pass, so a value containing "{x}" is never expanded again.
    return _FIELD.sub(lambda m: str(values[m.group(1)]), text).strip()


def schema(name: str) -> dict:
    path = prompts_dir() / f"{name}.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))
