# Two commands on a fresh Debian machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_TEST_PACKAGES := chromium fonts-noto-cjk gettext
PYTEST_ARGS ?=

.PHONY: install install-test demo serve test lint bench messages check-apt

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-dev.txt $(VENV)/.installed
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
	$(MANAGE) compilemessages --ignore=.venv >/dev/null 2>&1 || true

# Debian packages the tests need: chromium for browser tests, Korean fonts for screenshots and PDFs.
check-apt:
	@missing=""; for pkg in $(APT_TEST_PACKAGES); do dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

install-test: install $(VENV)/.installed-test check-apt

demo: install
	$(MANAGE) migrate --noinput
	$(MANAGE) demo_data --if-empty
	$(MANAGE) demo_logins
	$(MANAGE) runserver 127.0.0.1:8000

serve: install
	$(MANAGE) runserver 127.0.0.1:8000

test: install-test
	$(VENV)/bin/ruff check .
	$(MANAGE) makemigrations --check --dry-run >/dev/null
	$(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: install-test
	$(PY) bench/run.py

messages: install-test
	$(MANAGE) makemessages -l ko -l en --ignore=.venv --ignore=var --no-obsolete
	$(PY) scripts/fill_catalogue.py
	$(MANAGE) compilemessages --ignore=.venv
