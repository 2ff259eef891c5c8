"""Random NumPy dtypes, as small trees that can be built, changed and exported.

A spec is a tuple:

* ("scalar", typestr)                       e.g. ("scalar", ">i4"), ("scalar", "S3")
* ("sub", spec, shape)                      a subarray, shape a tuple (zero extents included)
* ("struct", form, fields, align, extra)    form "list" (packed or align=True) or "dict" (explicit
                                            offsets); fields [(name, spec, gap)], gap the bytes
                                            left free before the field (dict form only); extra
                                            the bytes added to the itemsize after the last field
                                            (dict form only); "disorder" as form swaps two
                                            offsets (NumPy then refuses to export it)

build() makes the dtype, export() the format NumPy writes for an array of it (from aligned or,
on request, deliberately misaligned memory, which changes `@` to `=` and `^` in what NumPy
writes).
"""

import numpy as np

ORDERS = ("<", ">", "=", "|", "")

SCALARS = (
    ["i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "g",
     "c8", "c16", "G", "?", "O"]
    + [f"S{n}" for n in range(1, 9)]
    + [f"U{n}" for n in range(1, 5)]
    + [f"V{n}" for n in range(1, 5)]
)

# Same-size other kinds, for the "one field's type changed" pairs.
SAME_SIZE = {
    1: ["i1", "u1", "?", "S1", "V1"],
    2: ["i2", "u2", "f2", "S2", "V2"],
    4: ["i4", "u4", "f4", "S4", "V4", "U1"],
    8: ["i8", "u8", "f8", "c8", "S8", "V8", "U2", "O"],
    16: ["g", "c16", "S16", "V16", "U4"],
    32: ["G", "S32", "V32", "U8"],
}

NAME_PIECES = (
    "a", "b", "x", "y", "val", "data", "Name", "_", "__x", "r2d2",
    "0", "1", "42", "1 2", "f0", "f1", "f2", "f10",                 # digits, NumPy's own names
    " ", "  ", "a b", " lead", "trail ", "\t", "tab\there",         # spaces, whitespace-only
    "é", "ß", "Ω", "日本", "naïve", "😀", "Ünï cödé",              # non-ASCII
    "}", "{", "T{", "(2)", "i", "x", "&", "->", "<", "!", ",", "#",  # format syntax inside names
)

RARE_NAMES = (
    "a:b",          # NumPy refuses to export it (':' ends a name)
    "nul\0here",    # NumPy exports the format cut at the NUL (a C string)
)


class Generator:
    """Random specs; rng is a random.Random."""

    def __init__(self, rng, max_depth=3):
        self.rng = rng
        self.max_depth = max_depth
        self.small = False

    def name(self, used):
        rng = self.rng
        for _ in range(20):
            roll = rng.random()
            if roll < 0.01:
                name = rng.choice(RARE_NAMES)
            elif roll < 0.55:
                name = rng.choice("abcdefghijklmnopqrstuvwxyz") + (
                    str(rng.randrange(100)) if rng.random() < 0.3 else "")
            elif roll < 0.92:
                name = rng.choice(NAME_PIECES)
            else:
                name = rng.choice(NAME_PIECES) + rng.choice(NAME_PIECES)
            if name not in used:
                used.add(name)
                return name
        name = f"n{len(used)}"
        used.add(name)
        return name

    def scalar(self):
        rng = self.rng
        base = rng.choice(SCALARS)
        order = rng.choice(ORDERS)
        if base in ("g", "G") and order in ("<", ">") and rng.random() < 0.8:
            order = "="  # mostly exportable: NumPy refuses `g` in a non-native order
        return ("scalar", order + base)

    def shape(self):
        rng = self.rng
        ndim = rng.choice((1, 1, 1, 2, 2, 3))
        return tuple(rng.choice((0, 1, 2, 2, 3, 3, 4, 5)) for _ in range(ndim))

    def spec(self, depth=0):
        rng = self.rng
        roll = rng.random()
        if depth < self.max_depth and roll < 0.22:
            return self.struct(depth + 1)
        if roll < 0.36:
            element = self.spec(depth + 1) if depth < self.max_depth and rng.random() < 0.3 \
                else self.scalar()
            return ("sub", element, self.shape())
        return self.scalar()

    def struct(self, depth=1):
        rng = self.rng
        if depth > 1:
            count = rng.choice((0, 1, 1, 2, 2, 3, 3, 4, 5, 6))
        elif self.small:
            count = rng.randint(1, 3)
        else:
            count = rng.randint(1, 7)
        used = set()
        fields = []
        for _ in range(count):
            name = self.name(used)
            gap = rng.choice((0, 0, 0, 1, 2, 3, 4, 7, 8)) if rng.random() < 0.4 else 0
            fields.append((name, self.spec(depth), gap))
        roll = rng.random()
        if roll < 0.4:
            return ("struct", "list", fields, False, 0)
        if roll < 0.75:
            return ("struct", "list", fields, True, 0)
        extra = rng.choice((0, 0, 1, 3, 4, 8, 9)) if rng.random() < 0.6 else 0
        form = "disorder" if rng.random() < 0.03 and len(fields) > 1 else "dict"
        return ("struct", form, fields, rng.random() < 0.3, extra)

    def top(self):
        """A top-level spec: mostly a struct, sometimes a plain scalar or subarray; 40% are
        small (at most 3 fields, one level of nesting: easy to read when they fail)."""
        roll = self.rng.random()
        if roll < 0.1:
            return self.spec(self.max_depth)  # scalar or subarray of a scalar
        self.small = roll < 0.5
        saved = self.max_depth
        if self.small:
            self.max_depth = 2
        try:
            return self.struct(1)
        finally:
            self.max_depth = saved
            self.small = False


