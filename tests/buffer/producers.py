#!/usr/bin/python3
"""What the real producers export, for the buffer tests (tests/test_buffer_producers.cpp).

Builds ctypes objects, NumPy arrays and CPython buffers and prints, per object, one JSON line:

  {"name": ..., "format": ..., "itemsize": N, "shape": "2,3", "strides": "24,8",
   "suboffsets": null, "expect": "code,code"}

format, itemsize, shape, strides and suboffsets are what memoryview(obj) reports. Lists are
written as `pep3118 check` takes them (--shape 2,3), so a failing line can be pasted there:
"" is an empty tuple (ndim 0), and suboffsets are null when the exporter gives none.

`expect` is the verdict this file expects of pep3118's check_buffer: the codes of every finding
it should report, in order, "" for none. Each is written from what we know of the producer (see
the comment at each case), never copied from pep3118's output.

A missing NumPy or _testbuffer fails the run: the test must not pass by checking nothing.
"""
import ctypes
import json
import sys

try:
    import numpy as np
    from _testbuffer import ND_PIL, ndarray as testbuffer_ndarray
except ImportError as missing:
    sys.exit(f"producers.py needs NumPy and CPython's _testbuffer: {missing} (install python3-numpy)")

from array import array

# Python 3.12 (gh-76961): ctypes writes padding as `x` and packed structs as T{...}; before,
# it wrote no padding and a packed struct as `B`.
CTYPES_WRITES_PADDING = sys.version_info >= (3, 12)


def unless_padded(code):
    return "" if CTYPES_WRITES_PADDING else code


def listed(values):
    return ",".join(str(v) for v in values)


def case(name, obj, expect):
    view = memoryview(obj)
    print(json.dumps({
        "name": name,
        "format": view.format,
        "itemsize": view.itemsize,
        "shape": listed(view.shape),
        "strides": listed(view.strides),
        "suboffsets": listed(view.suboffsets) if view.suboffsets else None,
        "expect": expect,
    }), flush=True)


class IntChar(ctypes.Structure):
    _fields_ = [("a", ctypes.c_int), ("b", ctypes.c_char)]


class CharInt(ctypes.Structure):
    _fields_ = [("a", ctypes.c_char), ("b", ctypes.c_int)]


class PackedCharInt(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("a", ctypes.c_char), ("b", ctypes.c_int)]


class IntDouble(ctypes.Union):
    _fields_ = [("a", ctypes.c_int), ("b", ctypes.c_double)]


class IntBitfields(ctypes.Structure):
    _fields_ = [("a", ctypes.c_int, 3), ("b", ctypes.c_int, 5), ("c", ctypes.c_char)]


class ByteBitfields(ctypes.Structure):
    _fields_ = [("a", ctypes.c_ubyte, 1), ("b", ctypes.c_ubyte, 1), ("c", ctypes.c_ubyte, 1)]


class BigIntShort(ctypes.BigEndianStructure):
    _fields_ = [("a", ctypes.c_int), ("b", ctypes.c_short)]


class LittleShortLongLong(ctypes.LittleEndianStructure):
    _fields_ = [("a", ctypes.c_short), ("b", ctypes.c_longlong)]


class CharUnion(ctypes.Structure):
    _fields_ = [("x", ctypes.c_char), ("u", IntDouble)]


class PackedMember(ctypes.Structure):
    _fields_ = [("p", PackedCharInt), ("c", ctypes.c_int)]


class DoubleChar(ctypes.Structure):
    _fields_ = [("d", ctypes.c_double), ("c", ctypes.c_char)]


class NestedThenChar(ctypes.Structure):
    _fields_ = [("i", DoubleChar), ("c", ctypes.c_char)]


class PointerChar(ctypes.Structure):
    _fields_ = [("p", ctypes.POINTER(ctypes.c_int)), ("c", ctypes.c_char)]


class ShortsDouble(ctypes.Structure):
    _fields_ = [("a", ctypes.c_short * 3), ("b", ctypes.c_double)]


