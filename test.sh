#!/usr/bin/env bash
# Runs the whole test suite: unit tests in every module, then the integration tests against a real
# Payara Micro started by Arquillian with the built WAR (one server start for the main suite).
set -euo pipefail
cd "$(dirname "$0")"
exec mvn -B verify "$@"
