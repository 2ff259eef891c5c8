#!/usr/bin/python3
"""Conformance producer `ctypes`: random ctypes types, exported and read by pep3118.

Each case is an instance of a random ctypes type: Structures, Unions, Big/LittleEndianStructures
and Unions, `_pack_`, arrays (multi-dimensional, zero-length), POINTER(...) (also to incomplete
structs), CFUNCTYPE, bitfields, c_wchar, c_longdouble, c_char_p, c_wchar_p, c_void_p, py_object
and nested structs, with odd field names. Checks, for every `memoryview(obj).format`: pep3118
accepts it under the default rules (warnings allowed) and the CLI exits 0 or 1 (a crash or a
usage error fails the run).

What ctypes writes does not always describe its object (unions and packed structs are `B`,
bitfields repeat their base type, Python < 3.12 writes no padding): sizes are not compared here,
only counted.
"""

import sys

import suite  # first: exits loudly when NumPy is missing
import check_oracles

import ctypes

PRODUCER = "ctypes"

# Classes of known differences (see known_differences.txt).
COLON_IN_NAME = "T{<i:a:b:}"  # a field named 'a:b': ctypes writes names verbatim

INTEGERS = [ctypes.c_byte, ctypes.c_ubyte, ctypes.c_short, ctypes.c_ushort, ctypes.c_int,
            ctypes.c_uint, ctypes.c_long, ctypes.c_ulong, ctypes.c_longlong, ctypes.c_ulonglong,
            ctypes.c_int8, ctypes.c_uint8, ctypes.c_int16, ctypes.c_uint16, ctypes.c_int32,
            ctypes.c_uint32, ctypes.c_int64, ctypes.c_uint64, ctypes.c_size_t, ctypes.c_ssize_t]
SWAPPABLE = INTEGERS + [ctypes.c_float, ctypes.c_double]
SIMPLE = SWAPPABLE + [ctypes.c_bool, ctypes.c_char, ctypes.c_wchar, ctypes.c_longdouble,
                      ctypes.c_char_p, ctypes.c_wchar_p, ctypes.c_void_p, ctypes.py_object]
BITFIELD_TYPES = INTEGERS + [ctypes.c_bool]
BASES = [ctypes.Structure] * 8 + [ctypes.Union] + [ctypes.BigEndianStructure] * 3 \
    + [ctypes.LittleEndianStructure] * 2
for _name in ("BigEndianUnion", "LittleEndianUnion"):  # Python 3.11+
    if hasattr(ctypes, _name):
        BASES.append(getattr(ctypes, _name))
PACKS = (None,) * 20 + (1, 2, 4, 8, 16)  # packed structs and unions export as 'B'

NAMES = ("a", "b", "x", "y", "value", "_", "__x", "r2d2", "é", "日本", "Ünï", "a b", " ",
         "}", "{", "T{", "(2)", "f0", "f1", "->", "&", "<")


