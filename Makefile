# The two set-up commands of the README: `make demo` and `make test`.
GO        ?= go
BIN       := bin/dossier
VERSION   := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X main.version=$(VERSION)
DB        ?= dossier.db
ADDR      ?= 127.0.0.1:8080

.PHONY: build demo test bench lint clean web screenshots

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/dossier

# Ingest the bundled example articles into the embedded store and serve the UI.
demo: build
	./$(BIN) --db $(DB) ingest examples/
	./$(BIN) --db $(DB) serve --addr $(ADDR)

# Everything CI runs: formatting, vet, and the whole test suite with the race detector.
test: lint
	$(GO) test -race -count=1 ./...

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...

# Rebuild the web UI's bundle (server/static/dist, committed) from web/:
# npm packages, then esbuild through its Go API.
web:
	cd web && npm ci --no-audit --no-fund
	$(GO) generate ./web

# Retake the screenshots of the main pages in headless Chromium.
screenshots:
	$(GO) test ./server/browsertest -count=1 -run TestBrowser -args -screenshots $(CURDIR)/docs/screenshots

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin $(DB) $(DB)-wal $(DB)-shm
