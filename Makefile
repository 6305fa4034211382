# Quire — build, install, test and benchmark.
#   make install        release binary (statically linked) into $(PREFIX)/bin
#   make test           everything the tests need, then all tests
#   make bench          side-by-side benchmarks against nbstripout, nb-clean, nbdime, jupytext
#                       mlflow server, nbclient and papermill, and the web UI's page times

PREFIX ?= /usr/local
SWIFT ?= swift
# A fully static executable on Linux: no dynamic loading at start-up (~0.5 ms instead of ~1.5 ms),
# which matters because git and pre-commit run quire once per notebook.
RELEASE_FLAGS = -c release --static-swift-stdlib
ifeq ($(shell uname -s),Linux)
RELEASE_FLAGS += -Xswiftc -static-executable
endif
BIN_DIR = $(shell $(SWIFT) build $(RELEASE_FLAGS) --show-bin-path 2>/dev/null)
VENV = .venv
# The full MLflow server (~850 MB with pandas, pyarrow, scipy...) for bench/tracking.sh, apart
# from the test venv, which only needs the client (mlflow-skinny).
MLFLOW_VENV = .venv-mlflow-server

.PHONY: all deps build release install uninstall test test-deps bench bench-deps clean

all: build

# Build dependencies; idempotent: the system SQLite (headers, and libsqlite3.a for the static
# release build) that the tracking store links, found through pkg-config.
deps:
	@command -v pkg-config >/dev/null || (apt-get update && apt-get install -y pkg-config)
	@pkg-config --exists sqlite3 || (apt-get update && apt-get install -y libsqlite3-dev)

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product quire

install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 "$(BIN_DIR)/quire" "$(DESTDIR)$(PREFIX)/bin/quire"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/quire"

# What the tests need; idempotent (installs only what is missing): git, PostgreSQL's server
# programs (the Postgres store's tests start a throwaway cluster of their own with initdb and
# postgres on a free loopback port, and stop it; Debian keeps the programs in
# /usr/lib/postgresql/<version>/bin, where the tests look), and a Python venv with the reference
# tools the tests check quire against: nbdime (its patch applies quire's diffs), jupytext (it
# reads quire's percent scripts; PyYAML reads quire's headers), the MLflow client
# (mlflow-skinny: the real client, without the server's 850 MB; pandas and matplotlib for its
# search_runs data frames and log_figure) that talks to `quire serve`; ipykernel, the real kernel
# that `quire run` talks to, with a kernelspec quire-test-python3 in the venv (found through
# JUPYTER_PATH), and nbclient and papermill, whose executed notebooks quire's are compared with;
# Debian's chromium and chromium-driver (no recommends: the headless browser needs none of them)
# and selenium, which drive the web UI's browser tests.
test-deps: deps
	@command -v git >/dev/null || (apt-get update && apt-get install -y git)
	@command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
		(apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql)
	@command -v python3 >/dev/null || (apt-get update && apt-get install -y python3 python3-venv)
	@test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	@$(VENV)/bin/python -c "import nbdime, jupytext" 2>/dev/null || \
		$(VENV)/bin/pip install -q nbformat==5.11.1 nbdime==4.0.4 jupytext==1.19.6
	@$(VENV)/bin/python -c "import mlflow, pandas, matplotlib" 2>/dev/null || \
		$(VENV)/bin/pip install -q mlflow-skinny==3.17.2 pandas==3.1.1 matplotlib==3.11.2
	@$(VENV)/bin/python -c "import ipykernel, nbclient, papermill" 2>/dev/null || \
		$(VENV)/bin/pip install -q ipykernel==7.4.0 nbclient==0.11.0 papermill==2.7.0
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || (apt-get update && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver)
	@$(VENV)/bin/python -c "import selenium" 2>/dev/null || $(VENV)/bin/pip install -q selenium==4.51.0
	@grep -qs '"$(CURDIR)/$(VENV)/bin/python"' $(VENV)/share/jupyter/kernels/quire-test-python3/kernel.json || \
		$(VENV)/bin/python -m ipykernel install --prefix $(CURDIR)/$(VENV) --name quire-test-python3 \
			--display-name "Python 3 (quire tests)" >/dev/null

test: test-deps
	$(SWIFT) build --build-tests
	NBDIME_PYTHON=$(CURDIR)/$(VENV)/bin/python JUPYTEXT_PYTHON=$(CURDIR)/$(VENV)/bin/python \
		MLFLOW_PYTHON=$(CURDIR)/$(VENV)/bin/python JUPYTER_PATH=$(CURDIR)/$(VENV)/share/jupyter \
		$(SWIFT) test --skip-build

# Benchmarks: hyperfine from Debian, the anchor tools in a Python venv.
bench-deps:
	@command -v hyperfine >/dev/null || (apt-get update && apt-get install -y hyperfine)
	@test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	@test -x $(VENV)/bin/nbstripout -a -x $(VENV)/bin/nb-clean -a -x $(VENV)/bin/nbdiff -a -x $(VENV)/bin/jupytext || \
		$(VENV)/bin/pip install -q nbformat==5.11.1 nbstripout==0.9.1 nb-clean==5.0.0 nbdime==4.0.4 jupytext==1.19.6
	@command -v curl >/dev/null || (apt-get update && apt-get install -y curl)
	@test -x $(MLFLOW_VENV)/bin/mlflow || (python3 -m venv $(MLFLOW_VENV) && \
		$(MLFLOW_VENV)/bin/pip install -q mlflow==3.17.2)

# test-deps: the kernel benchmark runs ipykernel, nbclient and papermill from the test venv.
bench: bench-deps test-deps install
	bench/run.sh
	bench/diffmerge.sh
	bench/convert.sh
	bench/sync.sh
	bench/tracking.sh
	bench/kernel.sh
	bench/ui.sh

clean:
	rm -rf .build bench/out
