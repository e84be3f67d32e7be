#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Screenshots of every page of the console in English and Russian, on a demo store, under Xvfb.
#   scripts/screenshots.sh [BUILD_DIR]     (default: build; needs crmbridge and crmbridge_screenshot_data built)
# Writes docs/screenshots/<page>-<lang>.png, mapping-retailcrm-<lang>.png (the RetailCRM connection's
# delivery and payment codes), mapping-statuses-<lang>.png and mapping-routing-<lang>.png (the amoCRM
# connection's status map and category routing). Needs Xvfb, ImageMagick's import, dbus and gnome-keyring.
# CRMBRIDGE_SCREENSHOT_ONLY="queue log" takes only those; CRMBRIDGE_SCREENSHOT_DISPLAY picks the display.
# The console runs with --no-engine: the store's engine "runs elsewhere" and reports itself healthy
# (crmbridge_screenshot_data --heartbeat before each shot), so no shot shows a problem of this set-up.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
# In a throwaway D-Bus session and unlocked keyring: the credentials are there, as on a signed-in desktop.
if [ -z "${CRMBRIDGE_SCREENSHOT_KEYRING:-}" ]; then
    CRMBRIDGE_SCREENSHOT_KEYRING=1 exec "$root/tests/support/with-keyring.sh" "$0" "$@"
fi
build=${1:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
out=$root/docs/screenshots
work=$(mktemp -d)
display=:${CRMBRIDGE_SCREENSHOT_DISPLAY:-97}
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT INT TERM

mkdir -p "$out"
"$build/tests/bench/crmbridge_screenshot_data" "$work/store.db"

Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1

# shot NAME PAGE CONNECTION TAB LANG: the window on PAGE (the Mapping page on that connection id
# and tab), as it reopens on what it was last showing, at 1280×800 (the default size).
shot() {
    name=$1 page=$2 connection=$3 tab=$4 lang=$5
    # CRMBRIDGE_SCREENSHOT_ONLY="queue log": only these shots (while fixing a page).
    case " ${CRMBRIDGE_SCREENSHOT_ONLY:-$name} " in *" $name "*) ;; *) return 0 ;; esac
    config=$work/config-$lang-$name
    mkdir -p "$config/crmbridge"
    printf '[mainWindow]\npage=%s\n[mappingPage]\nconnection=%s\ntab=%s\n' "$page" "$connection" "$tab" \
        >"$config/crmbridge/crmbridge.conf"
    "$build/tests/bench/crmbridge_screenshot_data" --heartbeat "$work/store.db"
    DISPLAY=$display XDG_CONFIG_HOME=$config QT_QPA_PLATFORM=xcb \
        "$build/app/crmbridge/crmbridge" --database "sqlite://$work/store.db" --lang "$lang" --no-engine &
    app=$!
    sleep "${CRMBRIDGE_SCREENSHOT_WAIT:-4}"
    DISPLAY=$display import -window root "$out/$name-$lang.png"
    kill $app
    wait $app 2>/dev/null || true
    echo "$out/$name-$lang.png"
}

for lang in en ru; do
    for page in dashboardPage connectionsPage mappingPage queuePage logPage historyPage settingsPage; do
        # connection 1: the amoCRM one (crmbridge_screenshot_data)
        shot "$(echo "$page" | sed 's/Page$//')" "$page" 1 orderFieldMapEditor "$lang"
    done
    shot mapping-retailcrm mappingPage 2 codeMapEditor "$lang"
    shot mapping-statuses mappingPage 1 statusMapEditor "$lang"
    shot mapping-routing mappingPage 1 routingView "$lang"
done
