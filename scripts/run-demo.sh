#!/usr/bin/env bash
# Builds CRM Bridge and opens the desktop app on its demo: a sandbox amoCRM (or RetailCRM with --crm retailcrm)
# and a demo shop run in the background, orders flow.
# Usage: scripts/run-demo.sh [crmbridge options, e.g. --lang ru or --crm retailcrm]
#        scripts/run-demo.sh --headless [crmbridgectl demo options, e.g. --orders 20]
#   --headless: the same demo without a window (a server, CI): `crmbridgectl demo`, which ends with a
#   summary of what reached the CRM.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
"$root/scripts/install-deps.sh"
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)" --target crmbridge crmbridgectl
if [ "${1:-}" = --headless ]; then
    shift
    exec "$root/build/app/crmbridgectl/crmbridgectl" demo "$@"
fi
exec "$root/build/app/crmbridge/crmbridge" --demo "$@"
