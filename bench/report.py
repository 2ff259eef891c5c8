#!/usr/bin/python3
"""bench/report.py RESULTS.json [--markdown]: the tables and goals of docs/performance.md.

Reads Google Benchmark's JSON output of pep3118_bench (rows named KIND/CASE, KIND one of check,
checker, size, parse, layout, c_check, c_checker, c_cache_hit, floor, struct, numpy, cache_hit,
hash) and prints one row per case with ns per format, MB/s, allocations per parse and the
ratios issue #9 sets goals on, then the goals with PASS or FAIL, for check() and for a reused
checker; check_size() (`size`) is held to the floor's goals too, as the reader that does the
floor's own work. With repetitions, the median of each row is used. --markdown prints the tables as
Markdown, for docs/performance.md.
"""
import json
import math
import sys

# Issue #9's goals; LINEAR_LIMIT is ours: "linear" means the cost per byte (or per level) at
# every size is at most this multiple of the cost at the smallest size. Over the 1024x range
# of each family a quadratic parser would show about 1000x.
SMALL_CASES = ("scalar", "struct3", "struct5", "nested3")
SMALL_LIMIT = 1.5     # check / floor, flat and small formats
WIDE_CASE, WIDE_LIMIT = "struct200", 2.0
FAILING_CASE, FAILING_LIMIT = "fail20", 2.0
NUMPY_MINIMUM = 50.0  # numpy / check
LINEAR_LIMIT = 2.0

TIME_UNITS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


def load_rows(path):
    """{(kind, case): {"ns", "mbps", "allocs", "label"}}, and the cases in the order their rows
    were registered (a run with random interleaving reports them in any order)."""
    with open(path, encoding="utf-8") as f:
        benchmarks = json.load(f)["benchmarks"]
    aggregated = any(b.get("run_type") == "aggregate" for b in benchmarks)
    rows, first_row = {}, {}
    for b in benchmarks:
        if aggregated and b.get("aggregate_name") != "median":
            continue
        kind, case = b["run_name"].split("/", 1)
        rows[(kind, case)] = {
            "ns": b["cpu_time"] * TIME_UNITS[b["time_unit"]],
            "mbps": b.get("bytes_per_second", 0.0) / 1e6,
            "allocs": b.get("allocs"),
            "label": b.get("label", ""),
        }
        first_row[case] = min(first_row.get(case, b["family_index"]), b["family_index"])
    return rows, sorted(first_row, key=first_row.get)


def ratio(rows, numerator, denominator, case):
    top, bottom = rows.get((numerator, case)), rows.get((denominator, case))
    return top["ns"] / bottom["ns"] if top and bottom else None


def ns_text(ns):
    if ns is None:
        return "-"
    return f"{ns:.1f}" if ns < 100 else f"{ns:,.0f}"


def number_text(value, digits=1):
    return "-" if value is None else f"{value:,.{digits}f}"


def time_of(rows, kind, case):
    row = rows.get((kind, case))
    return row["ns"] if row else None


def check_columns(rows, case):
    """The columns every table starts with: the full parse and its parts."""
    check = rows[("check", case)]
    checker = rows.get(("checker", case))
    return [
        ns_text(check["ns"]),
        number_text(check["mbps"]),
        number_text(check["allocs"], 0),
        ns_text(time_of(rows, "checker", case)),
        number_text(checker["allocs"] if checker else None, 0),
        ns_text(time_of(rows, "size", case)),
        ns_text(time_of(rows, "parse", case)),
        ns_text(time_of(rows, "layout", case)),
        ns_text(time_of(rows, "floor", case)),
        number_text(ratio(rows, "check", "floor", case)),
        number_text(ratio(rows, "checker", "floor", case)),
        number_text(ratio(rows, "size", "floor", case)),
    ]


CHECK_HEADERS = ["check ns", "MB/s", "allocs", "checker ns", "checker allocs", "size ns", "parse ns", "layout ns",
                 "floor ns", "check/floor", "checker/floor", "size/floor"]


def fixed_table(rows, cases):
    headers = ["case"] + CHECK_HEADERS + ["C check ns", "C checker ns", "struct ns", "numpy ns", "numpy/check",
                                          "numpy/checker", "format"]
    body = []
    for case in cases:
        body.append([case] + check_columns(rows, case) + [
            ns_text(time_of(rows, "c_check", case)),
            ns_text(time_of(rows, "c_checker", case)),
            ns_text(time_of(rows, "struct", case)),
            ns_text(time_of(rows, "numpy", case)),
            number_text(ratio(rows, "numpy", "check", case)),
            number_text(ratio(rows, "numpy", "checker", case)),
            rows[("check", case)]["label"],
        ])
    return headers, body


def families(cases):
    """{family: [(size, case), ...]} in size order, for the growth cases ("named/1024")."""
    grouped = {}
    for case in cases:
        family, size = case.split("/")
        grouped.setdefault(family, []).append((int(size), case))
    return {family: sorted(members) for family, members in grouped.items()}


def linearity(rows, members, kind="check"):
    """{case: (kind's ns per byte, that relative to the smallest size, the log-log slope of
    kind's time against the previous size)}. The slope is 1 where the cost grows linearly and
    2 where it grows quadratically; a jump where the data outgrows a cache shows as one step
    above 1, an algorithm that is not linear as every step above 1."""
    per_byte, slopes = {}, {}
    previous = None
    for size, case in members:
        check = rows[(kind, case)]
        # bytes_per_second is the exact input length over the time: ns per byte is its inverse.
        per_byte[case] = 1e3 / check["mbps"]
        if previous is not None:
            last_size, last_ns = previous
            slopes[case] = math.log(check["ns"] / last_ns) / math.log(size / last_size)
        previous = (size, check["ns"])
    smallest = per_byte[members[0][1]]
    return {case: (value, value / smallest, slopes.get(case)) for case, value in per_byte.items()}


