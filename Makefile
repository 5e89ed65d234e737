# callscope: `make demo` and `make test` are all a new machine needs.
# Everything that is not an apt package is installed into $(CALLSCOPE_CACHE)
# (default ~/.cache/callscope), keyed by version, and reused.

GO        ?= go
BIN       := bin/callscope
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -X github.com/callscope/callscope/internal/cli.Version=$(VERSION)
DATA      ?= .callscope
TESTFLAGS ?=

.PHONY: all setup build web web-test e2e demo test test-short bench lint testdata clean

all: build

## setup: install servers, libraries and models (idempotent)
setup:
	scripts/setup.sh all

## build: build the web UI and bin/callscope with the UI embedded
build: web
	$(GO) build -tags webui -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/callscope

## web: build the web UI into web/dist (npm packages from scripts/setup.sh web)
web:
	scripts/setup.sh web
	$(GO) run ./web/internal/genparams web/src/generated/parameters.json
	cd web && npm run --silent build

## web-test: the web UI's unit tests (Vitest)
web-test:
	scripts/setup.sh web
	$(GO) run ./web/internal/genparams web/src/generated/parameters.json
	cd web && npm test --silent

## e2e: the web UI end to end in headless Chromium against callscope serve
e2e: build
	scripts/e2e.sh

## demo: set up, build and analyse the shipped test calls on the embedded default
demo: setup build
	$(BIN) run --data $(DATA) testdata/calls testdata/pii-calls testdata/bad
	@echo; echo "== personal data is masked before anything is stored (docs/privacy.md):"
	$(BIN) show --data $(DATA) --color never 2026-11-21-000401
	$(BIN) show --data $(DATA) --color never 2026-11-21-000402

## test: set up and run every test, integration tests with real servers included
test: setup lint
	$(GO) test -timeout 25m -count=1 $(TESTFLAGS) ./... ./testdata/gen ./testdata/realspeech
	$(MAKE) web-test e2e

## test-short: unit tests only (no servers)
test-short:
	$(GO) test -short -count=1 ./...

## bench: benchmarks. CALLSCOPE_BENCH_CALLS=10000000 (and CALLSCOPE_BENCH_DIR
## to keep the archive) runs the report benchmark at full scale; the default
## is 200,000 calls so that make bench stays short.
bench: setup
	$(GO) test -run '^$$' -bench . -benchmem -count=1 ./...

## lint: gofmt and go vet
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

## testdata: regenerate the synthetic calls (needs espeak-ng and sox)
testdata:
	$(GO) run ./testdata/gen
	$(GO) run ./testdata/gen -pii

clean:
	rm -rf bin $(DATA) web/dist
