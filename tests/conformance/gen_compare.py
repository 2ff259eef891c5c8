#!/usr/bin/python3
"""Conformance producer `compare`: compare levels against NumPy's casting rules.

Each case is a pair of NumPy dtypes: a random dtype and one of
  same         the same dtype built again;
  renamed      one field renamed;
  retyped      one scalar changed to another kind of the same size (i4 -> f4, S8 -> i8, ...);
  byteswapped  dt.newbyteorder();
  l-vs-q       int64/uint64 spelled 'l'/'L' against 'q'/'Q', the second exported from
               misaligned memory (so NumPy writes `=q` where it wrote `l`);
  aligned      the same fields packed against align=True;
  reshaped     one field a (2,3) subarray against a (6,) one.
Both are exported (`memoryview(np.zeros(n, dt)).format`) and `pep3118 compare` is run on the
two formats. The correspondence checked (docs/conformance.md):

  np.can_cast(a, b, 'no')     <=> level is identical or equivalent
  np.can_cast(a, b, 'equiv')  <=> level is identical or equivalent, or the two differ only in
                                  byte order: the same paths, offsets, shapes, kinds, sizes and
                                  itemsize in `layout`, and byteswap_equal (or layout-compatible,
                                  when only zero-size fields differ in byte order)

NumPy's 'equiv' is a copying cast field by field by name: it also holds when the same named
fields sit at other offsets (aligned against packed). Our levels describe memory, so that is a
known difference (listed in known_differences.txt). A pair is compared only when each exported
format describes its dtype (in `layout`, the same itemsize, field offsets and element size of
every array of structs): NumPy writes no
trailing padding, so an exported format can describe fewer bytes than its dtype, and NumPy's
answer about the dtypes is then not an answer about the formats.
"""

import sys

import suite  # first: exits loudly when NumPy is missing
import check_oracles
import numpy_dtypes

import json
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor

np = check_oracles.numpy
PRODUCER = "compare"
PAIR_KINDS = ("same", "renamed", "retyped", "byteswapped", "l-vs-q", "aligned", "reshaped")
EQUIVALENT = ("identical", "equivalent")
WORKERS = 2  # compare processes run at once (CI has 2 cores)

# Classes of known differences (see known_differences.txt): the example pair, as written there.
CAST_BY_NAME = "T{i:a:b:b:} vs T{=i:a:b:b:}"


# ---------------------------------------------------------------------------------------------
# Pairs
# ---------------------------------------------------------------------------------------------

def _split_order(typestr):
    if typestr[:1] in "<>=|":
        return typestr[0], typestr[1:]
    return "", typestr


def _wrap(spec):
    """A struct holding spec, when spec is not one."""
    return spec if spec[0] == "struct" else ("struct", "list", [("a", spec, 0)], False, 0)


def _retype(rng, typestr):
    order, base = _split_order(typestr)
    dt = np.dtype(base)
    choices = [c for c in numpy_dtypes.SAME_SIZE.get(dt.itemsize, [])
               if np.dtype(c).kind != dt.kind]
    if not choices:
        return None
    new = rng.choice(choices)
    if np.dtype(new).itemsize > 1 and np.dtype(new).kind not in "SVO":
        new = order + new
    return new


