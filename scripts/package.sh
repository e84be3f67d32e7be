#!/usr/bin/env bash
# Builds the Debian packages crmbridge (desktop) and crmbridgectl (server) into build/packages with
# CPack, and checks them: lintian (no error or warning; what remains is explained in
# packaging/lintian/), appstreamcli validate on the metainfo, desktop-file-validate on the desktop entry.
# Usage: scripts/package.sh        then: sudo apt install ./build/packages/crmbridge*.deb
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
"$root/scripts/install-deps.sh" --packaging
preset="${CRMBRIDGE_PRESET:-default}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$(nproc)" --target crmbridge crmbridgectl crmbridge_package_files
rm -rf build/packages
(cd build && cpack -G DEB)
appstreamcli validate --no-net build/packaging/org.crmbridge.CrmBridge.metainfo.xml
desktop-file-validate packaging/org.crmbridge.CrmBridge.desktop
echo "desktop-file-validate: packaging/org.crmbridge.CrmBridge.desktop is valid"
lintian --fail-on error,warning --info --display-info build/packages/*.deb
echo "lintian: no error or warning"
for deb in build/packages/*.deb; do
    echo "== $deb"
    dpkg-deb --field "$deb" Package Version Depends Recommends
done
