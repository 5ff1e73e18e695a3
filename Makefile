# ijik — the two commands a newcomer needs are `make run` and `make test`.
BUILD      ?= build
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
DEMO_DB    ?= demo/ijik-demo.db
CMAKE_ARGS ?=

.PHONY: all deps web-deps build run demo test sanitize-build test-sanitize test-sanitize-ci torture fuzz node-deps bench format tidy clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS)

# The web front end's npm packages (esbuild, uPlot); CMake runs the bundle
# (web/build.mjs) and embeds it into the binary.
web-deps:
	@cd web && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }

build: deps web-deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# Builds, makes a fresh demo workspace and serves it: prints the web app's address.
run: build
	@scripts/make-demo $(BUILD)/ijik $(DEMO_DB) $(BUILD)/tools/gen_nps/ijik-gen-nps
	@scripts/run-demo $(BUILD)/ijik $(DEMO_DB)

node-deps:
	@cd tests/node && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }

test: build node-deps
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole unit and CLI suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
# -O1 -g1 (line tables only): 2.4x less compile time than -O2 -g, and stack
# traces still name files and lines (docs/reliability.md, "Sanitizers in CI").
SANITIZE_ENV = ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1
sanitize-build: deps web-deps node-deps
	cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DIJIK_SANITIZE=ON -DIJIK_TOOLS=OFF $(CMAKE_ARGS)
	cmake --build build-sanitize -j $(JOBS)

test-sanitize: sanitize-build
	cd build-sanitize && $(SANITIZE_ENV) ctest --output-on-failure -j $(JOBS)

# The part of the sanitized suite CI runs beside `make test` (docs/reliability.md,
# "Sanitizers in CI"): everything but the tests named here.
SANITIZE_CI_EXCLUDE ?= ^web_browser$$|^reliability\.concurrent$$
test-sanitize-ci: sanitize-build
	cd build-sanitize && $(SANITIZE_ENV) ctest --output-on-failure -j $(JOBS) -E '$(SANITIZE_CI_EXCLUDE)'

# The long crash-safety run: SIGKILL at random moments of full-size imports
# and of bursts of writes (tests/reliability/crash-torture; docs/reliability.md).
TORTURE_IMPORT_KILLS ?= 20
TORTURE_WRITE_KILLS  ?= 200
torture: build
	tests/reliability/crash-torture $(BUILD)/ijik $(BUILD)/tools/gen_nps/ijik-gen-nps $(BUILD)/torture $(TORTURE_IMPORT_KILLS) $(TORTURE_WRITE_KILLS)

# libFuzzer targets (fuzz/), clang-14 with ASan+UBSan, FUZZ_SECONDS each (default 60).
FUZZ_SECONDS ?= 60
fuzz: web-deps
	@scripts/install-deps --fuzz
	CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIJIK_FUZZ=ON -DIJIK_TESTS=OFF -DIJIK_TOOLS=OFF
	cmake --build build-fuzz --target fuzz-targets -j $(JOBS)
	fuzz/run build-fuzz $(FUZZ_SECONDS)

# Performance figures (not tests): full-size generated data, side by side with
# iconv and DuckDB. Writes bench/results/latest.md; see bench/README.md.
bench: build
	@bench/run

format:
	clang-format -i $$(git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' 'tools/*.cc')

tidy: build
	clang-tidy -p $(BUILD) --quiet $$(git ls-files 'src/*.cc')

clean:
	rm -rf $(BUILD) demo web/dist
