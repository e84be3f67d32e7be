#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command inside a private D-Bus session with a throwaway, unlocked gnome-keyring, so the
# keychain tests talk to a real Secret Service without touching the user's keyring:
#   tests/support/with-keyring.sh ./tst_KeychainSecretStore [test arguments]
# A fresh HOME and XDG_* folders (removed afterwards), dbus-run-session, gnome-keyring-daemon
# unlocked with a password on its stdin, a bounded wait until org.freedesktop.secrets is on the
# bus, then the command. The exit code is the command's (or 2/3 when the set-up fails).
set -u

if [ "$#" -lt 1 ]; then
    echo "usage: $0 program [arguments...]" >&2
    exit 2
fi

if [ -z "${CRMBRIDGE_KEYRING_STAGE:-}" ]; then
    for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "with-keyring: $tool is missing (apt-get install dbus gnome-keyring)" >&2
            exit 2
        fi
    done
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/crmbridge-keyring.XXXXXX") || exit 2
    trap 'rm -rf "$scratch"' EXIT
    trap 'exit 130' INT TERM
    mkdir -p "$scratch/home" "$scratch/config" "$scratch/data" "$scratch/cache" "$scratch/run"
    chmod 700 "$scratch/run"
    HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
        XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/run" CRMBRIDGE_KEYRING_STAGE=session \
        dbus-run-session -- "$0" "$@"
    exit $?
fi

# Inside the private session bus. Unset what could lead QtKeychain to another backend (KWallet).
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION GNOME_KEYRING_CONTROL
unset CRMBRIDGE_KEYRING_STAGE

env_file="$XDG_RUNTIME_DIR/keyring.env"
log_file="$XDG_RUNTIME_DIR/keyring.log"
# --unlock reads the password from stdin and creates the "login" keyring with it; --foreground
# keeps the daemon our child so it can be stopped afterwards. It prints GNOME_KEYRING_CONTROL=...
printf '%s' "crmbridge-test-keyring" |
    gnome-keyring-daemon --foreground --unlock --components=secrets >"$env_file" 2>"$log_file" &
keyring_pid=$!

stop_keyring() {
    kill "$keyring_pid" 2>/dev/null
    wait "$keyring_pid" 2>/dev/null
}

# NameHasOwner does not D-Bus-activate a second, locked daemon as a call to the service would.
ready=no
tries=0
while [ "$tries" -lt 100 ]; do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
        ready=yes
        break
    fi
    if ! kill -0 "$keyring_pid" 2>/dev/null; then
        break
    fi
    sleep 0.1
    tries=$((tries + 1))
done
if [ "$ready" != yes ]; then
    echo "with-keyring: the Secret Service did not come up within 10 s" >&2
    cat "$log_file" >&2
    stop_keyring
    exit 3
fi

while IFS= read -r line; do
    case "$line" in
    *=*) export "$line" ;;
    esac
done <"$env_file"

"$@"
status=$?
stop_keyring
exit "$status"