def make_pair(gen, rng, kind):
    """(spec_a, spec_b, misalign_b) or None when this spec gives no such pair; spec_b None for
    byteswapped (b is built from a's dtype)."""
    spec = gen.top()
    if kind == "same":
        return spec, spec, 0
    if kind == "renamed":
        spec = _wrap(spec)
        places = [p for p in numpy_dtypes.paths(spec, "struct") if numpy_dtypes.get(spec, p)[2]]
        if not places:
            return None
        place = rng.choice(places)
        fields = numpy_dtypes.get(spec, place)[2]
        index = rng.randrange(len(fields))
        used = {name for name, _, _ in fields}
        new_name = gen.name(used)
        return spec, numpy_dtypes.rename(spec, place, index, new_name), 0
    if kind == "retyped":
        places = numpy_dtypes.paths(spec, "scalar")
        rng.shuffle(places)
        for place in places:
            new = _retype(rng, numpy_dtypes.get(spec, place)[1])
            if new is not None:
                return spec, numpy_dtypes.replace(spec, place, ("scalar", new)), 0
        return None
    if kind == "byteswapped":
        return spec, None, 0
    if kind == "l-vs-q":
        # Packed, so that the misaligned export still describes the dtype.
        spec = numpy_dtypes.map_structs(spec, lambda s: ("struct", "list", s[2], False, 0)
                                        if s[1] == "list" else s)
        places = numpy_dtypes.paths(spec, "scalar")
        if not places:
            return None
        if not any(_split_order(numpy_dtypes.get(spec, p)[1])[1] in ("i8", "u8")
                   for p in places):
            place = rng.choice(places)
            spec = numpy_dtypes.replace(spec, place, ("scalar", rng.choice(("i8", "u8"))))

        def spell(letters):
            def change(node):
                order, base = _split_order(node[1])
                if base == "i8":
                    return ("scalar", order + letters[0])
                if base == "u8":
                    return ("scalar", order + letters[1])
                return node
            return change
        return (numpy_dtypes.map_scalars(spec, spell("lL")),
                numpy_dtypes.map_scalars(spec, spell("qQ")), rng.randint(1, 7))
    if kind == "aligned":
        def align(flag):
            return lambda s: ("struct", "dict" if s[1] == "disorder" else s[1], s[2], flag, s[4])
        spec = _wrap(spec)
        return (numpy_dtypes.map_structs(spec, align(False)),
                numpy_dtypes.map_structs(spec, align(True)), 0)
    if kind == "reshaped":
        spec = _wrap(spec)
        places = [p for p in numpy_dtypes.paths(spec, "scalar") if p]
        if not places:
            return None
        place = rng.choice(places)
        leaf = numpy_dtypes.get(spec, place)
        return (numpy_dtypes.replace(spec, place, ("sub", leaf, (2, 3))),
                numpy_dtypes.replace(spec, place, ("sub", leaf, (6,))), 0)
    raise ValueError(kind)


def fixed_pairs():
    """Pairs checked on every run, before the random ones: each known difference, each bug
    found, the examples of the correspondence. (kind, dtype a, dtype b, misalign of b)."""
    empty = np.dtype([])
    pair = [("a", "<i4"), ("b", "i1")]
    mixed = np.dtype([("a", "<i4"), ("b", ">f8")])
    return [
        # NumPy 'equiv' casts by name (known difference CAST_BY_NAME): T{i:a:b:b:} vs T{=i:a:b:b:}
        ("fixed", np.dtype(pair, align=True), np.dtype(pair), 0),
        # a field that is an empty struct has a name: renaming it, or dropping it, is not 'no'
        ("fixed", np.dtype([("i", empty)]), np.dtype([("t", empty)]), 0),
        ("fixed", np.dtype([("a", "<i4"), ("e", empty)]), np.dtype([("a", "<i4")]), 0),
        ("fixed", np.dtype([("e", empty, (2,))]), np.dtype([("f", empty, (2,))]), 0),
        # the correspondence: l vs =q, byte order only, names, (2,3) vs (6,), kinds
        ("fixed", np.dtype("l"), np.dtype("q"), 1),
        ("fixed", np.dtype([("a", "l"), ("b", "L")]), np.dtype([("a", "q"), ("b", "Q")]), 1),
        ("fixed", mixed, mixed.newbyteorder(), 0),
        ("fixed", np.dtype([("a", "<i4"), ("b", "<f8")]), np.dtype([("x", "<i4"), ("y", "<f8")]),
         0),
        ("fixed", np.dtype([("a", "<i4", (2, 3))]), np.dtype([("a", "<i4", (6,))]), 0),
        ("fixed", np.dtype([("a", "S4")]), np.dtype([("a", "V4")]), 0),
        ("fixed", np.dtype([("a", "<i4")]), np.dtype([("a", "<u4")]), 0),
        ("fixed", np.dtype([("a", "i1"), ("b", "i1")]),
         np.dtype([("a", "i1"), ("b", "i1")], align=True), 0),
    ]


