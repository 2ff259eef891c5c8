#!/usr/bin/env bash
# bench/static_cost.sh [N]: what static.hpp adds to compile time (docs/build-time.md).
#
# Writes translation units with N formats of typical size (a struct of 5 named scalars, about
# 30 bytes), each checked the way docs/build-time.md shows: the itemsize and alignment with
# describes<T>() and one field's offset with static_layout::offset. Compiles each with g++ and
# clang++-14 (-std=c++20 -fsyntax-only, so only the front end and constant evaluation count)
# next to a unit that only includes the header, and prints the seconds added per 100 formats.
# Also times one format of each larger size, to show how the cost grows with length.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
count=${1:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$count" <<'PY'
import random, sys
work, count = sys.argv[1], int(sys.argv[2])
codes = {"b": "signed char", "B": "unsigned char", "h": "short", "H": "unsigned short", "i": "int",
         "I": "unsigned int", "q": "long long", "Q": "unsigned long long", "f": "float", "d": "double"}
rand = random.Random(1)

def unit(n_formats, n_fields):
    lines = ["#include <pep3118/static.hpp>", "#include <cstddef>"]
    for k in range(n_formats):
        picked = [rand.choice(list(codes)) for _ in range(n_fields)]
        fmt = "T{" + "".join(f"{c}:m{j}:" for j, c in enumerate(picked)) + "}"
        members = " ".join(f"{codes[c]} m{j};" for j, c in enumerate(picked))
        last = f"m{n_fields - 1}"
        lines += [f"struct S{k} {{ {members} }};",
                  f'static_assert(pep3118::describes<S{k}>("{fmt}"));',
                  f'static_assert(pep3118::static_layout("{fmt}").offset("{last}") == offsetof(S{k}, {last}));']
    return "\n".join(lines) + "\n"

open(f"{work}/empty.cpp", "w").write(unit(0, 0))
open(f"{work}/typical.cpp", "w").write(unit(count, 5))
for fields in (10, 50, 200):
    open(f"{work}/fields{fields}.cpp", "w").write(unit(1, fields))
PY

includes=(-Iinclude -Igrammar)
seconds() {  # seconds to compile $2 with $1
  local start end
  start=$(date +%s.%N)
  "$1" -std=c++20 -fsyntax-only "${includes[@]}" "$2"
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

printf '%-12s %12s %12s %14s %14s %14s\n' compiler "header (s)" "+${count} fmts" "+100 fmts (s)" "10 fields (s)" "200 fields (s)"
for cxx in g++ clang++-14; do
  base=$(seconds "$cxx" "$work/empty.cpp")
  typical=$(seconds "$cxx" "$work/typical.cpp")
  f10=$(seconds "$cxx" "$work/fields10.cpp")
  f200=$(seconds "$cxx" "$work/fields200.cpp")
  printf '%-12s %12.2f %12.2f %14.2f %14.2f %14.2f\n' "$cxx" "$base" "$(echo "$typical - $base" | bc -l)" \
    "$(echo "($typical - $base) * 100 / $count" | bc -l)" "$(echo "$f10 - $base" | bc -l)" "$(echo "$f200 - $base" | bc -l)"
done
