#!/usr/bin/env bash
# Builds CRM Bridge and opens the desktop app on its demo: a sandbox amoCRM (or RetailCRM with --crm retailcrm)
# and a demo shop run in the background, orders flow.
# Usage: scripts/run-demo.sh [crmbridge options, e.g. --lang ru or --crm retailcrm]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
"$root/scripts/install-deps.sh"
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)" --target crmbridge crmbridgectl
exec "$root/build/app/crmbridge/crmbridge" --demo "$@"
