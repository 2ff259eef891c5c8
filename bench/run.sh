#!/usr/bin/env bash
# bench/run.sh [--quick] [--json FILE] [--build-only] [benchmark options...]: the benchmarks
# of docs/performance.md.
#
# Installs what is missing (scripts/deps.sh, then Google Benchmark and CPython's embedding
# library), builds bench/ in build/bench (Release), runs every row with Google Benchmark's JSON
# written to build/bench/results.json (or FILE) and its console output on stderr, and prints
# the tables and the goals (bench/report.py). A full run takes the median of 5 repetitions of
# at least 0.5 s per row, run in random order so that a noisy moment on a shared machine
# spreads over all rows instead of skewing the ratios of a few neighbours; it lasts about 8
# minutes on 2 cores. --quick runs each row once, briefly, as a smoke test whose numbers mean
# little. --build-only installs and builds, and runs nothing (bench/instructions.sh uses it).
# Other arguments go to the benchmark binary, e.g. --benchmark_filter=struct200.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

usage() {
  echo "usage: bench/run.sh [--quick] [--json FILE] [--build-only] [benchmark options...]" >&2
  exit 2
}

timing=(--benchmark_repetitions=5 --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true)
json=build/bench/results.json
passed=()
build_only=
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) timing=(--benchmark_min_time=0.01); shift ;;
    --json) [ $# -ge 2 ] || usage; json=$2; shift 2 ;;
    --json=*) json=${1#--json=}; shift ;;
    --build-only) build_only=1; shift ;;
    -h|--help) usage ;;
    *) passed+=("$1"); shift ;;
  esac
done

bash scripts/deps.sh
# The benchmarks' own packages, installed as scripts/deps.sh installs the project's.
missing=()
for package in libbenchmark-dev libpython3-dev; do
  [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" = "install ok installed" ] || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "bench/run.sh: installing ${missing[*]}" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release \
  -DPEP3118_BUILD_BENCHMARKS=ON -DPEP3118_BUILD_TESTS=OFF >/dev/null
cmake --build build/bench -j"$(nproc)" --target pep3118_bench pep3118_instruction_loop >/dev/null
[ -z "$build_only" ] || exit 0

mkdir -p "$(dirname "$json")"
build/bench/bench/pep3118_bench --benchmark_out="$json" --benchmark_out_format=json \
  "${timing[@]}" "${passed[@]}" >&2
/usr/bin/python3 bench/report.py "$json"