def generate(rng, count, tally):
    """The fixed pairs, then count random ones: (kind, dtype a, dtype b, format a, format b)."""
    gen = numpy_dtypes.Generator(rng)
    for kind, dt_a, dt_b, misalign in fixed_pairs():
        yield (kind, dt_a, dt_b, numpy_dtypes.export(dt_a),
               numpy_dtypes.export(dt_b, misalign=misalign))
    produced = attempts = 0
    while produced < count:
        attempts += 1
        if attempts > 20 * count:
            suite.fatal(f"could make only {produced} of {count} pairs")
        kind = PAIR_KINDS[attempts % len(PAIR_KINDS)]
        try:
            made = make_pair(gen, rng, kind)
            if made is None:
                continue
            spec_a, spec_b, misalign = made
            dt_a = numpy_dtypes.build(spec_a)
            dt_b = dt_a.newbyteorder() if spec_b is None else numpy_dtypes.build(spec_b)
            fmt_a = numpy_dtypes.export(dt_a)
            fmt_b = numpy_dtypes.export(dt_b, misalign=misalign)
        except Exception as exc:  # noqa: BLE001 - NumPy refuses some dtypes: count them
            tally.skip(f"{kind}: NumPy refuses: {_reason(exc)}")
            continue
        if any(c in name for dt in (dt_a, dt_b) for name in numpy_dtypes.field_names(dt)
               for c in "\0\n\r"):
            # NUL: NumPy cuts the format there (the numpy producer covers it); neither a NUL
            # nor a line break can be passed as an argument.
            tally.skip(f"{kind}: a field name holds NUL or a line break")
            continue
        produced += 1
        yield (kind, dt_a, dt_b, fmt_a, fmt_b)


def _reason(exc):
    text = re.sub(r"'[^']*'", "'…'", str(exc))
    return f"{type(exc).__name__}: {re.sub(r'[0-9]+', 'N', text)}"


# ---------------------------------------------------------------------------------------------
# Running compare
# ---------------------------------------------------------------------------------------------

def run_compare(cli, fmt_a, fmt_b):
    command = [cli, "compare", "--json", "--target", "host", fmt_a, fmt_b]
    try:
        proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"cannot run {command!r}: {exc}"
    if proc.returncode not in (0, 1):
        return None, (f"{command!r} exited with {proc.returncode}: "
                      f"{proc.stderr.decode('utf-8', 'replace')[:500]}")
    lines = [line for line in proc.stdout.split(b"\n") if line.strip()]
    if len(lines) != 1:
        return None, f"{command!r}: expected one JSON line, got {len(lines)}"
    try:
        return json.loads(lines[0].decode("utf-8", "surrogateescape")), None
    except ValueError as exc:
        return None, f"{command!r}: not JSON ({exc}): {lines[0][:200]!r}"


# ---------------------------------------------------------------------------------------------
# The correspondence
# ---------------------------------------------------------------------------------------------

KINDS = {}
for _codes, _kind in (("bhilqn", "signed"), ("BHILQN", "unsigned"), ("efdg", "float"),
                      ("?", "bool"), ("c", "char"), ("sp", "bytes"), ("uw", "unicode"),
                      ("x", "void"), ("O", "object"), ("T", "struct")):
    for _code in _codes:
        KINDS[_code] = _kind
for _code in ("Zf", "Zd", "Zg", "Ze", "F", "D", "G"):
    KINDS[_code] = "complex"


def _kind(code):
    return KINDS.get(code, code)