class WcharsInt(ctypes.Structure):
    _fields_ = [("w", ctypes.c_wchar * 3), ("c", ctypes.c_int)]


class TwoInts(ctypes.Structure):
    _fields_ = [("a", ctypes.c_int), ("b", ctypes.c_int)]


def ctypes_cases():
    # Scalars: an explicit `<` and a standard-size code of the right size.
    case("ctypes c_int", ctypes.c_int(), "")
    case("ctypes c_long", ctypes.c_long(), "")
    case("ctypes c_double", ctypes.c_double(), "")
    case("ctypes c_bool", ctypes.c_bool(), "")
    # `<g`, `<P`, `<z`: native sizes under `<` (a warning of the format, not a finding).
    case("ctypes c_longdouble", ctypes.c_longdouble(), "")
    case("ctypes c_void_p", ctypes.c_void_p(), "")
    case("ctypes c_char_p", ctypes.c_char_p(), "")
    case("ctypes pointer", ctypes.pointer(ctypes.c_int(1)), "")
    case("ctypes CFUNCTYPE", ctypes.CFUNCTYPE(ctypes.c_int)(), "")
    # c_wchar is 4 bytes on Linux, exported as `<u`, which PEP 3118 makes 2 bytes.
    case("ctypes c_wchar", ctypes.c_wchar(), "wchar_as_ucs2")
    case("ctypes c_wchar array", (ctypes.c_wchar * 5)(), "wchar_as_ucs2")
    case("ctypes struct of c_wchar array", WcharsInt(), "wchar_as_ucs2")
    # Arrays: the element's format with a shape and C strides.
    case("ctypes c_char array", (ctypes.c_char * 5)(), "")
    case("ctypes 2-d c_int array", ((ctypes.c_int * 3) * 2)(), "")
    # Structs whose C layout has padding: at the end only, or inside too.
    case("ctypes struct int char", IntChar(), unless_padded("trailing_bytes_undescribed"))
    case("ctypes array of struct int char", (IntChar * 4)(), unless_padded("trailing_bytes_undescribed"))
    case("ctypes struct pointer char", PointerChar(), unless_padded("trailing_bytes_undescribed"))
    case("ctypes BigEndianStructure int short", BigIntShort(), unless_padded("trailing_bytes_undescribed"))
    case("ctypes struct char int", CharInt(), unless_padded("padding_undescribed"))
    case("ctypes LittleEndianStructure short longlong", LittleShortLongLong(), unless_padded("padding_undescribed"))
    case("ctypes struct short[3] double", ShortsDouble(), unless_padded("padding_undescribed"))
    case("ctypes nested struct then char", NestedThenChar(), unless_padded("padding_undescribed"))
    # No padding in C: nothing to lose.
    case("ctypes struct int int", TwoInts(), "")
    # Unions are `B` with the union's size; packed structs too before 3.12.
    case("ctypes union", IntDouble(), "union_as_bytes")
    case("ctypes array of union", (IntDouble * 3)(), "union_as_bytes")
    case("ctypes struct with union member", CharUnion(), "union_as_bytes")
    case("ctypes packed struct", PackedCharInt(), unless_padded("union_as_bytes"))
    case("ctypes struct with packed member", PackedMember(), unless_padded("union_as_bytes"))
    # Bitfields: each exported as its whole base type, more bytes than the item.
    case("ctypes int bitfields", IntBitfields(), "bitfields_as_whole_fields")
    case("ctypes ubyte bitfields", ByteBitfields(), "bitfields_as_whole_fields")


