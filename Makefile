# Perfect Pitch — the two commands of the README, plus helpers.
#   make run   set everything up (system packages, venv, models) and open the app
#   make test  same set-up, then the whole test suite
# Every step is skipped when it is already done, so re-runs are fast.

PY       ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
STAMPS   := .make-stamps
# Debian packages: Python itself (the code sandbox also runs candidates' code
# with the system python3 when the app runs as root), PyAudio's build
# (portaudio19-dev), llama.cpp's build (build-essential cmake), Qt's xcb window
# plugin, a virtual display, test speech, a virtual microphone, and a voice for
# Qt's text-to-speech.
SYS_PKGS := python3 python3-venv python3-dev build-essential cmake portaudio19-dev \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-xinerama0 libegl1 libgl1 \
	libfontconfig1 libdbus-1-3 xvfb espeak-ng sox pulseaudio libasound2-plugins \
	speech-dispatcher speech-dispatcher-espeak-ng

.PHONY: run test setup sysdeps models doctor bench screenshots build clean

run: setup
	@$(BIN)/perfect-pitch gui --demo-if-headless

test: setup
	@$(BIN)/python -m pytest

setup: $(STAMPS)/sysdeps $(STAMPS)/venv models

$(STAMPS)/sysdeps: Makefile
	@mkdir -p $(STAMPS)
	@missing=$$(for p in $(SYS_PKGS); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing system packages:" $$missing; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null \
				|| { echo "apt-get failed; run it by hand: apt-get install" $$missing; exit 1; }; \
		else \
			echo "Missing system packages. Run this, then make again:"; \
			echo "  sudo apt-get install -y" $$missing; exit 1; \
		fi; \
	fi
	@touch $@

# The venv is rebuilt when pyproject.toml changes. pip keeps the
# llama-cpp-python wheel it compiled (~5 min) in its cache, so a rebuild is quick.
$(STAMPS)/venv: pyproject.toml $(STAMPS)/sysdeps
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV) && $(PY) -m venv $(VENV); }
	@$(BIN)/python -m pip install -q --upgrade pip wheel
	@echo "Installing Python dependencies (the first time compiles llama.cpp: ~5 min)..."
	@$(BIN)/python -m pip install -q -e ".[models,problems,dev]"
	@touch $@

models: $(STAMPS)/venv
	@$(BIN)/perfect-pitch models install

doctor: setup
	@$(BIN)/perfect-pitch doctor

bench: setup
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

screenshots: setup
	@$(BIN)/python -m desktop.ui.screenshots screenshots

build: setup
	@$(BIN)/pyinstaller --noconfirm build.spec

clean:
	rm -rf $(STAMPS) build dist