def _numpy_entries(dt, base=0, top=True):
    """[(offset, element size of an array of structs or of a member struct without fields,
    else None)] in `layout`'s order; `top`: dt has an entry already, or is the whole item."""
    if dt.subdtype is not None:
        element = dt.subdtype[0]
        if element.names is not None:
            # The entry stands for the element: its members follow, the element no entry of its own.
            return [(base, element.itemsize)] + _numpy_entries(element, base, True)
        return [(base, None)]
    if dt.names is not None:
        entries = []
        for name in dt.names:
            member, offset = dt.fields[name][:2]
            entries += _numpy_entries(member, base + offset, False)
        return entries if entries or top else [(base, dt.itemsize)]
    return [(base, None)]


def faithful(dt, layout):
    """The format's layout describes the dtype: the same itemsize, leaf offsets and element size
    of every array of structs (an array of zero extent hides its element's size otherwise)."""
    if layout.get("valid") is not True or layout.get("itemsize") != dt.itemsize:
        return False
    ours = [(f.get("offset"), f.get("size") if f.get("code") == "T" else None)
            for f in layout.get("fields", [])]
    return ours == _numpy_entries(dt)


def _structure(layout, with_offsets):
    """What `layout` says of a format but byte order: each field's path, shape, kind and size
    (with its offset, and the itemsize, when with_offsets; an array of structs' element size
    only then too, as it follows from the offsets inside)."""
    fields = []
    for f in layout.get("fields", []):
        code = f.get("code")
        entry = (f.get("path"), tuple(f.get("shape", ())), _kind(code))
        if with_offsets:
            entry += (f.get("size"), f.get("offset"))
        elif code != "T":
            entry += (f.get("size"),)
        fields.append(entry)
    return fields + ([layout.get("itemsize")] if with_offsets else [])


def byte_order_only(answer, layout_a, layout_b):
    """Equivalent but for byte order: compare says identical or equivalent; or `layout` shows
    the same paths, offsets, shapes, sizes, kinds and itemsize on both sides and compare says
    byteswap_equal (or layout-compatible: when the fields that differ in byte order hold no
    bytes, a zero extent, there is nothing to byteswap)."""
    if answer.get("level") in EQUIVALENT:
        return True
    if _structure(layout_a, True) != _structure(layout_b, True):
        return False
    return bool(answer.get("byteswap_equal")) or answer.get("level") == "layout-compatible"


def same_names_other_offsets(layout_a, layout_b):
    """NumPy's 'equiv' case that is not ours: the same named fields (paths, shapes, kinds,
    sizes) in the same order, at other offsets or in another itemsize."""
    return _structure(layout_a, False) == _structure(layout_b, False) and \
        _structure(layout_a, True) != _structure(layout_b, True)


def comparable(pair, layouts, tally):
    """Whether NumPy's answer on the dtypes is an answer on the exported formats: both formats
    valid and describing their dtypes. Counts and reports the pairs that are not."""
    kind, dt_a, dt_b, fmt_a, fmt_b = pair
    invalid = [fmt for fmt in (fmt_a, fmt_b) if layouts[fmt].get("valid") is not True]
    if invalid:
        tally.disagree(lambda: f"[{kind}] {fmt_a!r} vs {fmt_b!r}",
                       [f"pep3118 rejects {fmt!r}, exported by NumPy: "
                        + check_oracles._diagnostics_text(layouts[fmt]) for fmt in invalid],
                       exact=f"{fmt_a} vs {fmt_b}")
        return False
    if faithful(dt_a, layouts[fmt_a]) and faithful(dt_b, layouts[fmt_b]):
        return True
    if kind == "fixed":
        tally.disagree(lambda: f"[{kind}] {fmt_a!r} vs {fmt_b!r}",
                       ["a fixed pair must be comparable: an exported format does not describe "
                        "its dtype (fix fixed_pairs())"])
        return False
    tally.not_compare(f"{kind}: an exported format does not describe its dtype (NumPy writes "
                      "no trailing padding; `=` when misaligned)", f"{fmt_a!r} vs {fmt_b!r}")
    tally.ok()
    return False


