# Two commands on a fresh Debian machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# python3-venv: Debian's python3 lacks ensurepip without it.
APT_BASE_PACKAGES := python3-venv python3-pip
# WeasyPrint's text layout (PDF documents) and Korean fonts for them.
APT_RUNTIME_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk
# chromium for browser tests; Korean fonts for screenshots and PDFs; gettext for the catalogue check; nginx-light
# for the test that checks the shipped nginx site (deploy/nginx/alliance.conf) with `nginx -t`; redis-server for
# the test of the cache several machines share (alliance/core/tests/test_redis_cache.py starts its own).
APT_TEST_PACKAGES := chromium fonts-noto-cjk gettext nginx-light redis-server
PYTEST_WORKERS ?= 2
PYTEST_ARGS ?=
PORT ?= 8000
MAKEMESSAGES := $(MANAGE) makemessages -l ko -l en --ignore=.venv --ignore=var --ignore=bench --no-obsolete

.PHONY: install install-test demo serve prod test test-fast lint bench messages check-messages apt-base apt-runtime apt-test worker

# Installs missing Debian packages (as root, or through sudo), updating the package lists once first.
define apt_install
	@missing=""; for pkg in $(1); do dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

apt-base:
	@if ! $(PYTHON) -c "import ensurepip" 2>/dev/null; then \
		echo "Installing Debian packages: $(APT_BASE_PACKAGES)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(APT_BASE_PACKAGES) >/dev/null; \
	fi

apt-runtime:
	$(call apt_install,$(APT_RUNTIME_PACKAGES))

apt-test:
	$(call apt_install,$(APT_TEST_PACKAGES))

$(VENV)/.installed: requirements.txt
	$(MAKE) --no-print-directory apt-base
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check --upgrade pip
	$(PIP) install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-dev.txt $(VENV)/.installed
	$(PIP) install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# The compiled catalogues are committed, so install needs no gettext.
install: $(VENV)/.installed apt-runtime

install-test: install $(VENV)/.installed-test apt-test

# The demo runs background work as production does: a `db_worker` beside the server (so an import's progress
# bar moves while the page polls), started in the background and stopped when the server stops.
# Links in e-mails (census, password reset) and the printed address follow PORT unless SITE_URL is set; the footer
# shows example contact details unless SECRETARIAT_* are set.
demo: export SITE_URL ?= http://127.0.0.1:$(PORT)
demo: export SECRETARIAT_PHONE ?= 02-0000-0000
demo: export SECRETARIAT_EMAIL ?= office@demo.alliance.kr
demo: export SECRETARIAT_ADDRESS ?= 서울특별시 중구 (데모 주소)
demo: install
	$(MANAGE) migrate --noinput
	$(MANAGE) demo_data --if-empty
	$(MANAGE) demo_logins
	@echo "Serving on $(SITE_URL)/ with a background worker (Ctrl+C stops both)"
	@TASKS_BACKEND=database $(MANAGE) db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	TASKS_BACKEND=database $(MANAGE) runserver 127.0.0.1:$(PORT)

serve: install
	$(MANAGE) migrate --noinput
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# The production stack on this machine (deploy/run-local.sh): DEBUG=0, migrate, collectstatic, then gunicorn
# (deploy/gunicorn.conf.py) and the background worker; Ctrl+C stops both. README, "Production".
prod: install
	PORT=$(PORT) deploy/run-local.sh

# Background tasks through the database queue: run `TASKS_BACKEND=database make serve` beside this.
worker: install
	TASKS_BACKEND=database $(MANAGE) db_worker

# Coverage of the whole suite (browser tests included) must not fall below this share of statements
# (migrations left out; see [tool.coverage] in pyproject.toml).
COVERAGE_FLOOR ?= 95

test: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(MANAGE) makemigrations --check --dry-run
	$(PY) scripts/fill_catalogue.py --check
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --cov=alliance --cov-report=term:skip-covered --cov-fail-under=$(COVERAGE_FLOOR) $(PYTEST_ARGS)

# The suite without the browser tests, for a quick loop.
test-fast: install-test
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) -m "not browser" $(PYTEST_ARGS)

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

bench: install-test
	$(PY) bench/run.py

# Regenerate both catalogues, fill Korean from locale/ko_fragments/*.json, compile. Fails on a missing translation.
messages: install-test
	$(MAKEMESSAGES)
	@status=0; $(PY) scripts/fill_catalogue.py || status=$$?; \
	$(MANAGE) compilemessages --ignore=.venv --ignore=var && exit $$status

check-messages: install-test
	$(PY) scripts/fill_catalogue.py --check
