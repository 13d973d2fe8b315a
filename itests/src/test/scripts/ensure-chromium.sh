#!/bin/sh
# Makes sure Debian's headless-capable Chromium and its WebDriver are installed before the browser tests (WebIT).
# Installs the packages `chromium` and `chromium-driver` with apt-get when either binary is missing: as root
# directly, otherwise through sudo without a password prompt. Fails with a clear message when neither is possible.
set -eu

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
DRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}

if [ -x "$CHROMIUM" ] && [ -x "$DRIVER" ]; then
    echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium) and $("$DRIVER" --version 2>/dev/null | head -n 1) present"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: $CHROMIUM or $DRIVER is missing and this machine has no apt-get;" \
         "install Chromium and chromedriver (same version) at those paths, then run the build again" >&2
    exit 1
fi

if [ "$(id -u)" = "0" ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "ensure-chromium: $CHROMIUM or $DRIVER is missing and this user is neither root nor allowed to sudo" \
         "without a password; run as root: apt-get install -y chromium chromium-driver" >&2
    exit 1
fi

echo "ensure-chromium: installing chromium and chromium-driver with apt-get"
export DEBIAN_FRONTEND=noninteractive
# apt-get waits for another apt/dpkg process holding the lock (up to 10 minutes) rather than failing at once.
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -q
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends chromium chromium-driver

if [ ! -x "$CHROMIUM" ] || [ ! -x "$DRIVER" ]; then
    echo "ensure-chromium: apt-get finished but $CHROMIUM or $DRIVER is still missing" >&2
    exit 1
fi
echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null) and $("$DRIVER" --version | head -n 1)"
