# fleetsim — the two commands a new user needs:
#   make run    set up, build (release) and run Scenarios/default.yaml into Reports/default/
#   make test   set up and run the test suite
# Everything else here supports those two.

SWIFT ?= swift
SCENARIO ?= Scenarios/default.yaml
OUT ?= Reports/default
BIN := .build/release/fleetsim

.PHONY: run test setup build bench baselines clean

# Install the system packages fleetsim needs, only when missing (Debian/Ubuntu).
setup:
	@./scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product fleetsim

run: build
	$(BIN) run $(SCENARIO) --out $(OUT)
	@echo "HTML report: $(OUT)/report.html"

test:
	@./scripts/setup.sh --browser
	$(SWIFT) test

# Benchmarks (release build): kernel at 1e3/1e5/1e6 pending, the bench scenarios, the
# large-fleet size curve, and the SimPy yardstick on the same machine (scripts/bench.sh).
bench: build
	BIN=$(BIN) ./scripts/bench.sh

# Refresh Reports/baselines/ on purpose, after a change meant to move the numbers; commit them
# with it (the baseline test compares fresh runs against them; README "Baselines").
baselines: build
	BIN=$(BIN) ./scripts/baselines.sh

clean:
	rm -rf .build
