#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets (the `fuzz` preset: clang++, the engine and the live source, ASan +
# UBSan) and runs each: briefly (what CI runs), or a long campaign. Exits non-zero when a fuzzer
# finds a crash, a leak, a hang or undefined behaviour; the input that triggered it is left in
# build/fuzz/artifacts/TARGET/.
#
#   scripts/fuzz.sh                   every target, 10 s each (JOBSCOPE_FUZZ_SECONDS)
#   scripts/fuzz.sh 300               5 minutes per target
#   scripts/fuzz.sh 60 fuzz_state     one target
#   scripts/fuzz.sh --long [TARGET…]  a campaign: 10 million runs per target, or at most
#                                     JOBSCOPE_FUZZ_LONG_SECONDS (default 3600) each
#
# JOBSCOPE_FUZZ_JOBS targets run at once (default: the number of cores).
#
# Every target has a seed corpus in fuzz/corpus/NAME (fuzz_NAME): the targets are those folders.
# New inputs go to a work corpus under build/fuzz/corpus/, so the seeds stay as committed and
# each run starts where the last one stopped. A summary prints each target's runs, executions
# per second, coverage (edges and features) and work corpus size. A finding becomes a test: copy
# the artifact into tests/data (or a row of the reader's test) and fix the reader.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

long=false
if [[ "${1:-}" == --long ]]; then
    long=true
    shift
    limit=(-runs=10000000 -max_total_time="${JOBSCOPE_FUZZ_LONG_SECONDS:-3600}")
else
    seconds=${1:-${JOBSCOPE_FUZZ_SECONDS:-${FUZZ_SECONDS:-10}}}
    shift || true
    limit=(-max_total_time="$seconds")
fi
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    for dir in fuzz/corpus/*/; do
        dir=${dir%/}
        targets+=("fuzz_${dir##*/}")
    done
fi

cmake --preset fuzz ${JOBSCOPE_WERROR:+-DJOBSCOPE_WERROR=$JOBSCOPE_WERROR} >/dev/null
cmake --build --preset fuzz --target "${targets[@]}"

# Inputs are capped at 32 KB: the recordings among the seeds are larger (a whole Job), and a
# prefix of one exercises the same code at several times the executions per second.
max_len=${JOBSCOPE_FUZZ_MAX_LEN:-32768}
# Leaks are checked as in the suites; see sanitizers/lsan.supp for the one suppression.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/sanitizers/lsan.supp:print_suppressions=0}
# ASan holds freed blocks in a quarantine (256 MB by default) to catch late uses; over millions
# of runs the blocks that cycle through it leave its allocator holding more and more memory
# (fuzz_watch: past 1 GB after 450 000 runs and rising; with 32 MB, 390 MB after 1.1 million),
# which libFuzzer's RSS limit would report as an out-of-memory finding. A run's own blocks are a
# few MB at most, so 32 MB still catches a use after free within a run.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=32}

# One target: its log, and a status file the summary reads.
run_target() {
    local target=$1 name=${1#fuzz_}
    local seeds=fuzz/corpus/$name work=build/fuzz/corpus/$name
    local artifacts=build/fuzz/artifacts/$name/ log=build/fuzz/logs/$name.log
    mkdir -p "$work" "$artifacts" "${log%/*}"
    local started=$SECONDS result=ok
    # The first corpus directory receives the new inputs.
    if ! build/fuzz/fuzz/"$target" "$work" "$seeds" "${limit[@]}" -max_len="$max_len" \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts" -print_final_stats=1 \
        >"$log" 2>&1; then
        result=FAILED
    fi
    echo "$result $((SECONDS - started))" >"$log.status"
}

# JOBSCOPE_FUZZ_JOBS targets at once (default: the number of cores; 1 for a campaign on a
# shared machine).
jobs=${JOBSCOPE_FUZZ_JOBS:-$(nproc)}
for target in "${targets[@]}"; do
    while [[ $(jobs -rp | wc -l) -ge $jobs ]]; do
        wait -n || true
    done
    echo "== $target: ${limit[*]}, seeds fuzz/corpus/${target#fuzz_}, log build/fuzz/logs/${target#fuzz_}.log"
    run_target "$target" &
done
wait

status=0
summary=()
for target in "${targets[@]}"; do
    name=${target#fuzz_}
    work=build/fuzz/corpus/$name
    artifacts=build/fuzz/artifacts/$name/
    log=build/fuzz/logs/$name.log
    read -r result took <"$log.status"
    if [[ $result != ok ]]; then
        tail -n 60 "$log" >&2
        echo "== $target FAILED: reproducer in $artifacts" >&2
        ls -l "$artifacts" >&2 || true
        status=1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1 || true)
    files=$(find "$work" -type f | wc -l)
    size=$(du -sk "$work" | cut -f1)
    summary+=("$(printf '%-22s %-6s %10s runs %7s exec/s  %-20s work corpus %5s files %6s KB  %4ss' \
        "$target" "$result" "${runs:-?}" "${speed:-?}" "${cov:-cov: ?}" "$files" "$size" "$took")")
done
echo "== fuzzing summary$($long && echo ' (campaign)')"
printf '%s\n' "${summary[@]}"
exit $status
