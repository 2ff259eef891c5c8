"""What the generated conformance producers share: options, the size knob, the list of known
differences, the tally and its report.

Every producer (gen_numpy.py, gen_struct.py, gen_ctypes.py, gen_compare.py) generates its cases
at test time from a fixed seed, runs all of them through one CLI process (stdin batch) and checks
each answer against a live oracle. A disagreement fails the run unless the list of known
differences (known_differences.txt) names it; see docs/conformance.md.
"""

import sys

# check_oracles imports NumPy first and exits loudly (status 1) when it is missing: every
# producer needs it (as oracle or as the generator of its cases), none may skip.
import check_oracles  # noqa: F401 - imported for its fatal NumPy check and its helpers

import argparse
import itertools
import os
import random
import time
from collections import Counter

PRODUCERS = ("numpy", "struct", "ctypes", "compare")
CASES_VARIABLE = "PEP3118_CONFORMANCE_CASES"
DEFAULT_CASES = 2000
DEFAULT_SEED = 3118
CHUNK = 25000  # cases per CLI run: one run at the default knob, memory bounded at 100 000
HERE = os.path.dirname(os.path.abspath(__file__))
KNOWN_DIFFERENCES = os.path.join(HERE, "known_differences.txt")


def fatal(message):
    """Stop the run: a broken setup is a failure, never a skip."""
    print("=" * 78, file=sys.stderr)
    print(f"FATAL: {message}", file=sys.stderr)
    print("=" * 78, file=sys.stderr)
    sys.exit(1)


def case_count(override=None):
    """Cases per producer: --cases, else $PEP3118_CONFORMANCE_CASES, else 2000."""
    if override is not None:
        text, origin = str(override), "--cases"
    else:
        text, origin = os.environ.get(CASES_VARIABLE, ""), CASES_VARIABLE
        if not text.strip():
            return DEFAULT_CASES
    try:
        count = int(text)
    except ValueError:
        fatal(f"{origin}={text!r} is not a number of cases")
    if count <= 0:
        fatal(f"{origin}={text!r}: the number of cases must be positive")
    return count


