#!/usr/bin/env bash
# Runs the whole test suite: unit tests in every module, then the integration tests against a real
# Payara Micro started by Arquillian with the built WAR (one server start for the main suite),
# including the console's browser tests in Debian's headless Chromium.
set -euo pipefail
cd "$(dirname "$0")"

# The browser tests drive Debian's chromium through its chromedriver; nothing is downloaded at test time.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = "0" ]; then
    apt_get=(apt-get)
  elif command -v sudo > /dev/null && sudo -n true 2> /dev/null; then
    apt_get=(sudo apt-get)
  else
    echo "The console's browser tests need Debian's packages chromium and chromium-driver." >&2
    echo "Install them (apt-get install chromium chromium-driver) as root, then run ./test.sh again." >&2
    exit 1
  fi
  echo "Installing chromium and chromium-driver for the browser tests"
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -q chromium chromium-driver > /dev/null \
    || { DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" update -q > /dev/null \
         && DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -q chromium chromium-driver > /dev/null; }
fi

exec mvn -B verify "$@"
