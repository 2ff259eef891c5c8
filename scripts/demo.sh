#!/usr/bin/env bash
# Builds the CLI (release preset) and shows what it says about a format.
#
#   scripts/demo.sh                       # pep3118 explain 'T{b:flag:i:count:d:ratio:}'
#   scripts/demo.sh 'T{<i:x:<d:y:}'       # pep3118 explain 'T{<i:x:<d:y:}'
#   scripts/demo.sh layout --json '(2)i'  # any pep3118 command line
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target pep3118_cli -j"$(nproc)"

if [ "$#" -eq 0 ]; then
  set -- explain 'T{b:flag:i:count:d:ratio:}'
else
  case "$1" in
    check|layout|explain|compare|canon|emit|targets|-*) ;;  # a full command line
    *) set -- explain "$@" ;;                                # just formats
  esac
fi

echo "\$ pep3118 $*" >&2
exec build/release/pep3118 "$@"
