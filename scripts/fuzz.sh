#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets (the `fuzz` preset: clang++, engine only, ASan + UBSan) and
# runs each for a bounded time. Exits non-zero when a fuzzer finds a crash, a leak, a hang
# or undefined behaviour; the input that triggered it is left in build/fuzz/artifacts/.
#
#   scripts/fuzz.sh                  # 30 s per target
#   scripts/fuzz.sh 300              # 5 minutes per target
#   scripts/fuzz.sh 60 fuzz_state    # one target
#
# New inputs go to a work corpus under build/fuzz/corpus/, so the seeds in fuzz/corpus/
# stay as committed. A finding becomes a test: copy the artifact into tests/data and add a
# row to the test that covers that reader.
set -euo pipefail

seconds=${1:-${FUZZ_SECONDS:-30}}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(fuzz_manifest fuzz_state)

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

cmake --preset fuzz ${JOBSCOPE_WERROR:+-DJOBSCOPE_WERROR=$JOBSCOPE_WERROR} >/dev/null
cmake --build --preset fuzz --target "${targets[@]}"

status=0
for target in "${targets[@]}"; do
    name=${target#fuzz_}
    seeds=fuzz/corpus/$name
    work=build/fuzz/corpus/$name
    artifacts=build/fuzz/artifacts/$name/
    mkdir -p "$work" "$artifacts"
    echo "== $target: ${seconds}s, seeds $seeds, work corpus $work"
    # The first corpus directory receives the new inputs.
    if ! build/fuzz/fuzz/"$target" "$work" "$seeds" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts" -print_final_stats=1; then
        echo "== $target FAILED: reproducer in $artifacts" >&2
        ls -l "$artifacts" >&2 || true
        status=1
    fi
done
exit $status
