#!/usr/bin/python3
"""How the real readers read format strings: the oracle of tests/test_portability.cpp.

For each format, one JSON object per line:

    {"format": F, "struct": N|null, "numpy": N|null, "memoryview": N|null,
     "memoryview.cast": N|null, "struct_error": "...", ...}

* struct: struct.calcsize(F), or null when it raises;
* numpy: the itemsize of NumPy's parser, numpy.core._internal._dtype_from_pep3118, or null when
  it raises or reads only a part of F (a stray '}' or an unterminated 'T{': see
  tests/conformance/check_oracles.py), or computes a negative itemsize (NumPy 1.24 wraps a
  string of 2^31 bytes or more, 'S2147483648', to a negative size);
* memoryview: the size of the item memoryview reads, or null when item access raises. The view
  is made with PyMemoryView_FromBuffer (through ctypes) around a Py_buffer with format F, so any
  string can be tried; the size read is the native size of F's code (struct.calcsize(F));
* memoryview.cast: memoryview(bytearray(64)).cast("B").cast(F).itemsize, or null when the cast
  raises.
A rejection also gives the reader's exception as "<reader>_error".

The formats: `--corpus PATH` takes the `struct` and `pep3118` lines of the corpus,
`--generated N` adds N formats from a fixed-seed generator over the whole language, and
`--stdin` reads one JSON string per line from stdin; in that order.

Without NumPy this fails (status 1), it never skips: check_oracles makes sure of that.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "conformance"))
from check_oracles import load_corpus, numpy_parse  # noqa: E402 - exits loudly without NumPy

import argparse  # noqa: E402
import ctypes  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import struct  # noqa: E402

# ---------------------------------------------------------------------------------------------
# The readers
# ---------------------------------------------------------------------------------------------


def error_text(exc):
    return f"{type(exc).__name__}: {exc}"


def struct_size(fmt):
    return struct.calcsize(fmt)


def numpy_size(fmt):
    size = numpy_parse(fmt)[0].itemsize
    if size < 0:
        raise OverflowError(f"NumPy computed a negative itemsize ({size})")
    return size


class PyBuffer(ctypes.Structure):
    """Py_buffer (Include/pybuffer.h)."""
    _fields_ = [("buf", ctypes.c_void_p), ("obj", ctypes.py_object), ("len", ctypes.c_ssize_t),
                ("itemsize", ctypes.c_ssize_t), ("readonly", ctypes.c_int), ("ndim", ctypes.c_int),
                ("format", ctypes.c_char_p), ("shape", ctypes.POINTER(ctypes.c_ssize_t)),
                ("strides", ctypes.POINTER(ctypes.c_ssize_t)),
                ("suboffsets", ctypes.POINTER(ctypes.c_ssize_t)), ("internal", ctypes.c_void_p)]


_memoryview_from_buffer = ctypes.pythonapi.PyMemoryView_FromBuffer
_memoryview_from_buffer.restype = ctypes.py_object
_memoryview_from_buffer.argtypes = [ctypes.POINTER(PyBuffer)]


def memoryview_item_size(fmt):
    """m[0] on a one-item view whose format is fmt: what memoryview's item access does."""
    try:
        itemsize = struct.calcsize(fmt)
    except Exception:  # noqa: BLE001 - any size will do: item access looks at the format first
        itemsize = 1
    if itemsize > 64:  # not one native code, which item access refuses: spare the memory
        itemsize = 1
    memory = ctypes.create_string_buffer(itemsize + 16)
    encoded = fmt.encode("utf-8", "surrogateescape")
    shape = (ctypes.c_ssize_t * 1)(1)
    strides = (ctypes.c_ssize_t * 1)(itemsize)
    view = PyBuffer(buf=ctypes.addressof(memory), len=itemsize, itemsize=itemsize, readonly=1,
                    ndim=1, format=encoded, shape=shape, strides=strides)
    # PyMemoryView_FromBuffer copies the Py_buffer (not what it points to): everything it
    # points to lives until the view is dropped, below.
    viewed = _memoryview_from_buffer(ctypes.byref(view))
    viewed[0]
    viewed.release()
    return itemsize


def memoryview_cast_size(fmt):
    return memoryview(bytearray(64)).cast("B").cast(fmt).itemsize


READERS = [("struct", struct_size), ("numpy", numpy_size),
           ("memoryview", memoryview_item_size), ("memoryview.cast", memoryview_cast_size)]


def read(fmt):
    answer = {"format": fmt}
    for name, size_of in READERS:
        try:
            answer[name] = size_of(fmt)
        except Exception as exc:  # noqa: BLE001 - every reader raises its own kinds
            answer[name] = None
            answer[f"{name}_error"] = error_text(exc)
    return answer


# ---------------------------------------------------------------------------------------------
# Generated formats: the whole language, leaning to what tells the readers apart
# ---------------------------------------------------------------------------------------------

