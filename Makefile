# Waymark: `make run` serves the demo site, `make test` runs every test. Needs Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
DEPS := pyproject.toml constraints.txt
HOST ?= 127.0.0.1
PORT ?= 8000
# manage.py defaults to production settings; everything make runs on a laptop says development explicitly,
# and the address it serves, so links in emails and the printed logins point there (website/settings/dev.py).
DEV := DJANGO_SETTINGS_MODULE=website.settings.dev WAYMARK_BASE_URL=http://$(HOST):$(PORT)
# `make run` writes its shell's process id here; `make stop` (same PORT) ends it and everything it started.
PIDFILE = .run-$(PORT).pid

.PHONY: help run stop test test-shifted lint format bench migrate seed clean messages

help:
	@echo "make run    create .venv, install, migrate, load demo content, serve http://$(HOST):$(PORT)"
	@echo "            (another address: make run PORT=8101, or HOST=0.0.0.0; Ctrl-C stops it)"
	@echo "make stop   stop a 'make run' started elsewhere (the same PORT)"
	@echo "make test   install the test extra and run the whole suite (SQLite unless DATABASE_URL)"
	@echo "make test-shifted  the suite but the browser journeys under a clock moved ahead (SHIFT=+400d,"
	@echo "            or SHIFT='@2027-12-27 08:30:00'; needs Debian's libfaketime)"
	@echo "make lint   ruff check and format --check, makemigrations --check, check --deploy (production)"
	@echo "make format fix what ruff can and format the code"
	@echo "make bench  measured speed and load/fault drills on the production stack"
	@echo "make messages  gather the strings to translate into the cy and ur catalogs, and compile them"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Stamp files: a second `make run` reinstalls nothing unless pyproject.toml or constraints.txt changed.
$(VENV)/.installed: $(DEPS) | $(PY)
	$(PIP) install --quiet -c constraints.txt -e .
	@touch $@

$(VENV)/.installed-test: $(DEPS) $(VENV)/.installed
	$(PIP) install --quiet -c constraints.txt -e '.[test]'
	@touch $@

migrate: $(VENV)/.installed
	$(DEV) $(PY) manage.py migrate --noinput

seed: migrate
	$(DEV) $(PY) manage.py seed_demo

# The three processes (and the logins printer) run in the background of one shell, which waits for the web server:
# Ctrl-C, `make stop` or the server ending stops the rest (only this shell's own jobs, nothing else in the terminal).
run: seed
	@echo "Serving http://$(HOST):$(PORT) with the task worker and scheduler (Ctrl-C or 'make stop PORT=$(PORT)' stops all three)."
	@echo $$$$ > $(PIDFILE); \
	trap 'trap - INT TERM EXIT; kill $$worker $$scheduler $$server $$logins 2>/dev/null; rm -f $(PIDFILE)' INT TERM EXIT; \
	$(DEV) $(PY) manage.py db_worker --queue-name '*' --interval 1 & worker=$$!; \
	$(DEV) $(PY) manage.py run_scheduler & scheduler=$$!; \
	$(DEV) $(PY) manage.py runserver $(HOST):$(PORT) & server=$$!; \
	$(DEV) $(PY) manage.py dev_logins --wait 120 & logins=$$!; \
	wait $$server

stop:
	@if [ -f $(PIDFILE) ]; then kill -TERM $$(cat $(PIDFILE)) && echo "Stopped the server on port $(PORT)."; \
	else echo "No 'make run' on port $(PORT) (no $(PIDFILE))."; fi

test: $(VENV)/.installed-test
	$(PY) -m pytest $(PYTEST_ARGS)

# The suite (browser journeys aside) in a process whose every clock libfaketime moves: Python's, SQLite's and
# the C library's. A test that reads the real date instead of building from a frozen one fails here, today.
# Monotonic time moves with it (libfaketime's sleeps go wrong when it does not), but at the real rate.
SHIFT ?= +400d
FAKETIME_LIB = $(firstword $(wildcard /usr/lib/*/faketime/libfaketime.so.1))
test-shifted: $(VENV)/.installed-test
	@test -n "$(FAKETIME_LIB)" || { echo "libfaketime is missing: apt-get install libfaketime"; exit 1; }
	FAKETIME="$(SHIFT)" LD_PRELOAD=$(FAKETIME_LIB) \
	  $(PY) -m pytest --ignore=tests/e2e $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(DEV) $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=website.settings.production SECRET_KEY=lint-only-$$(date +%s)-a-long-random-looking-value-for-checks \
	  ALLOWED_HOSTS=waymark.example WAGTAILADMIN_BASE_URL=https://waymark.example SIGNATURE_IP_HMAC_KEY=lint-only-hmac-key DISCLOSURE_ENCRYPTION_KEYS=$$($(PY) -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())') \
	  DATABASE_URL=$${DATABASE_URL:-sqlite:///lint.sqlite3} \
	  $(PY) manage.py check --deploy --fail-level WARNING

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Gathering needs GNU gettext (xgettext, msgmerge); compiling does not (polib). The compiled .mo files are
# committed, so a fresh clone serves Welsh without gettext; a test fails when one is older than its .po.
MAKEMESSAGES := $(DEV) $(PY) manage.py makemessages -l cy -l ur --no-obsolete --add-location=file \
	--ignore=.venv --ignore=staticfiles --ignore=node_modules --ignore=tests --ignore=bench
messages: $(VENV)/.installed
	$(MAKEMESSAGES) -d django
	$(MAKEMESSAGES) -d djangojs
	$(DEV) $(PY) manage.py compile_translations

bench: $(VENV)/.installed-test
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) staticfiles .run-*.pid
