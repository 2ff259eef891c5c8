#!/usr/bin/python3
"""Conformance producer `numpy`: random NumPy structured dtypes, exported and read back.

Each case is a random dtype (nested structs, subarrays with zero extents, every exportable kind
and size, every byte order, aligned and packed, explicit offsets with gaps and a larger itemsize,
odd field names) exported as `memoryview(np.zeros(n, dt)).format` (sometimes from misaligned
memory). Checks, for every exported format:

* pep3118 accepts it (default rules, warnings allowed);
* whenever NumPy's own parser reads the whole string: the same itemsize, alignment and every
  field's path and offset (check_oracles.compare_with_numpy).

Dtypes NumPy refuses to build or to export (overlapping fields, ':' in a name, `>g`) are
skipped and counted.
"""

import sys

import suite  # first: exits loudly when NumPy is missing
import check_oracles
import numpy_dtypes

import re

PRODUCER = "numpy"

# Classes of known differences: a case in the class is tolerated while this example is listed
# for the producer in known_differences.txt (and so shown in docs/dialects.md).
NUL_IN_NAME = "T{i:a"  # np.dtype([('a\0b', 'i4')]) exports 'T{i:a': cut at the NUL


def _dtype_text(dt, spec):
    try:
        return repr(dt)
    except Exception:  # noqa: BLE001 - NumPy's repr divides by a zero alignment (empty structs)
        return f"<spec {numpy_dtypes.describe(spec)}>"


def _reason(exc):
    """An exception's message with the specifics (quoted parts, numbers) blanked, for counting."""
    text = re.sub(r"'[^']*'", "'…'", str(exc))
    text = re.sub(r"\d+", "N", text)
    return f"{type(exc).__name__}: {text}"


def fixed_cases():
    """Dtypes checked on every run before the random ones: each known difference and the
    exporter's quirks (dtype, misalign)."""
    np = check_oracles.numpy
    return [
        (np.dtype([("a\0b", "<i4")]), 0),                                  # NUL_IN_NAME
        (np.dtype([("a", "<i4"), ("b", "i1")], align=True), 0),            # T{i:a:b:b:}
        (np.dtype([("a", "<i4"), ("b", "i1")]), 0),                        # T{=i:a:b:b:}
        (np.dtype({"names": ["x"], "formats": ["u1"], "itemsize": 4}), 0),  # T{B:x:}, 4 bytes
        (np.dtype([("a", ("<i4", (3,)), (2,))]), 0),                       # T{(2)(3)i:a:}
        (np.dtype([("a", "<i4", (2, 0))]), 0),                             # T{(2,0)i:a:}
        (np.dtype([("", "<i4"), ("b", "<i4")]), 0),
        (np.dtype({"names": ["", "b"], "formats": ["<i4", "<i4"]}), 0),   # T{i::i:b:}
        (np.dtype([("a b", "<i2"), ("日本", "i1"), (" ", "<f4"), ("f0", "<f8")]), 0),
        (np.dtype([("a", "g"), ("b", "G"), ("c", "i1")], align=True), 3),  # ^g, ^Zg
        (np.dtype([("a", "<i8"), ("b", "<u8")]), 1),                       # =q, =Q
        (np.dtype([]), 0),                                                 # T{}
        (np.dtype(("<i4", (2, 3))), 0),                                    # i, shape (.., 2, 3)
    ]


def generate(rng, count, tally):
    """The fixed cases, then count random ones: (spec, dtype, format, misalign)."""
    gen = numpy_dtypes.Generator(rng)
    for dt, misalign in fixed_cases():
        yield (("scalar", "fixed case"), dt, numpy_dtypes.export(dt, 2, misalign), misalign)
    made = attempts = 0
    while made < count:
        attempts += 1
        if attempts > 20 * count:
            suite.fatal(f"could build and export only {made} of {count} dtypes")
        spec = gen.top()
        try:
            dt = numpy_dtypes.build(spec)
        except Exception as exc:  # noqa: BLE001 - NumPy refuses some specs; count them
            tally.skip(f"NumPy refuses the dtype: {_reason(exc)}")
            continue
        misalign = rng.randint(1, 7) if rng.random() < 0.15 else 0
        try:
            fmt = numpy_dtypes.export(dt, rng.randint(0, 3), misalign)
        except Exception as exc:  # noqa: BLE001
            tally.skip(f"NumPy refuses to export: {_reason(exc)}")
            continue
        made += 1
        yield (spec, dt, fmt, misalign)


def check(case, answer, tally):
    spec, dt, fmt, misalign = case
    def title():
        return (f"format {fmt!r} exported by NumPy from dtype {_dtype_text(dt, spec)}"
                + (f" (data misaligned by {misalign})" if misalign else ""))
    classes = [NUL_IN_NAME] if any("\0" in n for n in numpy_dtypes.field_names(dt)) else []

    if answer.get("valid") is not True:
        tally.disagree(title, [
            "pep3118 rejects what NumPy exported: "
            + check_oracles._diagnostics_text(answer)], classes, fmt)
        return
    for diagnostic in answer.get("diagnostics", []):
        tally.note(f"accepted with warning {diagnostic.get('code')}")
    if answer.get("itemsize") != dt.itemsize:
        # Not a disagreement: NumPy writes no trailing padding (and `=`/`^` when misaligned),
        # so the format can describe fewer bytes than the dtype holds.
        tally.note("format describes another itemsize than the dtype's (NumPy writes no "
                   "trailing padding)")

    comparison = check_oracles.compare_with_numpy(fmt, answer)
    if not comparison.compared:
        tally.not_compare(_reason_kind(comparison.reason), f"{fmt!r}: {comparison.reason}")
        tally.ok()
        return
    tally.note("compared with NumPy's parser")
    if comparison.problems:
        tally.disagree(title, comparison.problems, classes, fmt)
    else:
        tally.ok()


def _reason_kind(reason):
    """numpy-refused/numpy-partial with the exception message's specifics blanked."""
    kind, _, rest = reason.partition(": ")
    rest = re.sub(r"'[^']*'", "'…'", rest)
    return f"{kind}: {rest}"


def main(argv=None):
    tally, total = suite.check_batches(PRODUCER, __doc__.split("\n\n")[0], argv, generate,
                                       lambda case: case[2], "pep3118", check)
    return tally.finish(f"numpy: {total} dtypes exported by NumPy "
                        f"{check_oracles.numpy.__version__} checked against pep3118 and "
                        "NumPy's parser")


if __name__ == "__main__":
    sys.exit(main())