def check(pair, answer, layouts, tally):
    kind, dt_a, dt_b, fmt_a, fmt_b = pair
    layout_a, layout_b = layouts[fmt_a], layouts[fmt_b]

    def title():
        return (f"[{kind}] {fmt_a!r} vs {fmt_b!r} (NumPy dtypes {_text(dt_a)} and "
                f"{_text(dt_b)})")

    if answer.get("valid") is not True or answer.get("level") is None:
        tally.disagree(title, ["pep3118 compare rejects formats its layout accepts: "
                               + json.dumps(answer.get("diagnostics"), ensure_ascii=False)],
                       exact=f"{fmt_a} vs {fmt_b}")
        return
    tally.note(f"{kind}: compared, level {answer['level']}")

    numpy_no = bool(np.can_cast(dt_a, dt_b, "no"))
    numpy_equiv = bool(np.can_cast(dt_a, dt_b, "equiv"))
    ours_no = answer["level"] in EQUIVALENT
    ours_equiv = byte_order_only(answer, layout_a, layout_b)
    problems = []
    if numpy_no != ours_no:
        problems.append(f"np.can_cast(a, b, 'no') is {numpy_no}; pep3118 compare says "
                        f"{answer['level']}")
    if numpy_equiv != ours_equiv:
        problems.append(f"np.can_cast(a, b, 'equiv') is {numpy_equiv}; pep3118 compare says "
                        f"{answer['level']}, byteswap_equal {answer.get('byteswap_equal')}"
                        + ("" if ours_equiv else
                           f"; first difference {json.dumps(answer.get('difference'), ensure_ascii=False)}"))
    if not problems:
        tally.ok()
        return
    classes = []
    if numpy_equiv and not ours_equiv and numpy_no == ours_no and \
            same_names_other_offsets(layout_a, layout_b):
        classes.append(CAST_BY_NAME)
    tally.disagree(title, problems, classes, f"{fmt_a} vs {fmt_b}")


def _text(dt):
    try:
        return repr(dt)
    except Exception:  # noqa: BLE001 - NumPy's repr divides by a zero alignment (empty structs)
        return str(dt.descr)


def run_chunk(args, pairs, tally):
    formats = sorted({fmt for pair in pairs for fmt in pair[3:5]})
    layouts = dict(zip(formats, suite.run_cli_or_die(args.cli, formats, "pep3118")))

    # compare takes its two formats as arguments: one process per pair, WORKERS at a time.
    # Pairs NumPy's answer says nothing about are not run.
    pairs = [pair for pair in pairs if comparable(pair, layouts, tally)]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        answers = list(pool.map(lambda pair: run_compare(args.cli, pair[3], pair[4]), pairs,
                                chunksize=16))
    broken = [(pair, error) for pair, (_, error) in zip(pairs, answers) if error]
    if broken:
        for pair, error in broken[:5]:
            print(f"FAIL [{pair[0]}] {pair[3]!r} vs {pair[4]!r}: {error}")
        suite.fatal(f"pep3118 compare failed (crash, usage error or no JSON) on {len(broken)} "
                    "pairs")
    for pair, (answer, _) in zip(pairs, answers):
        check(pair, answer, layouts, tally)


def main(argv=None):
    args = suite.parse_args(PRODUCER, __doc__.split("\n\n")[0], argv)
    tally = suite.Tally(args)
    rng = suite.make_random(args.seed, PRODUCER)
    total = 0
    for pairs in suite.chunks(generate(rng, args.cases, tally)):
        run_chunk(args, pairs, tally)
        total += len(pairs)
    return tally.finish(f"compare: {total} pairs of NumPy {np.__version__} dtypes, "
                        "pep3118 compare against np.can_cast 'no' and 'equiv'")


if __name__ == "__main__":
    sys.exit(main())
