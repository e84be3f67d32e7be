#!/usr/bin/env bash
# Runs one libFuzzer target for SECONDS from the committed seeds. New inputs go to a scratch folder
# (the committed corpus is only read); a crash or a broken invariant fails the test and leaves the
# input in OUT/artifacts/ (reproduce with: TARGET FILE).
# Usage: run.sh TARGET SEED_DIR SECONDS
set -euo pipefail
target="$1" seeds="$2" seconds="$3"
out="$(dirname "$target")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out/artifacts"
exec_status=0
# A fixed seed: every run walks the same sequence of inputs (a longer run only goes further), so a CI
# run fails only on an input a developer can reproduce, not on the luck of the day; -timeout is generous
# because a loaded machine is not a hang.
"$target" -seed=1 -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/$(basename "$target")-" "$work" "$seeds" || exec_status=$?
exit "$exec_status"
