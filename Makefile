# The whole test suite: see docs/testing.md. CI runs `make test` (.ci/run).
.PHONY: test test-sqlite test-postgres test-browser test-fuzz build

test:
	scripts/test.sh

test-sqlite:
	scripts/test.sh fmt vet sqlite

test-postgres:
	scripts/test.sh postgres

test-browser:
	scripts/test.sh browser

test-fuzz:
	scripts/test.sh fuzz

build:
	go build -o pokot ./cmd/pokot
