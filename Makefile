# Kredo — one command to run the app, one to run the tests.
#   make run    set up .venv and start the desktop app
#   make test   set up .venv (with test extras) and the system packages the tests need, compile the
#               interface's catalogues, then run pytest (a clean clone stays clean)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Debian packages: Qt's runtime libraries (offscreen and X11), the Secret Service keyring and a
# session bus for the real-keyring tests, Xvfb for screenshots of a real window.
QT_DEBS := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libpulse0 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libnss3 libxcomposite1 libxdamage1 \
	libxrandr2 libxtst6 libasound2
# appstream, desktop-file-utils and shared-mime-info validate the Linux desktop integration.
TEST_DEBS := $(QT_DEBS) gnome-keyring dbus dbus-x11 xvfb appstream desktop-file-utils shared-mime-info

.PHONY: catalogues translations setup run test lint bench fuzz package system-deps system-deps-test update-contexts update-trust screenshots clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP) system-deps catalogues

system-deps:
	@bash packaging/install-system-deps.sh $(QT_DEBS)

system-deps-test:
	@bash packaging/install-system-deps.sh $(TEST_DEBS)

# The interface's Qt catalogues (resources/translations/*.qm, not kept in git), built afresh from
# the tr() strings of ui/ and the Czech table packaging/cs_translations.py. Writes no tracked file.
catalogues: $(STAMP)
	$(PY) packaging/fill_translations.py

# After adding or changing a sentence: the Qt catalogues, then the core's gettext catalogue
# resources/locale/cs/LC_MESSAGES/kredo.po and .mo (kept in git, rewritten only when what they
# say changes; tests/test_translation.py fails when they are stale). FOLD=1 folds the
# packaging/po fragments in.
translations: catalogues
	$(PY) packaging/core_catalogue.py $(if $(FOLD),--fold)

run: setup
	$(VENV)/bin/kredo-gui

test: $(STAMP) system-deps-test catalogues
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check wallet ui tests
	$(VENV)/bin/mypy

# One-folder app in dist/kredo/ (kredo and kredo-gui); see packaging/README.md.
package: $(STAMP) catalogues
	$(VENV)/bin/pyinstaller --noconfirm --clean packaging/kredo.spec
	@du -sh dist/kredo

# docs/screenshots/: every view in cs and en at 1366x768 and 1280x720, from a throwaway wallet of
# the real credentials in tests/assets, each under an X server of that size (not part of test).
SCREEN_SIZES ?= 1366x768 1280x720
screenshots: $(STAMP) catalogues
	for size in $(SCREEN_SIZES); do \
		env -u QT_QPA_PLATFORM PYTHONPATH=$(CURDIR) xvfb-run -a -s "-screen 0 $${size}x24" \
			$(PY) packaging/screenshots.py --size $$size || exit 1; \
	done

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench

# Long fuzzing: the robustness fuzzers with 20 times the CI examples, randomized; then, when
# atheris is installed, FUZZ_SECONDS of coverage-guided fuzzing of every parser (crashes
# land in .fuzz/). Both run under FUZZ_MEMORY_MIB (default 2048) MiB of address space, so an
# input that makes a reader allocate without bound fails the run instead of passing on a
# large machine. See docs/robustness.md.
FUZZ_MEMORY_MIB ?= 2048
fuzz: $(STAMP)
	ulimit -v $$(( $(FUZZ_MEMORY_MIB) * 1024 )) && \
	KREDO_FUZZ_SCALE=$${KREDO_FUZZ_SCALE:-20} QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q \
		-p no:cacheprovider tests/robustness -k "fuzz or depth"
	@if $(PY) -c "import atheris" 2>/dev/null; then \
		mkdir -p .fuzz && ulimit -v $$(( $(FUZZ_MEMORY_MIB) * 1024 )) && \
		$(PY) -m tests.robustness.atheris_fuzz .fuzz/corpus \
			-max_total_time=$${FUZZ_SECONDS:-300} -rss_limit_mb=$(FUZZ_MEMORY_MIB) \
			-artifact_prefix=.fuzz/; \
	else echo "atheris is not installed (pip install atheris): coverage-guided run skipped"; fi

update-contexts: $(STAMP)
	$(PY) packaging/update_contexts.py

# Needs the network: rebuilds resources/trust from the EU List of Trusted Lists and every
# national list it points to, each checked from the LOTL down; review the diff. Pass
# UPDATE_TRUST_ARGS="--allow-missing XX" to leave a territory out (the snapshot says why).
UPDATE_TRUST_ARGS ?=
update-trust: $(STAMP)
	$(PY) packaging/update_trust.py $(UPDATE_TRUST_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
