# Set-up, build and tests. `make site` and `make test` work on a fresh Debian/Ubuntu machine
# with Python 3.11+, git, make and apt; run as root or with sudo available.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test check review evaluering schemas new serve cms fmt stavning hunspell-da chromium paper paper-tests clean

## Build the site into site/ (validates first; site/ is left alone on any error); DATO=2027-01-15 builds as
## if it were that day
site: $(VENV)/.build-deps paper
	@$(BIN)/python build.py build $(if $(DATO),--dato '$(DATO)')

## Validate all course files and pages, build nothing
check: $(VENV)/.build-deps
	@$(BIN)/python build.py check

## Toolkit pages due for review, oldest first
review: $(VENV)/.build-deps
	@$(BIN)/python build.py review

## The department's evaluation figures per course over the last three years; CSV=1 writes CSV for Excel
## (make evaluering CSV=1 > evalueringer.csv), DATO=2027-01-15 counts as if it were that day
evaluering: $(VENV)/.build-deps
	@$(BIN)/python build.py evaluering $(if $(DATO),--dato '$(DATO)') $(if $(CSV),--csv)

## Rewrite schemas/*.json, cms/config.yml and the format reference content/om/formatet.md from the models and the taxonomy
schemas: $(VENV)/.build-deps
	@$(BIN)/python build.py schemas

## A new course file (make new NAVN=budget-for-begyndere), or a toolkit page of a type
## (make new TYPE=skabelon NAVN=skabeloner/referat-bestyrelsesmoede)
new: $(VENV)/.build-deps
	@[ -n "$(NAVN)" ] || { echo "fejl: skriv navnet på kurset, fx 'make new NAVN=budget-for-begyndere', eller \
	på siden og dens type, fx 'make new TYPE=skabelon NAVN=skabeloner/referat'" >&2; exit 2; }
	@$(BIN)/python build.py new $(if $(TYPE),--type '$(TYPE)') '$(NAVN)'

## Course files written by the browser forms back in the contract's key order (no value changes)
fmt: $(VENV)/.build-deps
	@$(BIN)/python build.py fmt

## Danish spelling of titles, intros and texts: each word the dictionary and config/ordliste.txt do not know, at
## its line, with suggestions; never fails. FILER="courses/a.yml …" checks only those files
stavning: $(VENV)/.build-deps hunspell-da
	@$(BIN)/python build.py stavning $(FILER)

## Live preview on http://127.0.0.1:8000/ that rebuilds on every change; PORT=8001 serves it on another port;
## KATALOG=1 makes the course booklet (kurser/katalog.pdf) too, at every rebuild
serve: $(VENV)/.build-deps $(if $(KATALOG),paper)
	@$(BIN)/python build.py serve $(if $(PORT),--port '$(PORT)') $(if $(KATALOG),--katalog)

## Edit in the browser on http://127.0.0.1:8000/admin/: the forms save into this folder (Decap CMS's local
## server, from npm), and the preview beside them rebuilds on every save; PORT=8001 serves it on another port;
## KATALOG=1 makes the course booklet too
cms: $(VENV)/.build-deps node_modules/.installed $(if $(KATALOG),paper)
	@$(BIN)/python build.py cms $(if $(PORT),--port '$(PORT)') $(if $(KATALOG),--katalog)

## Run every test, the browser tests in Chromium included
test: $(VENV)/.test-deps node_modules/.installed chromium hunspell-da paper paper-tests
	$(BIN)/python -m pytest

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); $(SUDO) apt-get update -q && \
	  $(SUDO) apt-get install -y -q python3-venv && $(PYTHON) -m venv $(VENV); }

$(VENV)/.build-deps: requirements.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements.txt requirements-test.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-test.txt
	touch $(VENV)/.build-deps $@

## axe-core for the accessibility tests and Decap CMS's local server, at the versions in package-lock.json
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q npm; }
	npm ci --no-audit --no-fund --silent
	touch $@

## Debian's Chromium for the browser tests (Playwright's own browser download is not used)
chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

## Debian's Danish dictionary for the spelling check
hunspell-da:
	@[ -f /usr/share/hunspell/da_DK.dic ] || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q hunspell-da; }

## What WeasyPrint needs to make the booklet (kurser/katalog.pdf): Pango from Debian (its typeface is from PyPI)
paper:
	@/sbin/ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || \
	  { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q libpango-1.0-0 libpangoft2-1.0-0; }

## What the tests read the booklet and the posters back with: pdftotext, pdfinfo, pdftoppm and zbarimg
paper-tests:
	@command -v pdftoppm >/dev/null && command -v zbarimg >/dev/null || \
	  { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q poppler-utils zbar-tools; }

clean:
	rm -rf site .site-new-* .site-old-* .site.lock .pytest_cache node_modules
