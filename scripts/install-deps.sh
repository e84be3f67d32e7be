#!/usr/bin/env bash
# Installs the Debian 12 packages CRM Bridge needs to build, test and run, on a Debian 12 that has
# nothing else (CI proves it in a debootstrap --variant=minbase root). Idempotent: does nothing when
# everything is present; uses sudo when not root.
#   --packaging  also what scripts/package.sh needs (cpack's dpkg-shlibdeps, lintian, appstreamcli)
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache lld pkg-config git clang-format
  qt6-base-dev qt6-base-dev-tools qt6-networkauth-dev qt6-httpserver-dev qt6-websockets-dev
  qt6-charts-dev libqt6opengl6-dev qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools qt6-translations-l10n
  qtkeychain-qt6-dev libqt6sql6-sqlite libqt6sql6-psql libqt6sql6-mysql libqt6svg6
  libphonenumber-dev libsodium-dev libhttp-parser-dev libcurl4-openssl-dev zlib1g-dev
  clang libclang-rt-14-dev
  postgresql mariadb-server
  dbus dbus-x11 gnome-keyring libsecret-tools
  xvfb xauth imagemagick fonts-dejavu-core
)
if [ "${1:-}" = --packaging ]; then
  packages+=(dpkg-dev lintian appstream desktop-file-utils)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Package scripts must not start database servers system-wide: the tests start their own.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