CODES = list("xcbB?hHiIlLqQnNefdgspPOuwt") + ["Zf", "Zd", "Zg", "Ze", "F", "D", "G"]
STRUCT_CODES = list("xcbB?hHiIlLqQnNefdspP")
MARKS = "@=<>!^"
# Numbers at the edges of NumPy's C ints and of its 32 dimensions.
LARGE = [536870911, 536870912, 1073741823, 1073741824, 2147483647, 2147483648]


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.names = 0

    def chance(self, p):
        return self.rng.random() < p

    def pick(self, items):
        return self.rng.choice(items)

    def count(self):
        return self.pick(["", "", "", "0", "1", "2", "3", "5", "16"])

    def space(self):
        return self.pick([" ", "\t", "\n"]) if self.chance(0.05) else ""

    def name(self):
        self.names += 1
        return self.pick([f":n{self.names}:", f":n {self.names}:", f":é{self.names}:"])

    def shape(self):
        dims = [str(self.pick([0, 1, 2, 3])) for _ in range(self.rng.randint(1, 3))]
        inner = self.pick([",", ", ", " ,"]) if self.chance(0.2) else ","
        return "(" + inner.join(dims) + ")"

    def prefix(self):
        """Shape, mark, count, mostly in NumPy's order, sometimes in another the PEP allows."""
        shape = self.shape() if self.chance(0.3) else ""
        mark = self.pick(MARKS) if self.chance(0.3) else ""
        if shape and self.chance(0.1):
            shape += self.shape()                 # (2)(3)i
        if shape and mark and self.chance(0.15):
            return mark + shape + self.count()    # <(2)i
        if mark and self.chance(0.05):
            mark += self.pick(MARKS)              # <>i
        return shape + mark + self.count()

    def body(self, depth):
        roll = self.rng.random()
        if depth < 3 and roll < 0.15:
            return "T{" + self.items(depth + 1) + "}"
        if roll < 0.18:
            return "&" + self.pick(CODES)
        if roll < 0.20:
            return "X{}"
        return self.pick(CODES)

    def items(self, depth):
        out = ""
        for _ in range(self.rng.randint(0, 4)):
            out += self.space() + self.prefix() + self.body(depth)
            if self.chance(0.4 if depth > 0 else 0.2):
                out += self.name()
        if self.chance(0.05):
            out += self.pick(MARKS)               # a mark before '}' or at the end
        return out

    def structured(self):
        self.names = 0
        return self.items(0)

    def flat(self):
        """CPython struct's language: one leading mark, codes, counts, whitespace."""
        mark = self.pick(["", "", "@", "=", "<", ">", "!", "^"])
        items = [self.count() + self.pick(STRUCT_CODES) for _ in range(self.rng.randint(1, 5))]
        gap = self.pick(["", "", " "])
        return mark + gap.join(items)

    def single(self):
        """One code as memoryview reads it, or nearly."""
        return self.pick(["", "", "@", "@@", "<", "=", "^", "1", " "]) + self.pick(CODES)

    def limits(self):
        """Sizes and dimensions at NumPy's limits."""
        roll = self.rng.random()
        if roll < 0.3:
            # Not `w`: NumPy 1.24 wraps a U type's size modulo 2^32, and 1073741824w comes
            # out as 0 bytes, which no oracle could tell from 0w (the hand cases have it).
            return f"{self.pick(LARGE)}{self.pick(['b', 'i', 's', 'x', 'T{}'])}"
        if roll < 0.6:
            return f"({self.pick(LARGE)}){self.pick(['b', 'h', 'i', 'q'])}"
        if roll < 0.8:
            dims = ",".join(["2"] * self.rng.randint(0, 30) + ["1"] * self.rng.randint(1, 4))
            return f"({dims}){self.pick(['', '1', '2'])}{self.pick(['b', 's', 'w'])}"
        return f"({self.pick(LARGE)})b:a:({self.pick(LARGE)})b:b:{self.pick(['', 'i', 'b'])}"

    def format(self):
        kind = self.rng.random()
        if kind < 0.35:
            return self.structured()
        if kind < 0.65:
            return self.flat()
        if kind < 0.85:
            return self.single()
        return self.limits()


def generated(count, seed=3118):
    generator = Generator(seed)
    return [generator.format() for _ in range(count)]


# ---------------------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="test-suite-vectors.jsonl: its struct and pep3118 lines")
    parser.add_argument("--generated", type=int, default=0, help="how many generated formats")
    parser.add_argument("--stdin", action="store_true", help="read JSON strings from stdin")
    args = parser.parse_args(argv)

    formats = []
    if args.corpus:
        formats += [v["fmt"] for v in load_corpus(args.corpus) if v.get("rules") in ("struct", "pep3118")]
    formats += generated(args.generated)
    if args.stdin:
        formats += [json.loads(line) for line in sys.stdin.buffer if line.strip()]
    for fmt in formats:
        print(json.dumps(read(fmt)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
