#!/usr/bin/env bash
# fuzz/run.sh TARGET SECONDS: fuzz one target (parse, roundtrip, compare, engines, fast_path) for
# SECONDS.
#
# Builds the `fuzz` preset if needed, replays the seeds and every past crash
# (fuzz/regressions/TARGET), fuzzes with the dictionary starting from the seeds and a scratch
# corpus kept in build/fuzz/corpus/TARGET, then replays the regressions again. A crash leaves its
# input in build/fuzz/artifacts/TARGET/ and makes the script fail; copy it to
# fuzz/regressions/TARGET/ once fixed. Extra arguments go to libFuzzer (e.g. -jobs=8 -workers=8).
# PEP3118_FUZZ_BUILD_DIR=DIR builds and keeps everything in DIR instead of build/fuzz (the same
# preset, configured with -B DIR), e.g. to fuzz beside another build of the preset.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ $# -lt 2 ]; then
  echo "usage: fuzz/run.sh TARGET SECONDS [libFuzzer options...]  (TARGET: parse, roundtrip, compare, engines, fast_path)" >&2
  exit 2
fi
target=$1
seconds=$2
shift 2
case "$target" in
  parse|roundtrip|compare|engines|fast_path) ;;
  *) echo "fuzz/run.sh: unknown target '$target'" >&2; exit 2 ;;
esac

build=${PEP3118_FUZZ_BUILD_DIR:-build/fuzz}
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake --preset fuzz -B "$build" >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target "pep3118_fuzz_$target" >/dev/null

binary=$build/fuzz/$target
seeds=fuzz/seeds/$target
regressions=fuzz/regressions/$target
corpus=$build/corpus/$target
artifacts=$build/artifacts/$target/
mkdir -p "$corpus" "$artifacts"

# Leak detection stays on; a sanitizer report is fatal (UBSan is built with -fno-sanitize-recover).
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

replay() {  # every file of the named directories, once each
  local files=()
  local dir
  for dir in "$@"; do
    [ -d "$dir" ] && while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$dir" -type f -print0 | sort -z)
  done
  [ "${#files[@]}" -eq 0 ] && return 0
  echo "fuzz/run.sh: $target: replaying ${#files[@]} inputs of $*"
  "$binary" -artifact_prefix="$artifacts" "${files[@]}" >/dev/null 2>"$artifacts/replay.log" || {
    cat "$artifacts/replay.log" >&2
    echo "fuzz/run.sh: $target: a seed or regression input crashes" >&2
    return 1
  }
}

replay "$seeds" "$regressions"

echo "fuzz/run.sh: $target: fuzzing for $seconds s"
"$binary" -dict=fuzz/dict/pep3118.dict -max_total_time="$seconds" -timeout=25 -max_len=4096 \
  -artifact_prefix="$artifacts" -print_final_stats=1 "$@" "$corpus" "$seeds"

replay "$regressions"
echo "fuzz/run.sh: $target: passed"
