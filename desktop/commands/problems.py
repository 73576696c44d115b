"""`perfect-pitch problems import|list` and `perfect-pitch run-code`."""
from __future__ import annotations

import sys
from pathlib import Path

from .output import print_json

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXTENSIONS = {".py": "python", ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript",
              ".cpp": "cpp", ".cc": "cpp", ".cxx": "cpp", ".c++": "cpp"}


def register(sub) -> None:
    p = sub.add_parser("problems", help="import and list the questions of the bank")
    psub = p.add_subparsers(dest="problems_command", metavar="ACTION", required=True)
    imp = psub.add_parser("import", help="import a question pack (FILE.jsonl) or `humaneval`")
    imp.add_argument("source", metavar="humaneval|FILE.jsonl")
    imp.set_defaults(func=cmd_import)
    ls = psub.add_parser("list", help="list the questions in the bank")
    ls.add_argument("--kind", choices=["behavioral", "coding", "system_design"])
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)

    run = sub.add_parser("run-code", help="run a source file against a problem's tests")
    run.add_argument("--problem", required=True, metavar="ID", help="question id, e.g. HumanEval/0")
    run.add_argument("file", metavar="FILE")
    run.add_argument("--lang", choices=["python", "javascript", "cpp"],
                     help="language (default: from the file extension)")
    run.add_argument("--json", action="store_true")
    run.set_defaults(func=cmd_run_code)


def _open_db():
    from db import open_database
    from desktop.core import paths
    return open_database(paths.database_path())


def _close_db(database) -> None:
    from db import close_database
    close_database(database)


def _sync(quiet: bool = False) -> None:
    from desktop.core import bank
    for name, outcome in bank.sync_builtin().items():
        if outcome.startswith("rejected") and not quiet:
            print(f"warning: built-in pack {name} {outcome}", file=sys.stderr)


def cmd_import(args) -> int:
    from desktop.core import bank, humaneval
    database = _open_db()
    try:
        if args.source.lower() == "humaneval":
            try:
                pack = humaneval.import_humaneval()
            except humaneval.HumanEvalMissing as exc:
                print(exc, file=sys.stderr)
                return EXIT_USAGE
        else:
            try:
                pack = bank.import_pack(args.source)
            except bank.PackError as exc:
                print(f"Rejected, nothing was imported: {exc}", file=sys.stderr)
                return EXIT_USAGE
    finally:
        _close_db(database)
    print(f"Imported {len(pack.records)} questions from pack {pack.id!r} ({pack.title}).")
    return EXIT_OK


def cmd_list(args) -> int:
    from db import service
    database = _open_db()
    try:
        _sync()
        records = service.bank_records(args.kind)
    finally:
        _close_db(database)
    rows = [{"id": r["id"], "kind": r["kind"], "difficulty": r.get("difficulty"),
             "title": r.get("title") or _short(r.get("prompt", "")), "skills": r.get("skills", []),
             "languages": sorted(r.get("languages", {})), "pack": r.get("pack")} for r in records]
    if args.json:
        print_json(rows)
        return EXIT_OK
    for r in rows:
        langs = f" [{', '.join(r['languages'])}]" if r["languages"] else ""
        print(f"{r['id']:16} {r['kind']:13} {r['difficulty']:6} {r['title']}{langs}")
    print(f"{len(rows)} questions.", file=sys.stderr)
    return EXIT_OK


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


def cmd_run_code(args) -> int:
    from db import service
    from desktop.core import runner
    path = Path(args.file)
    language = args.lang or EXTENSIONS.get(path.suffix.lower())
    if language is None:
        print(f"Cannot tell the language of {path.name}; pass --lang python|javascript|cpp.",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"Cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        code = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        print(f"{path}: line {line}: the file is not UTF-8 text (byte 0x{data[exc.start]:02x} "
              f"at offset {exc.start}). Save it as UTF-8 and try again.", file=sys.stderr)
        return EXIT_USAGE
    database = _open_db()
    try:
        _sync(quiet=True)
        problem = next((r for r in service.bank_records("coding") if r["id"] == args.problem), None)
    finally:
        _close_db(database)
    if problem is None:
        print(f"No coding problem {args.problem!r} in the bank (see `perfect-pitch problems list "
              f"--kind coding`; `perfect-pitch problems import humaneval` adds HumanEval).",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        result = runner.run_submission(problem, code, language)
    except runner.ProblemError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print_json(result.as_dict())
    else:
        _print_result(result)
    return EXIT_OK if result.accepted else EXIT_FAILED


def _print_result(result) -> None:
    if result.compile_output and not result.accepted:
        print(result.compile_output.rstrip())
    for t in result.tests:
        timing = f"{t.time_ms:.2f} ms" if t.time_ms is not None else "-"
        memory = f"{t.memory_kb / 1024:.1f} MB" if t.memory_kb else "-"
        print(f"{t.name:28} {t.verdict:22} {timing:>10} {memory:>9}")
        if t.hidden or t.passed:
            continue
        print(f"    input:    {_clip(t.input)}")
        print(f"    expected: {_clip(t.expected)}")
        if t.actual is not None:
            print(f"    actual:   {_clip(t.actual)}")
        if t.stdout:
            print("    stdout:   " + _clip(t.stdout.rstrip()).replace("\n", "\n              "))
        if t.error and t.verdict != "Compile Error":
            print("    " + t.error.rstrip().replace("\n", "\n    "))
    summary = f"{result.verdict}: {result.passed}/{result.total} tests passed"
    if result.run_time_ms is not None:
        summary += f", {result.run_time_ms:.1f} ms"
    if result.peak_memory_kb:
        summary += f", peak {result.peak_memory_kb / 1024:.1f} MB"
    print(summary)
    if result.message:
        print(result.message)


def _clip(value, n: int = 300) -> str:
    import json
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= n else text[:n] + "…"
