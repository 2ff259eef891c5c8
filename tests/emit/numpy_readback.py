#!/usr/bin/python3
"""Reads formats back with NumPy's PEP 3118 parser, for the emit tests.

stdin: one JSON string (a format) per line, UTF-8. stdout: one JSON object per line,
{"itemsize": N, "fields": [[path, offset], ...]} with the fields named as pep3118's layout
names them (DESIGN §6): nested members "outer.inner", an array of structs one entry followed
by its element's fields as "name[*].member", a plain dtype one field with the empty path.
Paths are the hex of their UTF-8 bytes, so that the C++ side compares plain ASCII.
A format NumPy rejects gives {"error": "..."}.
"""
import json
import os
import sys

from numpy.core._internal import _dtype_from_pep3118

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "conformance"))
from check_oracles import numpy_leaves  # noqa: E402 - the one walker of NumPy dtypes


def read_back(fmt):
    dtype = _dtype_from_pep3118(fmt)
    return {"itemsize": dtype.itemsize,
            "fields": [[path.encode("utf-8").hex(), offset] for path, offset in numpy_leaves(dtype)]}


def main():
    for line in sys.stdin.buffer:
        fmt = json.loads(line.decode("utf-8"))
        try:
            answer = read_back(fmt)
        except Exception as e:  # NumPy raises ValueError, NotImplementedError, KeyError, ...
            answer = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps(answer, separators=(",", ":")), flush=True)


if __name__ == "__main__":
    main()
