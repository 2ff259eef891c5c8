#!/usr/bin/env bash
# bench/instructions.sh: instructions per call of check, a reused checker, check_size and the
# floor on the fixed cases of docs/performance.md, counted by callgrind: deterministic where
# timings on a shared machine are not, so they show what a change costs. Each count is the
# difference of two runs, of 1000 and of 2000 calls, over 1000: start-up and the first call's
# allocations cancel out. Needs valgrind (installed when missing); builds as bench/run.sh does, in
# build/bench. About a minute.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v valgrind >/dev/null; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends valgrind >/dev/null
fi
bash bench/run.sh --build-only
loop=build/bench/bench/pep3118_instruction_loop

# Instructions of `loop KIND CASE CALLS`.
instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$loop" "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}

per_call() {
  local once twice
  once=$(instructions "$1" "$2" 1000)
  twice=$(instructions "$1" "$2" 2000)
  echo $(( (twice - once) / 1000 ))
}

echo "| case | check | checker | size | floor | check/floor | checker/floor | size/floor |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for id in $("$loop" --list); do
  check=$(per_call check "$id")
  checker=$(per_call checker "$id")
  size=$(per_call size "$id")
  floor=$(per_call floor "$id")
  awk -v id="$id" -v a="$check" -v b="$checker" -v s="$size" -v f="$floor" \
    'BEGIN { printf "| %s | %d | %d | %d | %d | %.1fx | %.1fx | %.1fx |\n", id, a, b, s, f, a / f, b / f, s / f }'
done