def growth_table(rows, grouped):
    headers = ["case"] + CHECK_HEADERS + ["check ns/byte", "vs smallest", "slope"]
    body = []
    for members in grouped.values():
        linear = linearity(rows, members)
        for _, case in members:
            per_byte, relative, slope = linear[case]
            body.append([case] + check_columns(rows, case) +
                        [number_text(per_byte, 2), number_text(relative, 2), number_text(slope, 2)])
    return headers, body


def cache_table(rows, cases):
    headers = ["case", "cache hit ns", "hash ns", "hit/hash", "check ns", "check/hit", "floor ns", "hit/floor",
               "C hit ns"]
    body = []
    for case in cases:
        if ("cache_hit", case) in rows:
            body.append([case, ns_text(time_of(rows, "cache_hit", case)), ns_text(time_of(rows, "hash", case)),
                         number_text(ratio(rows, "cache_hit", "hash", case)), ns_text(time_of(rows, "check", case)),
                         number_text(ratio(rows, "check", "cache_hit", case)), ns_text(time_of(rows, "floor", case)),
                         number_text(ratio(rows, "cache_hit", "floor", case)),
                         ns_text(time_of(rows, "c_cache_hit", case))])
    return headers, body


def verdict(passed):
    return "PASS" if passed else "FAIL"


def goals(rows, fixed, grouped):
    lines = []

    def at_most(case, numerator, denominator, limit, what):
        value = ratio(rows, numerator, denominator, case)
        if value is not None:
            lines.append(f"{verdict(value <= limit)}  {numerator} {what}: {case} {value:.2f}x (goal <= {limit}x)")

    for kind in ("check", "checker", "size"):
        for case in SMALL_CASES:
            at_most(case, kind, "floor", SMALL_LIMIT, "vs the floor, flat and small formats")
        at_most(WIDE_CASE, kind, "floor", WIDE_LIMIT, "vs the floor, 200 fields")
        at_most(FAILING_CASE, kind, "floor", FAILING_LIMIT, "on the failing format vs the floor")
        for case in fixed:
            value = ratio(rows, "numpy", kind, case)
            if value is not None:
                lines.append(f"{verdict(value >= NUMPY_MINIMUM)}  {kind} faster than NumPy's parser: {case} "
                             f"{value:.1f}x (goal >= {NUMPY_MINIMUM:g}x)")
    for kind in ("check", "checker", "size"):
        for family, members in grouped.items():
            if any((kind, case) not in rows for _, case in members):
                continue
            linear = linearity(rows, members, kind).values()
            worst = max(relative for _, relative, _ in linear)
            steepest = max((slope for _, _, slope in linear if slope is not None), default=None)
            span = f"{members[0][0]} to {members[-1][0]}"
            lines.append(f"{verdict(worst <= LINEAR_LIMIT)}  {kind} linear growth: {family} ({span}), ns per byte at "
                         f"most {worst:.2f}x the smallest size's (goal <= {LINEAR_LIMIT}x; steepest log-log slope "
                         f"{number_text(steepest, 2)})")
    return lines


def render(headers, body, markdown):
    if not body:
        return []
    is_text = [i == 0 or header == "format" for i, header in enumerate(headers)]
    if markdown:
        def cells(row):  # formats as code spans; none of the benchmarks' formats contains `|`
            return [f"`{cell}`" if header == "format" else cell for header, cell in zip(headers, row)]
        rule = ["---" if text else "---:" for text in is_text]
        return ["| " + " | ".join(line) + " |" for line in [headers, rule] + [cells(row) for row in body]]
    widths = [max(len(cell) for cell in column) for column in zip(headers, *body)]

    def line(cells):
        return "  ".join(cell.ljust(width) if text else cell.rjust(width)
                         for cell, width, text in zip(cells, widths, is_text)).rstrip()
    return [line(headers)] + [line(row) for row in body]


def main(argv):
    paths = [a for a in argv if not a.startswith("--")]
    if len(paths) != 1:
        sys.exit("usage: bench/report.py RESULTS.json [--markdown]")
    markdown = "--markdown" in argv
    rows, cases = load_rows(paths[0])
    # A --benchmark_filter run may leave cases without their check row: those are not shown.
    checked = [c for c in cases if ("check", c) in rows]
    fixed = [c for c in checked if "/" not in c]
    grouped = families([c for c in checked if "/" in c])
    sections = [
        ("Cases (ns per format; MB/s and allocs of check)", fixed_table(rows, fixed)),
        ("Growth (ns per format; linearity: check's ns per byte vs the smallest size, and the log-log slope)",
         growth_table(rows, grouped)),
        ("Cache (check_cache hit vs hashing the same string)", cache_table(rows, fixed)),
    ]
    for title, (headers, body) in sections:
        table = render(headers, body, markdown)
        if table:
            print(f"{'### ' if markdown else ''}{title}\n")
            print("\n".join(table) + "\n")
    print(f"{'### ' if markdown else ''}Goals\n")
    verdicts = goals(rows, fixed, grouped) or ["(this run has none of the rows the goals compare)"]
    print("\n".join(("* " if markdown else "") + line for line in verdicts))


if __name__ == "__main__":
    main(sys.argv[1:])