class Generator:
    def __init__(self, rng, max_depth=3):
        self.rng = rng
        self.max_depth = max_depth
        self.counter = 0

    def name(self, used):
        rng = self.rng
        for _ in range(20):
            roll = rng.random()
            if roll < 0.005:
                name = "a:b"                  # ctypes writes it verbatim: 'T{<i:a:b:}'
            elif roll < 0.6:
                name = rng.choice("abcdefghijklmnopqrstuvwxyz") + str(rng.randrange(50))
            else:
                name = rng.choice(NAMES)
            if name not in used:
                used.add(name)
                return name
        name = f"n{len(used)}"
        used.add(name)
        return name

    def simple(self, swappable_only=False):
        return self.rng.choice(SWAPPABLE if swappable_only else SIMPLE)

    def type(self, depth=0, swappable_only=False):
        """A random ctypes type. swappable_only: what a non-native-endian struct may hold."""
        rng = self.rng
        roll = rng.random()
        if depth < self.max_depth:
            if roll < 0.15:
                return self.struct(depth + 1, swappable_only)
            if roll < 0.3:
                element = self.type(depth + 1, swappable_only) if rng.random() < 0.3 \
                    else self.simple(swappable_only)
                for _ in range(rng.choice((1, 1, 1, 2, 3))):
                    element = element * rng.choice((0, 1, 2, 3, 4))
                return element
            if not swappable_only and roll < 0.4:
                return ctypes.POINTER(self.pointee(depth + 1))
            if not swappable_only and roll < 0.45:
                return self.function()
        return self.simple(swappable_only)

    def pointee(self, depth):
        if self.rng.random() < 0.1:
            self.counter += 1
            return type(ctypes.Structure)(f"Incomplete{self.counter}", (ctypes.Structure,), {})
        return self.type(depth)

    def function(self):
        rng = self.rng
        restype = None if rng.random() < 0.3 else self.simple()
        argtypes = [self.simple() for _ in range(rng.randint(0, 3))]
        return ctypes.CFUNCTYPE(restype, *argtypes)

    def struct(self, depth=1, swappable_only=False):
        """A Structure or Union class (retrying when ctypes refuses a combination)."""
        rng = self.rng
        for _ in range(10):
            base = rng.choice(BASES)
            if swappable_only:
                base = ctypes.Structure if base is not ctypes.Union else ctypes.Union
            # A struct of the other byte order accepts only swappable types, arrays of them and
            # (native) structs.
            other_endian = base not in (ctypes.Structure, ctypes.Union) and \
                base.__name__.startswith("Big" if sys.byteorder == "little" else "Little")
            used = set()
            fields = []
            for _ in range(rng.choice((0, 1, 2, 2, 3, 3, 4, 5, 6))):
                name = self.name(used)
                if rng.random() < 0.15:
                    field_type = rng.choice(BITFIELD_TYPES)
                    if other_endian and field_type is ctypes.c_bool:
                        field_type = ctypes.c_int
                    bits = rng.randint(1, 8 * ctypes.sizeof(field_type))
                    fields.append((name, field_type, bits))
                else:
                    fields.append((name, self.type(depth, other_endian or swappable_only)))
            namespace = {}
            pack = rng.choice(PACKS)
            if pack:
                namespace["_pack_"] = pack
            namespace["_fields_"] = fields
            self.counter += 1
            try:
                return type(base)(f"S{self.counter}", (base,), namespace)
            except (TypeError, ValueError, AttributeError):
                continue
        return ctypes.c_int

    def top(self):
        roll = self.rng.random()
        if roll < 0.65:
            return self.struct()
        return self.type()


def _struct(base, fields, pack=None):
    namespace = {"_fields_": fields}
    if pack:
        namespace["_pack_"] = pack
    return type(base)("Fixed", (base,), namespace)


def fixed_types():
    """Types checked on every run before the random ones: each known difference and the
    exporter's quirks."""
    c = ctypes
    inner = _struct(c.Structure, [("a", c.c_byte), ("b", c.c_int), ("c", c.c_int, 3),
                                  ("d", c.c_uint, 5)])
    union = _struct(c.Union, [("a", c.c_byte), ("b", c.c_double)])
    big = _struct(c.BigEndianStructure, [("a", c.c_short), ("b", (c.c_int * 2) * 3),
                                         ("z", c.c_int * 0)])
    return [
        _struct(c.Structure, [("a:b", c.c_int)]),                          # COLON_IN_NAME
        inner, union, big,
        _struct(c.Structure, [("a", c.c_byte), ("b", c.c_longdouble)], pack=1),
        _struct(c.LittleEndianStructure, [("a", c.c_short), ("s", inner), ("u", union)]),
        _struct(c.Structure, [("p", c.POINTER(c.c_int)), ("f", c.CFUNCTYPE(c.c_int, c.c_double)),
                              ("w", c.c_wchar), ("cp", c.c_char_p), ("wp", c.c_wchar_p),
                              ("v", c.c_void_p), ("o", c.py_object), ("ld", c.c_longdouble),
                              ("pp", c.POINTER(c.POINTER(inner))),
                              ("arr", c.POINTER(c.c_short * 2))]),
        _struct(c.Structure, [("日本", c.c_int), ("a b", c.c_int), ("}", c.c_byte)]),
        _struct(c.Structure, []),
        _struct(c.Structure, [("s", big)]),
        c.c_int * 3, (c.c_int * 0) * 3, c.POINTER(c.c_int), c.CFUNCTYPE(c.c_int, c.c_double),
        c.c_wchar, c.c_char_p, c.c_wchar_p, c.c_void_p, c.py_object, c.c_longdouble, c.c_bool,
        c.c_char * 5, c.c_wchar * 5, c.POINTER(type(c.Structure)("Incomplete", (c.Structure,), {})),
    ]


