#!/usr/bin/env bash
# Builds CRM Bridge and runs every test (unit, integration, gui; benchmarks have their own script).
# Usage: scripts/test.sh [extra ctest args]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
"$root/scripts/install-deps.sh"
preset="${CRMBRIDGE_PRESET:-default}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$(nproc)"
export QT_QPA_PLATFORM=offscreen
ctest --preset "$preset" -LE bench -j"$(nproc)" "$@"
