#!/usr/bin/python3
"""Conformance of the pep3118 CLI against the test vectors and the live oracles.

For every corpus line whose `rules` is `struct` or `pep3118`:

* the CLI (`pep3118 layout --json --target T [--rules struct] -`) must give the line's
  `itemsize`, or reject the format where the line has `error`;
* `struct` lines: CPython's `struct.calcsize`, run here, must agree with the CLI;
* `pep3118` lines: NumPy's own PEP 3118 parser, run here, must agree with the CLI on itemsize,
  alignment and the (path, offset) of every leaf field, whenever NumPy parses the whole string.

The oracles are never optional: without NumPy this script fails, it does not skip.

compare_with_struct() and compare_with_numpy() take one format and the CLI's JSON object for it,
so generated cases can reuse them:

    from check_oracles import run_cli, compare_with_numpy
    for fmt, answer in zip(formats, run_cli(cli, formats, "pep3118", "x86_64-linux-gnu")):
        problems = compare_with_numpy(fmt, answer).problems
"""

import sys

# The oracle first: a missing NumPy must fail the run loudly, never skip it.
try:
    import numpy

    try:  # NumPy 2 renamed numpy.core to numpy._core (numpy.core warns there)
        import numpy._core._internal as numpy_internal
    except ImportError:
        import numpy.core._internal as numpy_internal
    _NUMPY_DTYPE_FROM_PEP3118 = getattr(numpy_internal, "__dtype_from_pep3118")
    _NUMPY_STREAM = numpy_internal._Stream
except Exception as exc:  # noqa: BLE001 - any failure here is fatal
    print("=" * 78, file=sys.stderr)
    print("FATAL: cannot import NumPy's PEP 3118 parser (numpy.core._internal):", file=sys.stderr)
    print(f"  {type(exc).__name__}: {exc}", file=sys.stderr)
    print("  It is the oracle of the conformance tests; install python3-numpy", file=sys.stderr)
    print("  (scripts/deps.sh) and run this with /usr/bin/python3.", file=sys.stderr)
    print("=" * 78, file=sys.stderr)
    sys.exit(1)

import argparse
import json
import os
import platform
import struct
import subprocess
import warnings
from dataclasses import dataclass, field

CHECKED_RULES = ("struct", "pep3118")


# ---------------------------------------------------------------------------------------------
# Running the CLI
# ---------------------------------------------------------------------------------------------

class CliError(Exception):
    """The CLI could not be run or answered something unusable (not a mismatch: a breakage)."""


def _needs_argv(fmt):
    # stdin carries one format per '\n'-terminated line: formats that are empty or hold a line
    # break go on the command line instead (NUL bytes are fine on stdin, impossible in argv).
    return fmt == "" or "\n" in fmt or "\r" in fmt


def _cli_command(cli, rules, target):
    command = [cli, "layout", "--json", "--target", target]
    if rules != "pep3118":
        command += ["--rules", rules]
    return command


