"""`perfect-pitch problems …` and `perfect-pitch run-code` through desktop.cli.main."""
from __future__ import annotations

import json

import pytest

from desktop import cli

PACK_HEADER = {"format": "perfect-pitch-pack", "version": 1, "id": "cli-test", "title": "CLI", "license": "MIT"}
PROBLEM = {"id": "cli-001", "kind": "coding", "title": "Double", "prompt": "Double it.",
           "skills": ["Python"], "difficulty": "easy", "hints": ["Multiply."],
           "languages": {"python": {"entry_point": "double", "starter": "def double(x):\n    pass\n"}},
           "tests": {"cases": [{"args": [2], "expected": 4}, {"args": [5], "expected": 10, "hidden": True}]},
           "solution": {"python": "def double(x):\n    return 2 * x\n"}}


@pytest.fixture
def pack_file(tmp_path):
    path = tmp_path / "pack.jsonl"
    path.write_text(json.dumps(PACK_HEADER) + "\n" + json.dumps(PROBLEM) + "\n", encoding="utf-8")
    return path


def _main(argv):
    try:
        return cli.main(argv)
    except SystemExit as exc:   # argparse usage errors
        return exc.code


def test_import_list_and_run(pack_file, tmp_path, capsys):
    assert _main(["problems", "import", str(pack_file)]) == 0
    assert "Imported 1 questions" in capsys.readouterr().out
    assert _main(["problems", "list", "--json", "--kind", "coding"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert any(r["id"] == "cli-001" and r["pack"] == "cli-test" for r in rows)

    good = tmp_path / "good.py"
    good.write_text("def double(x):\n    return x + x\n")
    assert _main(["run-code", "--problem", "cli-001", str(good)]) == 0
    out = capsys.readouterr().out
    assert "Accepted: 2/2 tests passed" in out

    bad = tmp_path / "bad.py"
    bad.write_text("def double(x):\n    return x\n")
    assert _main(["run-code", "--problem", "cli-001", str(bad), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "Wrong Answer" and data["tests"][1] == {
        k: data["tests"][1][k] for k in ("index", "name", "hidden", "verdict", "passed", "time_ms", "memory_kb")}


def test_usage_and_input_errors(pack_file, tmp_path, capsys):
    assert _main(["problems", "import", str(pack_file)]) == 0
    latin1 = tmp_path / "latin1.py"
    latin1.write_bytes(b"def double(x):\n    return 'caf\xe9'\n")
    assert _main(["run-code", "--problem", "cli-001", str(latin1)]) == 2
    assert "line 2" in capsys.readouterr().err
    assert _main(["run-code", "--problem", "nope", str(latin1)]) == 2
    assert _main(["run-code", "--problem", "cli-001", str(tmp_path / "missing.py")]) == 2
    assert _main(["run-code", "--problem", "cli-001", str(tmp_path / "x.txt")]) == 2
    assert _main(["run-code", str(latin1)]) == 2        # --problem is required
    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps(PACK_HEADER) + "\n{not json\n")
    assert _main(["problems", "import", str(broken)]) == 2
    assert "line 2" in capsys.readouterr().err
