#!/usr/bin/env bash
# Installs the Debian packages JobScope needs to build, test and run, if any are missing.
# Does nothing (and needs no network) when they are all present.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config
    # Qt 6 (Widgets, Network, Test come with qt6-base-dev; Linguist tools for translations)
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    # plots and YAML
    libqcustomplot-dev libyaml-cpp-dev
    # fuzzing and sanitizers with clang 14's runtime
    clang clang-14 libclang-rt-14-dev
    # headless GUI runs, screenshots, Chinese text
    xvfb xauth imagemagick fonts-wqy-microhei
    # code style
    clang-format
    # the comma-decimal locale the tests switch to (de_DE.UTF-8)
    locales-all
    # Qt's own translations (dialog buttons, file dialogs) for the Chinese UI
    qt6-translations-l10n
)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "setup: all ${#packages[@]} packages present"
    exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
