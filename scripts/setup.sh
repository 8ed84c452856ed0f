#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian packages JobScope needs, if any are missing:
#
#   scripts/setup.sh run       building and running (what scripts/run uses)
#   scripts/setup.sh test      that, and what the tests, fuzzing and the install checks need
#                              (what scripts/test uses; the default)
#   scripts/setup.sh package   building and running, and making the .deb (scripts/package)
#   scripts/setup.sh list SET  print the packages of SET, one per line, and install nothing
#
# Does nothing (and needs no network) when they are all present. JOBSCOPE_SKIP_SETUP=1 skips
# it altogether (for a machine set up by other means).
#
# Without apt-get and dpkg (not Debian or a derivative) nothing can be installed from here: it
# prints the Debian names of the packages to look for in the system's own package manager, and
# exits 0 when the build tools (cmake, ninja, a C++ compiler) are there, so that CMake can say
# what else is missing, or 1 when they are not.
set -euo pipefail

if [[ "${JOBSCOPE_SKIP_SETUP:-}" == 1 ]]; then
    echo "setup: skipped (JOBSCOPE_SKIP_SETUP=1)"
    exit 0
fi

# Building and running.
packages=(
    # build
    cmake ninja-build g++ pkg-config
    # Qt 6 (Widgets, Network, Test come with qt6-base-dev; Linguist tools for translations)
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    # plots and YAML
    libqcustomplot-dev libyaml-cpp-dev
    # the allocator (core/engine/allocator.h; the build goes on without it, slower)
    libmimalloc-dev
    # Chinese text, and Qt's own translations (dialog buttons, file dialogs) for the Chinese UI
    fonts-wqy-microhei qt6-translations-l10n
    # a CJK face with a real bold (slide titles and captions), so bold Chinese is not smeared
    fonts-noto-cjk
)
# The tests on top of that.
test_packages=(
    # fuzzing and sanitizers with clang 14's runtime
    clang clang-14 libclang-rt-14-dev
    # headless GUI runs, screenshots
    xvfb xauth imagemagick
    # the PDF report's text and pages (pdftotext, pdfinfo)
    poppler-utils
    # code style
    clang-format
    # the install checks: desktop entry, AppStream metadata, MIME types, manual page
    desktop-file-utils appstream shared-mime-info man-db
    # the comma-decimal locale the tests switch to (de_DE.UTF-8)
    locales-all
)
# Making the Debian package on top of building: dpkg-shlibdeps, and file, which CPack uses to
# find the binaries.
package_packages=(dpkg-dev file)

set_name=${1:-test}
list_only=false
if [[ "$set_name" == list ]]; then
    list_only=true
    set_name=${2:-test}
fi
case "$set_name" in
run) wanted=("${packages[@]}") ;;
test) wanted=("${packages[@]}" "${test_packages[@]}" "${package_packages[@]}") ;;
package) wanted=("${packages[@]}" "${package_packages[@]}") ;;
*)
    echo "usage: scripts/setup.sh [run|test|package|list [run|test|package]]" >&2
    exit 2
    ;;
esac

if $list_only; then
    printf '%s\n' "${wanted[@]}"
    exit 0
fi

if ! command -v apt-get >/dev/null || ! command -v dpkg-query >/dev/null; then
    echo "setup: this is not a Debian system (no apt-get or dpkg), so nothing is installed here."
    echo "setup: install the equivalents of these Debian bookworm packages with your package"
    echo "setup: manager (Qt 6.4 or newer, QCustomPlot 2.1 built for Qt 6, yaml-cpp 0.7,"
    echo "setup: mimalloc 2.0, optional):"
    printf '  %s\n' "${wanted[@]}"
    missing_tools=()
    command -v cmake >/dev/null || missing_tools+=(cmake)
    command -v ninja >/dev/null || missing_tools+=(ninja)
    command -v c++ >/dev/null || command -v g++ >/dev/null || command -v clang++ >/dev/null ||
        missing_tools+=("a C++20 compiler")
    if [[ ${#missing_tools[@]} -gt 0 ]]; then
        echo "setup: error: the build cannot start without: ${missing_tools[*]}" >&2
        exit 1
    fi
    echo "setup: cmake, ninja and a C++ compiler are here; CMake names any library still missing."
    echo "setup: (JOBSCOPE_SKIP_SETUP=1 skips this step.)"
    exit 0
fi

missing=()
for p in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "setup: all ${#wanted[@]} packages for '$set_name' present"
    exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null; then
        echo "setup: error: not root and no sudo; as root run: apt-get install ${missing[*]}" >&2
        exit 1
    fi
    sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
