#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The installed tree (cmake/install.cmake), as a user or the Debian package gets it: installed
# into a temporary prefix, every promised file is there, the installed jobscope runs an
# installed example and points its help at the installed documentation, and the desktop entry,
# AppStream metadata, MIME types, manual page and completions pass their tools' checks.
#
#   check_install.sh BUILD_DIR [CMAKE]
#
# Exit status 77 (CTest: skipped) when a checking tool is missing, except in CI (CI set), where
# scripts/setup.sh test has installed them and a missing one is a failure.
set -euo pipefail

build=$1
cmake=${2:-cmake}
prefix=$(mktemp -d "${TMPDIR:-/tmp}/jobscope-install.XXXXXX")
trap 'rm -rf "$prefix"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

for tool in desktop-file-validate appstreamcli update-mime-database man; do
    if ! command -v "$tool" >/dev/null; then
        [[ -n "${CI:-}" ]] && fail "$tool is missing (scripts/setup.sh test installs it)"
        echo "SKIP: $tool is missing (scripts/setup.sh test installs it)"
        exit 77
    fi
done

"$cmake" --install "$build" --prefix "$prefix" >/dev/null

expected=(
    bin/jobscope
    share/applications/io.github.jobscope.JobScope.desktop
    share/metainfo/io.github.jobscope.JobScope.metainfo.xml
    share/mime/packages/jobscope.xml
    share/icons/hicolor/scalable/apps/jobscope.svg
    share/man/man1/jobscope.1.gz
    share/bash-completion/completions/jobscope
    share/zsh/vendor-completions/_jobscope
    share/jobscope/examples/causes/quota-exceeded.yaml
    share/jobscope/examples/states/quota-slow-start.yaml
    share/jobscope/lessons/job-parallelism.yaml
    share/doc/jobscope/scenarios.md
    share/doc/jobscope/live.md
    share/doc/jobscope/images/window-live-1280x720-light-en.png
    share/doc/jobscope/LICENSE
    share/doc/jobscope/NOTICE
)
for size in 16 32 48 64 128 256; do
    expected+=("share/icons/hicolor/${size}x${size}/apps/jobscope.png")
done
for file in "${expected[@]}"; do
    [[ -e "$prefix/$file" ]] || fail "$file was not installed"
done

jobscope=$prefix/bin/jobscope
version=$("$jobscope" --version) || fail "jobscope --version failed"
[[ $version =~ ^jobscope\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "jobscope --version printed '$version'"

"$jobscope" simulate "$prefix/share/jobscope/examples/causes/quota-exceeded.yaml" \
    --series-csv "$prefix/series.csv" || fail "simulating an installed example failed"
[[ $(wc -l <"$prefix/series.csv") -gt 2 ]] || fail "the series CSV is nearly empty"

help=$("$jobscope" simulate --help)
[[ $help == *"$prefix/share/doc/jobscope/scenarios.md"* ]] ||
    fail "simulate --help does not name the installed scenarios.md: $help"
[[ $help == *"$prefix/share/jobscope/examples"* ]] ||
    fail "simulate --help does not name the installed examples"

desktop-file-validate "$prefix/share/applications/io.github.jobscope.JobScope.desktop" ||
    fail "desktop-file-validate"
appstreamcli validate --no-net --no-color \
    "$prefix/share/metainfo/io.github.jobscope.JobScope.metainfo.xml" || fail "appstreamcli validate"
# The MIME database builds from the package's XML (it is written inside the prefix).
XDG_DATA_DIRS=$prefix/share update-mime-database "$prefix/share/mime" 2>&1 | { ! grep .; } || fail "update-mime-database"
grep -q '^application/x-jobscope-trace' "$prefix/share/mime/types" || fail "no trace MIME type"

# The manual page renders without a warning (as lintian checks it).
warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 \
    man --warnings -E UTF-8 -l -Tutf8 -Z "$prefix/share/man/man1/jobscope.1.gz" 2>&1 >/dev/null)
[[ -z $warnings ]] || fail "the manual page: $warnings"

bash -n "$prefix/share/bash-completion/completions/jobscope" || fail "the bash completion"

echo "PASS: installed under $prefix and checked"
