#!/bin/sh
# The console's browser tests (ConsoleIT) drive Debian's headless Chromium through its chromedriver. Installed here,
# from the Debian archive, when absent: no browser is ever downloaded from anywhere else (Selenium Manager is off).
set -eu

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-chromium.sh: /usr/bin/chromium or /usr/bin/chromedriver is missing and this is not root;" >&2
    echo "install them with: sudo apt-get install -y chromium chromium-driver" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-chromium.sh: no apt-get here; install Chromium and its chromedriver as /usr/bin/chromium and" \
         "/usr/bin/chromedriver" >&2
    exit 1
fi
echo "install-chromium.sh: installing Debian's chromium and chromium-driver for the console browser tests"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium chromium-driver