def _run(command, stdin_bytes):
    try:
        proc = subprocess.run(command, input=stdin_bytes, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=300, check=False)
    except OSError as exc:
        raise CliError(f"cannot run {command[0]!r}: {exc}") from exc
    except subprocess.TimeoutExpired as exc:
        raise CliError(f"{' '.join(command)} timed out") from exc
    stderr = proc.stderr.decode("utf-8", "replace")
    # 0: all valid, 1: some invalid. Anything else is a usage error or a crash.
    if proc.returncode not in (0, 1):
        raise CliError(f"{' '.join(command)} exited with {proc.returncode}\n"
                       f"--- stderr ---\n{stderr}")
    answers = []
    for number, line in enumerate(proc.stdout.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            answers.append(json.loads(line.decode("utf-8", "surrogateescape")))
        except ValueError as exc:
            raise CliError(f"{' '.join(command)}: output line {number} is not JSON ({exc}): "
                           f"{line[:200]!r}\n--- stderr ---\n{stderr}") from exc
    return answers


def run_cli(cli, formats, rules, target):
    """The CLI's JSON answer for each format, in order: one run for all that fit on stdin."""
    command = _cli_command(cli, rules, target)
    answers = [None] * len(formats)

    batch = [i for i, fmt in enumerate(formats) if not _needs_argv(fmt)]
    if batch:
        stdin = b"".join(formats[i].encode("utf-8", "surrogateescape") + b"\n" for i in batch)
        got = _run(command + ["-"], stdin)
        if len(got) != len(batch):
            raise CliError(f"{' '.join(command)} -: sent {len(batch)} formats on stdin, "
                           f"got {len(got)} JSON lines")
        for i, answer in zip(batch, got):
            answers[i] = answer

    for i, fmt in enumerate(formats):
        if answers[i] is not None:
            continue
        if "\0" in fmt:
            raise CliError(f"format {fmt!r} holds both a NUL and a line break: "
                           "it can be passed neither on stdin nor in argv")
        # "--" only where the format could be taken for an option.
        got = _run(command + (["--", fmt] if fmt.startswith("-") else [fmt]), b"")
        if len(got) != 1:
            raise CliError(f"{' '.join(command)} -- {fmt!r}: expected 1 JSON line, got {len(got)}")
        answers[i] = got[0]
    return answers


# ---------------------------------------------------------------------------------------------
# Comparisons
# ---------------------------------------------------------------------------------------------

@dataclass
class Comparison:
    """compared: the oracle gave an answer to compare; reason: why not, when it did not."""
    compared: bool
    reason: str = ""
    problems: list = field(default_factory=list)


def cli_fields(cli_json):
    """[(path, offset)] of the CLI's fields, in order."""
    return [(f.get("path"), f.get("offset")) for f in cli_json.get("fields", [])]


def compare_with_struct(fmt, cli_json):
    """struct.calcsize(fmt), live, against the CLI's answer (made with --rules struct)."""
    try:
        expected = struct.calcsize(fmt)
    except (struct.error, ValueError, TypeError, OverflowError) as exc:
        expected = None
        why = f"{type(exc).__name__}: {exc}"
    valid = cli_json.get("valid")
    if expected is None:
        if valid is not False:
            return Comparison(True, problems=[
                f"struct.calcsize rejects ({why}); CLI accepts with itemsize "
                f"{cli_json.get('itemsize')}"])
        return Comparison(True)
    if valid is not True:
        return Comparison(True, problems=[
            f"struct.calcsize = {expected}; CLI rejects: {_diagnostics_text(cli_json)}"])
    if cli_json.get("itemsize") != expected:
        return Comparison(True, problems=[
            f"struct.calcsize = {expected}; CLI itemsize = {cli_json.get('itemsize')}"])
    return Comparison(True)


class _TrackingStream(_NUMPY_STREAM):
    """NumPy's _Stream, remembering how its braces nested.

    NumPy's parser stops without complaint at a stray '}' ("i}" parses as "i") and at the end
    of the input inside an open "T{" ("T{i" parses as "T{i}"): an empty stream alone does not
    prove NumPy read the whole string, balanced braces do.
    """

    def __init__(self, s):
        super().__init__(s)
        self.depth = 0
        self.stray_brace = False

    def consume(self, c):
        consumed = super().consume(c)
        if consumed and c == "T{":
            self.depth += 1
        elif consumed and c == "}":
            self.depth -= 1
            if self.depth < 0:
                self.stray_brace = True
        return consumed

    def fully_parsed(self):
        return not self.s and self.depth == 0 and not self.stray_brace


def numpy_parse(fmt):
    """NumPy's reading of fmt: (dtype, alignment), or raises; ValueError if not all read."""
    stream = _TrackingStream(fmt)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dt, align = _NUMPY_DTYPE_FROM_PEP3118(stream, is_subdtype=False)
    if not stream.fully_parsed():
        left = f"{stream.s!r} left unread" if stream.s else (
            "a stray '}'" if stream.stray_brace else "an unterminated 'T{'")
        raise _PartialParse(f"NumPy stopped early: {left}")
    return dt, align


class _PartialParse(ValueError):
    pass


def _join(prefix, name):
    return f"{prefix}.{name}" if prefix else name


def numpy_leaves(dt, path=""):
    """[(path, offset)] of NumPy's dtype, flattened the way the CLI lists fields (DESIGN §6).

    A struct member's leaves have dotted paths; an array of structs is one entry (its own path)
    followed by its element's leaves at `path[*].member` with element 0's offsets; an array of
    scalars or strings is one leaf, and so is a member struct without fields (`T{}:e:`). A
    top-level dtype that is not structured (NumPy unwrapped a single unnamed item) is one field
    with the empty path, or its members if it is a struct.
    """
    return list(_walk(dt, path, 0, top=True))


def _walk(dt, path, base, top=False):
    if dt.subdtype is not None:
        element, _shape = dt.subdtype
        if element.names is not None:          # array of structs
            yield (path, base)
            yield from _walk_members(element, f"{path}[*]", base)
        else:                                   # array of scalars or strings
            yield (path, base)
    elif dt.names is not None:                  # struct
        members = list(_walk_members(dt, path, base))
        # A member struct without fields of its own is listed itself, so its name shows.
        yield from members if members or top else [(path, base)]
    else:                                       # scalar or string
        yield (path, base)


def _walk_members(dt, prefix, base):
    for name in dt.names:
        member, offset = dt.fields[name][:2]
        yield from _walk(member, _join(prefix, name), base + offset)


def compare_with_numpy(fmt, cli_json):
    """NumPy's parser, live, against the CLI's answer (made with the pep3118 rules).

    Not compared (compared=False, with the reason) when NumPy raises, which it does for
    pointers, `<g`, whitespace and other valid strings, or when it reads only part of the
    string, which it does silently for garbage such as `i}xyz`.
    """
    try:
        dt, align = numpy_parse(fmt)
    except _PartialParse as exc:
        return Comparison(False, reason=f"numpy-partial: {exc}")
    except Exception as exc:  # noqa: BLE001 - NumPy raises many kinds for what it refuses
        return Comparison(False, reason=f"numpy-refused: {type(exc).__name__}: {exc}")

    if cli_json.get("valid") is not True:
        return Comparison(True, problems=[
            f"NumPy parses it (itemsize {dt.itemsize}, dtype {dt!r}); CLI rejects: "
            f"{_diagnostics_text(cli_json)}"])
    problems = []
    if cli_json.get("itemsize") != dt.itemsize:
        problems.append(f"itemsize: NumPy {dt.itemsize}, CLI {cli_json.get('itemsize')}")
    if cli_json.get("alignment") != align:
        problems.append(f"alignment: NumPy {align}, CLI {cli_json.get('alignment')}")
    expected = numpy_leaves(dt)
    got = cli_fields(cli_json)
    if expected != got:
        problems.append(f"fields (path, offset): NumPy {expected}, CLI {got} "
                        f"(NumPy dtype {dt!r})")
    return Comparison(True, problems=problems)


def _diagnostics_text(cli_json):
    diags = cli_json.get("diagnostics") or []
    return "; ".join(f"{d.get('severity')} {d.get('code')} at {d.get('offset')}: "
                     f"{d.get('message')}" for d in diags) or "(no diagnostics)"


# ---------------------------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------------------------

def host_triple():
    """The target name our presets use for this interpreter's machine, or None."""
    if not sys.platform.startswith("linux"):
        return None
    machine = platform.machine()
    return {
        "x86_64": "x86_64-linux-gnu",
        "aarch64": "aarch64-linux-gnu",
        "riscv64": "riscv64-linux-gnu",
        "ppc64le": "powerpc64le-linux-gnu",
        "s390x": "s390x-linux-gnu",
    }.get(machine)


def check_vector(vector, answer):
    """The corpus line's own expectation (itemsize or error) against the CLI's answer."""
    problems = []
    if answer.get("format") != vector["fmt"]:
        problems.append(f"CLI answered for format {answer.get('format')!r}")
    if answer.get("rules") != vector["rules"]:
        problems.append(f"CLI says rules {answer.get('rules')!r}, expected {vector['rules']!r}")
    if answer.get("target") != vector["target"]:
        problems.append(f"CLI says target {answer.get('target')!r}, expected {vector['target']!r}")
    if "error" in vector:
        if answer.get("valid") is not False:
            problems.append(f"expected a rejection ({vector['error']}); CLI accepts with "
                            f"itemsize {answer.get('itemsize')}")
        elif not answer.get("diagnostics"):
            problems.append("CLI rejects without a diagnostic")
    else:
        if answer.get("valid") is not True:
            problems.append(f"expected itemsize {vector['itemsize']}; CLI rejects: "
                            f"{_diagnostics_text(answer)}")
        elif answer.get("itemsize") != vector["itemsize"]:
            problems.append(f"expected itemsize {vector['itemsize']}; CLI itemsize "
                            f"{answer.get('itemsize')}")
    return problems


def load_corpus(path):
    vectors = []
    with open(path, encoding="utf-8") as corpus:
        for number, line in enumerate(corpus, 1):
            if not line.strip():
                continue
            vector = json.loads(line)
            vector["line"] = number
            vectors.append(vector)
    return vectors


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", required=True, help="path of the pep3118 executable")
    parser.add_argument("--corpus", required=True, help="test-suite-vectors.jsonl")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also list the lines NumPy did not compare, and why")
    args = parser.parse_args(argv)

    print(f"oracles: Python {platform.python_version()} struct, NumPy {numpy.__version__} "
          f"({numpy_internal.__file__})")
    if not os.access(args.cli, os.X_OK):
        print(f"FATAL: CLI {args.cli!r} is not an executable file", file=sys.stderr)
        return 1

    vectors = [v for v in load_corpus(args.corpus) if v.get("rules") in CHECKED_RULES]
    if not vectors:
        print(f"FATAL: no struct/pep3118 vectors in {args.corpus}", file=sys.stderr)
        return 1

    # One CLI run per (rules, target).
    answers = {}
    groups = {}
    for vector in vectors:
        groups.setdefault((vector["rules"], vector["target"]), []).append(vector)
    for (rules, target), group in sorted(groups.items()):
        try:
            got = run_cli(args.cli, [v["fmt"] for v in group], rules, target)
        except CliError as exc:
            print(f"FATAL: {exc}", file=sys.stderr)
            return 1
        for vector, answer in zip(group, got):
            answers[id(vector)] = answer

    host = host_triple()
    passed = failed = 0
    struct_compared = numpy_compared = 0
    numpy_skipped = {}
    not_host = 0
    for vector in vectors:
        fmt, answer = vector["fmt"], answers[id(vector)]
        problems = check_vector(vector, answer)
        if vector["target"] != host:
            not_host += 1  # the live oracles describe this machine only
        elif vector["rules"] == "struct":
            result = compare_with_struct(fmt, answer)
            struct_compared += 1
            problems += [f"[struct] {p}" for p in result.problems]
        else:
            result = compare_with_numpy(fmt, answer)
            if result.compared:
                numpy_compared += 1
                problems += [f"[numpy] {p}" for p in result.problems]
            else:
                kind = result.reason.split(":", 1)[0]
                numpy_skipped[kind] = numpy_skipped.get(kind, 0) + 1
                if args.verbose:
                    print(f"  numpy not compared: {fmt!r}: {result.reason}")
        if problems:
            failed += 1
            print(f"MISMATCH line {vector['line']} [{vector['rules']}] {fmt!r}")
            for problem in problems:
                print(f"    {problem}")
            print(f"    CLI: {json.dumps(answer, ensure_ascii=False)}")
        else:
            passed += 1

    skipped = ", ".join(f"{n} {k}" for k, n in sorted(numpy_skipped.items())) or "none"
    print(f"oracles: struct.calcsize compared on {struct_compared} lines; NumPy compared on "
          f"{numpy_compared} lines, not compared on {sum(numpy_skipped.values())} ({skipped})"
          + (f"; {not_host} lines for other targets checked against the corpus only"
             if not_host else ""))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