def generate(rng, count, tally):
    """The fixed types, then count random ones: (type, format, itemsize, shape)."""
    gen = Generator(rng)
    for cls in fixed_types():
        view = memoryview(cls())
        yield (cls, view.format, view.itemsize, view.shape)
    made = attempts = 0
    while made < count:
        attempts += 1
        if attempts > 20 * count:
            suite.fatal(f"could make and export only {made} of {count} ctypes objects")
        try:
            cls = gen.top()
            obj = cls()
            view = memoryview(obj)
        except Exception as exc:  # noqa: BLE001 - count what ctypes refuses
            tally.skip(f"ctypes refuses: {type(exc).__name__}: {exc}")
            continue
        made += 1
        yield (cls, view.format, view.itemsize, view.shape)


def _fields(cls):
    """Every (name) in a ctypes type, recursively (for the known-difference classes)."""
    seen = set()
    stack = [cls]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        for entry in getattr(current, "_fields_", ()) or ():
            yield entry[0]
            stack.append(entry[1])
        for attr in ("_type_",):
            inner = getattr(current, attr, None)
            if isinstance(inner, type):
                stack.append(inner)


def describe(cls, depth=0):
    if depth > 4:
        return cls.__name__
    fields = getattr(cls, "_fields_", None)
    if fields is None:
        if hasattr(cls, "_length_"):
            return f"{describe(cls._type_, depth + 1)}*{cls._length_}"
        if cls.__name__.startswith("LP_"):
            return f"POINTER({describe(cls._type_, depth + 1)})"
        return cls.__name__
    base = cls.__mro__[1].__name__
    pack = getattr(cls, "_pack_", None)
    inner = ", ".join(f"{f[0]!r}:{describe(f[1], depth + 1)}" + (f":{f[2]}" if len(f) > 2 else "")
                      for f in fields)
    return f"{base}{'(pack=%d)' % pack if pack else ''}{{{inner}}}"


def check(case, answer, tally):
    cls, fmt, itemsize, shape = case
    if answer.get("valid") is True:
        for diagnostic in answer.get("diagnostics", []):
            tally.note(f"accepted with warning {diagnostic.get('code')}")
        tally.note("format describes the object's itemsize" if answer.get("itemsize") ==
                   itemsize else "format describes another itemsize than memoryview's "
                   "(unions, bitfields, packing, no padding before 3.12)")
        tally.ok()
        return
    classes = [COLON_IN_NAME] if any(":" in name for name in _fields(cls)) else []
    tally.disagree(
        lambda: f"format {fmt!r} (itemsize {itemsize}, shape {shape}) exported by ctypes "
                f"from {describe(cls)}",
        ["pep3118 rejects it: " + check_oracles._diagnostics_text(answer)], classes, fmt)


def main(argv=None):
    tally, total = suite.check_batches(PRODUCER, __doc__.split("\n\n")[0], argv, generate,
                                       lambda case: case[1], "pep3118", check)
    return tally.finish(f"ctypes: {total} objects exported by CPython "
                        f"{sys.version.split()[0]} ctypes read by pep3118")


if __name__ == "__main__":
    sys.exit(main())
