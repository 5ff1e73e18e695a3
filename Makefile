# ijik — the two commands a newcomer needs are `make run` and `make test`.
BUILD      ?= build
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
DEMO_DB    ?= demo/ijik-demo.db
CMAKE_ARGS ?=

.PHONY: all deps web-deps build run demo test test-sanitize test-sanitize-ci torture fuzz node-deps bench format tidy clean

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
	@scripts/make-demo $(BUILD)/ijik $(DEMO_DB) $(BUILD)/tools/gen_nps/ijik-gen-nps $(BUILD)/tools/gen_dart/ijik-gen-dart
	@scripts/run-demo $(BUILD)/ijik $(DEMO_DB)

node-deps:
	@cd tests/node && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }

test: build node-deps
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole unit and CLI suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
# -O1 -g1 (line tables only): 2.4x less compile time than -O2 -g, and stack
# traces still name files and lines (docs/reliability.md, "Sanitizers in CI").
SANITIZE_ENV = ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1
SANITIZE_CONFIGURE = cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DIJIK_SANITIZE=ON $(CMAKE_ARGS)
test-sanitize: deps web-deps node-deps
	$(SANITIZE_CONFIGURE)
	cmake --build build-sanitize -j $(JOBS)
	cd build-sanitize && $(SANITIZE_ENV) ctest --output-on-failure -j $(JOBS)

# The part CI runs beside `make test` (docs/reliability.md, "Sanitizers in CI"):
# every unit test (parsers, importers, store, domain, search, vetting, the
# server's request handling) built with the sanitizers, without the CLI, so
# the whole CI run stays well under 30 minutes on 2 cores.
test-sanitize-ci: deps web-deps
	$(SANITIZE_CONFIGURE)
	cmake --build build-sanitize --target unit_tests -j $(JOBS)
	$(SANITIZE_ENV) build-sanitize/tests/unit_tests --gtest_brief=1

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
