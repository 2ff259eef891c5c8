#!/usr/bin/python3
"""Conformance producer `struct`: random CPython struct formats against `--rules struct`.

Each case is a random format over every struct code (`xcbB?hHiIlLqQnNefdspP`), every leading
mark (none, `@ = < > !`), counts (`0s`, `16p`, `0i`, large ones), whitespace between items, and
about one in five made invalid on purpose (a mark not first, whitespace between a count and its
code, a character struct does not know, a trailing count, a size past Py_ssize_t). Checks, for
every format: `pep3118 --rules struct` accepts exactly what `struct.calcsize` accepts and gives
the same size (check_oracles.compare_with_struct).
"""

import sys

import suite  # first: exits loudly when NumPy is missing
import check_oracles

PRODUCER = "struct"

CODES = "xcbB?hHiIlLqQnNefdspP"
MARKS = ("", "", "", "@", "=", "<", ">", "!")
COUNTS = (0, 0, 1, 2, 3, 4, 5, 7, 8, 16, 31, 100, 1000)
BIG_COUNTS = (2**31 - 1, 2**31, 2**32, 2**62, 2**63 - 1, 2**63, 2**64, 10**30)
SPACES = (" ", " ", "  ", "\t", " \t ", "\v", "\f")
RARE_SPACES = ("\n", "\r", "\r\n")   # these formats go on the command line, one run each
BAD_CHARS = "T{}:()^ZgwuatOX&jkmAEF0Dé\0-+,."


def item(rng):
    code = rng.choice(CODES)
    roll = rng.random()
    if roll < 0.5:
        count = ""
    elif roll < 0.98:
        count = str(rng.choice(COUNTS))
    else:
        count = str(rng.choice(BIG_COUNTS))
    return count + code


def space(rng):
    return rng.choice(RARE_SPACES) if rng.random() < 0.002 else rng.choice(SPACES)


def valid_looking(rng):
    """A format struct should mostly accept (codes `n N P` under a standard mark it does not)."""
    mark = rng.choice(MARKS)
    parts = [mark]
    if mark and rng.random() < 0.1:
        parts.append(space(rng))                      # "< i" is fine
    for index in range(rng.choice((0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8))):
        if index and rng.random() < 0.25:
            parts.append(space(rng))
        parts.append(item(rng))
    if rng.random() < 0.05:
        parts.append(space(rng))
    return "".join(parts)


def broken(rng, fmt):
    """fmt made invalid (or at least unusual) in one random way."""
    roll = rng.random()
    at = rng.randint(0, len(fmt))
    if roll < 0.2:                                    # a mark not first
        mark = rng.choice("@=<>!")
        if fmt and rng.random() < 0.5:
            return fmt[:at] + mark + fmt[at:]
        return fmt + mark
    if roll < 0.3:                                    # whitespace before the mark
        return space(rng) + rng.choice("@=<>!") + fmt
    if roll < 0.5:                                    # whitespace between count and code
        return fmt + str(rng.choice(COUNTS)) + space(rng) + rng.choice(CODES)
    if roll < 0.75:                                   # a character struct does not know
        return fmt[:at] + rng.choice(BAD_CHARS) + fmt[at:]
    if roll < 0.9:                                    # a trailing count
        return fmt + str(rng.choice(COUNTS))
    return fmt + str(rng.choice(BIG_COUNTS)) + rng.choice("qQdsx")  # size overflow


# Checked on every run before the random ones: the documented corners of struct's language.
FIXED = ["", "@", "<", "!", "llh0l", "ic", "ci", "ib", "0s", "16p", "0i", "c0i", " <i", "< i",
         "2 i", "i<i", "^i", "T{i}", "Zd", "g", "<n", "=N", ">P", "n", "N", "P", "12345",
         "c12345", "14s42", "9223372036854775807b", "9223372036854775808b",
         "4611686018427387904q", "i\0", "é", "i ", " i", "\ti\n"]


def generate(rng, count):
    """The fixed formats, then count random ones."""
    yield from FIXED
    for _ in range(count):
        fmt = valid_looking(rng)
        if rng.random() < 0.2:
            fmt = broken(rng, fmt)
        if "\0" in fmt and ("\n" in fmt or "\r" in fmt):
            fmt = fmt.replace("\r", " ").replace("\n", " ")  # neither stdin nor argv carries both
        yield fmt


def _accepted(fmt):
    try:
        check_oracles.struct.calcsize(fmt)
        return True
    except Exception:  # noqa: BLE001 - struct.error, UnicodeEncodeError, ...
        return False


def check(fmt, answer, tally):
    result = check_oracles.compare_with_struct(fmt, answer)
    tally.note("struct.calcsize accepts" if _accepted(fmt) else "struct.calcsize rejects")
    if answer.get("format") != fmt:
        result.problems.append(f"the CLI answered for format {answer.get('format')!r}")
    if result.problems:
        tally.disagree(lambda: f"format {fmt!r} (--rules struct)", result.problems, exact=fmt)
    else:
        tally.ok()


def main(argv=None):
    tally, total = suite.check_batches(PRODUCER, __doc__.split("\n\n")[0], argv, lambda rng, cases, _tally: generate(rng, cases),
                                       lambda case: case, "struct", check)
    return tally.finish(f"struct: {total} formats checked against CPython "
                        f"{sys.version.split()[0]} struct.calcsize")


if __name__ == "__main__":
    sys.exit(main())