def numpy_cases():
    matrix = np.zeros((4, 6))
    case("numpy 2-d float64", matrix, "")
    case("numpy every other row", matrix[::2], "")
    case("numpy transpose", matrix.T, "")
    case("numpy column", matrix[:, 1], "")
    case("numpy reversed", np.zeros(5)[::-1], "")
    case("numpy 0-d", np.zeros(()), "")
    case("numpy empty", np.zeros((0, 3)), "")
    ints = np.zeros(16, np.int32)
    # Zero strides repeat an item: broadcasting, legal and common.
    case("numpy as_strided zero stride", np.lib.stride_tricks.as_strided(ints, shape=(3, 4), strides=(0, 4)), "")
    case("numpy broadcast_to", np.broadcast_to(np.zeros(3), (4, 3)), "")
    # Strides that are not multiples of the itemsize: overlapping, or off the grid.
    bytes_as_ints = np.zeros(64, np.uint8).view(np.int32)
    case("numpy as_strided stride 3", np.lib.stride_tricks.as_strided(bytes_as_ints, shape=(3,), strides=(3,)),
         "stride_overlap")
    case("numpy as_strided stride 6", np.lib.stride_tricks.as_strided(bytes_as_ints, shape=(3,), strides=(6,)),
         "stride_not_multiple")
    packed = np.dtype([("a", "i1"), ("b", "<i4")])
    # A field of a packed record: 4-byte items 5 bytes apart.
    case("numpy field of packed struct", np.zeros(3, packed)["b"], "stride_not_multiple")
    case("numpy packed struct", np.zeros(3, packed), "")
    # A scalar of a packed dtype exports the aligned-looking format with its packed itemsize.
    case("numpy packed struct scalar", np.zeros(1, packed)[0], "packed_item_read_aligned")
    aligned = np.dtype([("a", "i4"), ("b", "i1")], align=True)
    # NumPy writes no trailing padding, but the `@` rules pad the end back to 8.
    case("numpy aligned struct", np.zeros(3, aligned), "")
    case("numpy aligned struct scalar", np.zeros(1, aligned)[0], "")
    case("numpy aligned struct with gap", np.zeros(3, np.dtype([("a", "i1"), ("b", "i8")], align=True)), "")
    # An itemsize beyond the last field: NumPy drops that trailing padding (numpy #7797).
    case("numpy explicit itemsize", np.zeros(3, np.dtype({"names": ["x"], "formats": ["B"], "itemsize": 4})),
         "trailing_bytes_undescribed")
    case("numpy explicit offsets and itemsize",
         np.zeros(3, np.dtype({"names": ["r", "s"], "formats": ["<f4", "<f4"], "offsets": [0, 4], "itemsize": 12})),
         "trailing_bytes_undescribed")
    case("numpy subarray field", np.zeros(3, np.dtype([("a", "i4", (2, 3)), ("b", "f8")])), "")
    case("numpy packed subarray field", np.zeros(3, np.dtype([("a", "i4"), ("b", "f8", (2,))])), "")
    case("numpy long double", np.zeros(3, np.longdouble), "")
    case("numpy complex128", np.zeros(3, complex), "")
    case("numpy unicode", np.zeros(3, "U4"), "")
    case("numpy bytes", np.zeros(3, "S4"), "")
    case("numpy object", np.zeros(3, object), "")
    case("numpy big-endian int32", np.zeros(3, ">i4"), "")


def cpython_cases():
    case("cpython bytes", b"abc", "")
    case("cpython array d", array("d", [1.0, 2.0]), "")
    case("cpython array u", array("u", "abc"), "")
    case("cpython memoryview cast", memoryview(bytearray(24)).cast("B", (2, 3, 4)), "")
    # PIL-style buffers from CPython's own test exporter: rows behind pointers.
    case("cpython PIL-style 2-d", testbuffer_ndarray(list(range(12)), shape=[3, 4], format="i", flags=ND_PIL), "")
    case("cpython PIL-style 3-d", testbuffer_ndarray(list(range(24)), shape=[2, 3, 4], format="i", flags=ND_PIL), "")
    case("cpython PIL-style 2-d sliced",
         testbuffer_ndarray(list(range(12)), shape=[3, 4], format="i", flags=ND_PIL)[::-1, ::2], "")
    # One dimension with a suboffset: every item behind a pointer of its own.
    case("cpython PIL-style 1-d", testbuffer_ndarray(list(range(12)), shape=[12], format="i", flags=ND_PIL),
         "suboffset_last_dimension")


def main():
    ctypes_cases()
    numpy_cases()
    cpython_cases()


if __name__ == "__main__":
    main()
