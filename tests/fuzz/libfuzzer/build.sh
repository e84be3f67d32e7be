#!/usr/bin/env bash
# Builds the libFuzzer targets: the separate clang project in this folder, into OUT.
# Usage: build.sh CLANGXX SOURCE_DIR OUT
set -euo pipefail
clangxx="$1" src="$2" out="$3"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$src" -B "$out" "${generator[@]}" -DCMAKE_CXX_COMPILER="$clangxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$out" -j"${CRMBRIDGE_FUZZ_JOBS:-2}"
