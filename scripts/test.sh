#!/usr/bin/env bash
# Builds everything with the release preset and runs every test (unit + conformance).
# Extra arguments go to ctest, e.g. scripts/test.sh -L conformance
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/deps.sh
cmake --preset release
cmake --build --preset release -j"$(nproc)"
ctest --preset release -j"$(nproc)" "$@"