def _round_up(value, alignment):
    return -(-value // alignment) * alignment if alignment > 1 else value


def build(spec):
    """The dtype of a spec; raises what NumPy raises for a spec it refuses."""
    kind = spec[0]
    if kind == "scalar":
        return np.dtype(spec[1])
    if kind == "sub":
        return np.dtype((build(spec[1]), spec[2]))
    _, form, fields, align, extra = spec
    names = [name for name, _, _ in fields]
    dtypes = [build(child) for _, child, _ in fields]
    if form == "list":
        return np.dtype(list(zip(names, dtypes)), align=align)
    if align and any(dt.alignment == 0 for dt in dtypes):
        # An empty aligned struct has alignment 0; NumPy 1.24 then dies of SIGFPE (offset % 0)
        # building an aligned dict-form dtype holding it. Refuse before NumPy crashes.
        raise ValueError("an aligned dict-form struct holding an empty aligned struct "
                         "(alignment 0) crashes NumPy 1.24 with SIGFPE")
    offsets = []
    offset = 0
    for (_, _, gap), dt in zip(fields, dtypes):
        offset += gap
        if align:
            offset = _round_up(offset, dt.alignment)
        offsets.append(offset)
        offset += dt.itemsize
    itemsize = offset + extra
    if align:
        itemsize = _round_up(itemsize, max([dt.alignment for dt in dtypes] + [1]))
    if form == "disorder":
        offsets[0], offsets[1] = offsets[1], offsets[0]
    return np.dtype({"names": names, "formats": dtypes, "offsets": offsets,
                     "itemsize": itemsize}, align=align)


def export(dt, count=2, misalign=0):
    """memoryview(array of count items).format; misalign > 0 puts the data at that many bytes
    past an aligned address (NumPy then writes `=`/`^` for the unaligned fields)."""
    if misalign and dt.itemsize > 0 and not dt.hasobject:
        raw = np.zeros(count * dt.itemsize + misalign, np.uint8)[misalign:]
        array = raw.view(dt)
    else:
        array = np.zeros(count, dt)
    return memoryview(array).format


def field_names(dt):
    """Every field name in dt, nested ones too."""
    if dt.subdtype is not None:
        yield from field_names(dt.subdtype[0])
    elif dt.names is not None:
        for name in dt.names:
            yield name
            yield from field_names(dt.fields[name][0])


def describe(spec):
    """Short readable text of a spec (for failure reports)."""
    kind = spec[0]
    if kind == "scalar":
        return spec[1]
    if kind == "sub":
        return f"({describe(spec[1])}, {spec[2]})"
    _, form, fields, align, extra = spec
    inner = ", ".join(f"{name!r}:{describe(child)}" + (f"+{gap}" if gap else "")
                      for name, child, gap in fields)
    flags = form + (" align" if align else "") + (f" extra={extra}" if extra else "")
    return f"{{{inner} | {flags}}}"


# ---------------------------------------------------------------------------------------------
# Walking and changing specs (for the compare pairs)
# ---------------------------------------------------------------------------------------------

def paths(spec, kind, here=()):
    """Every position (a tuple of steps) in spec holding a node of this kind."""
    found = [here] if spec[0] == kind else []
    if spec[0] == "sub":
        found += paths(spec[1], kind, here + ("sub",))
    elif spec[0] == "struct":
        for index, (_, child, _) in enumerate(spec[2]):
            found += paths(child, kind, here + (index,))
    return found


def get(spec, path):
    for step in path:
        spec = spec[1] if step == "sub" else spec[2][step][1]
    return spec


def replace(spec, path, new):
    """spec with the node at path replaced by new."""
    if not path:
        return new
    step, rest = path[0], path[1:]
    if step == "sub":
        return ("sub", replace(spec[1], rest, new), spec[2])
    _, form, fields, align, extra = spec
    fields = list(fields)
    name, child, gap = fields[step]
    fields[step] = (name, replace(child, rest, new), gap)
    return ("struct", form, fields, align, extra)


def rename(spec, path, index, new_name):
    node = get(spec, path)
    _, form, fields, align, extra = node
    fields = list(fields)
    _, child, gap = fields[index]
    fields[index] = (new_name, child, gap)
    return replace(spec, path, ("struct", form, fields, align, extra))


def map_structs(spec, change):
    """spec with change(struct node) applied to every struct node, bottom up."""
    if spec[0] == "sub":
        return ("sub", map_structs(spec[1], change), spec[2])
    if spec[0] == "struct":
        _, form, fields, align, extra = spec
        fields = [(n, map_structs(c, change), g) for n, c, g in fields]
        return change(("struct", form, fields, align, extra))
    return spec


def map_scalars(spec, change):
    if spec[0] == "scalar":
        return change(spec)
    if spec[0] == "sub":
        return ("sub", map_scalars(spec[1], change), spec[2])
    _, form, fields, align, extra = spec
    return ("struct", form, [(n, map_scalars(c, change), g) for n, c, g in fields], align, extra)