def parse_args(producer, description, argv=None):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--cli", required=True, help="path of the pep3118 executable")
    parser.add_argument("--cases", type=int, default=None,
                        help=f"cases to generate (default ${CASES_VARIABLE}, else "
                             f"{DEFAULT_CASES})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                        help=f"random seed (default {DEFAULT_SEED}: the cases CI runs)")
    parser.add_argument("--known", default=KNOWN_DIFFERENCES,
                        help="the list of known differences (default: the one beside this)")
    parser.add_argument("--show", type=int, default=20,
                        help="print at most this many failures in full (default 20)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also print the tolerated differences and what was not compared")
    args = parser.parse_args(argv)
    args.producer = producer
    args.cases = case_count(args.cases)
    if not os.access(args.cli, os.X_OK):
        fatal(f"the CLI {args.cli!r} is not an executable file (build it first: "
              "cmake --build --preset release)")
    return args


def make_random(seed, producer):
    """The producer's own stream: the same cases for the same seed, whatever other producers do."""
    return random.Random(f"{seed}:{producer}")


# ---------------------------------------------------------------------------------------------
# Known differences
# ---------------------------------------------------------------------------------------------

class KnownDifferences:
    """known_differences.txt: `producer<TAB>format-or-pattern<TAB>reason` lines.

    The middle column is either an exact format (a case with that very format is tolerated) or
    the example string that names a class of differences the producer recognises by a precise
    condition (the producer's CLASSES table): a case in that class is tolerated only while the
    class's example is listed. Either way the string must appear in backticks in
    docs/dialects.md (check_known_differences.py).
    """

    def __init__(self, path):
        self.path = path
        self.entries = []       # (line number, producer, format, reason)
        self.problems = []
        try:
            with open(path, encoding="utf-8") as stream:
                lines = stream.read().split("\n")
        except OSError as exc:
            fatal(f"cannot read the list of known differences {path!r}: {exc}")
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            columns = line.split("\t")
            if len(columns) != 3 or not all(c.strip() for c in columns):
                self.problems.append(f"{path}:{number}: expected producer<TAB>format<TAB>reason, "
                                     f"got {line!r}")
                continue
            producer, fmt, reason = columns
            if producer not in PRODUCERS:
                self.problems.append(f"{path}:{number}: unknown producer {producer!r} "
                                     f"(one of {', '.join(PRODUCERS)})")
                continue
            self.entries.append((number, producer, fmt, reason))
        self._keys = {(p, f) for _, p, f, _ in self.entries}

    def listed(self, producer, fmt):
        return (producer, fmt) in self._keys

    def for_producer(self, producer):
        return [(n, f, r) for n, p, f, r in self.entries if p == producer]


# ---------------------------------------------------------------------------------------------
# The tally
# ---------------------------------------------------------------------------------------------

class Tally:
    """Counts and failure reports of one producer's run."""

    def __init__(self, args):
        self.args = args
        self.known = KnownDifferences(args.known)
        if self.known.problems:
            fatal("malformed list of known differences:\n  " + "\n  ".join(self.known.problems))
        self.started = time.monotonic()
        self.passed = 0
        self.failed = 0
        self.tolerated = Counter()      # example/format -> cases
        self.not_compared = Counter()   # reason -> cases
        self.skipped = Counter()        # generation/export failures -> cases
        self.notes = Counter()          # informative counts
        self.shown = 0

    def skip(self, reason):
        self.skipped[reason] += 1

    def note(self, what, count=1):
        self.notes[what] += count

    def not_compare(self, reason, detail=""):
        self.not_compared[reason] += 1
        if self.args.verbose and detail:
            print(f"  not compared ({reason}): {detail}")

    def ok(self):
        self.passed += 1

    def disagree(self, title, problems, classes=(), exact=None):
        """One case disagrees. It is tolerated when the example of one of its classes (see the
        producer's class constants), or its exact format (exact), is listed for the producer in
        known_differences.txt. title may be a function returning the text (made only when
        printed)."""
        for key in list(classes) + [exact]:
            if key is not None and self.known.listed(self.args.producer, key):
                self.tolerated[key] += 1
                self.passed += 1
                if self.args.verbose:
                    print(f"  known difference [{key}]: {title() if callable(title) else title}")
                    for problem in problems:
                        print(f"      {problem}")
                return
        self.failed += 1
        if self.shown < self.args.show:
            self.shown += 1
            print(f"FAIL {title() if callable(title) else title}")
            for problem in problems:
                print(f"    {problem}")
            if classes:
                print(f"    (in the class of known differences {classes[0]!r}, which is not "
                      f"listed for {self.args.producer} in "
                      f"{os.path.basename(self.known.path)})")
        elif self.shown == self.args.show:
            self.shown += 1
            print(f"... further failures not shown (--show {self.args.show})")

    def finish(self, header):
        elapsed = time.monotonic() - self.started
        # An entry no case met is stale: the list must say what the suite meets, no more.
        for number, fmt, _reason in self.known.for_producer(self.args.producer):
            if not self.tolerated[fmt]:
                self.failed += 1
                print(f"FAIL {os.path.basename(self.known.path)}:{number}: the known difference "
                      f"{fmt!r} was not met (every entry needs a fixed case that meets it; "
                      "remove the entry when the difference is gone)")
        print(header)
        for title, counter in (("not compared", self.not_compared),
                               ("skipped while generating", self.skipped),
                               ("known differences tolerated", self.tolerated),
                               ("notes", self.notes)):
            if counter:
                print(f"{title}:")
                for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))):
                    print(f"  {count:7d}  {key}")
        print(f"seed {self.args.seed}, {self.args.cases} cases requested, {elapsed:.1f} s")
        print(f"{self.passed} passed, {self.failed} failed")
        if self.passed + self.failed == 0:
            print("FATAL: no case was checked", file=sys.stderr)
            return 1
        return 1 if self.failed else 0


def chunks(iterable, size=CHUNK):
    """Lists of at most size items of iterable, in order."""
    iterator = iter(iterable)
    while True:
        chunk = list(itertools.islice(iterator, size))
        if not chunk:
            return
        yield chunk


def check_batches(producer, description, argv, generate, format_of, rules, check):
    """The run of a producer: its options, then each batch of generated cases through one CLI
    run (format_of(case) is what the CLI reads) and check(case, answer, tally) on each answer.
    Returns (tally, number of cases) for the producer's summary line."""
    args = parse_args(producer, description, argv)
    tally = Tally(args)
    rng = make_random(args.seed, producer)
    total = 0
    for cases in chunks(generate(rng, args.cases, tally)):
        answers = run_cli_or_die(args.cli, [format_of(case) for case in cases], rules)
        for case, answer in zip(cases, answers):
            check(case, answer, tally)
        total += len(cases)
    return tally, total


def run_cli_or_die(cli, formats, rules, target="host"):
    try:
        return check_oracles.run_cli(cli, formats, rules, target)
    except check_oracles.CliError as exc:
        fatal(f"the CLI failed (a crash or an unusable answer is a failure): {exc}")
