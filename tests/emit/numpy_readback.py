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
import sys

from numpy.core._internal import _dtype_from_pep3118


def fields_of(dtype, prefix, base, out):
    for name in dtype.names:
        sub, offset = dtype.fields[name][:2]
        path = prefix + name
        if sub.subdtype is not None and sub.subdtype[0].names is not None:
            out.append([path, base + offset])  # the entry of an array of structs
            fields_of(sub.subdtype[0], path + "[*].", base + offset, out)
        elif sub.names is not None:
            fields_of(sub, path + ".", base + offset, out)
        else:
            out.append([path, base + offset])


def read_back(fmt):
    dtype = _dtype_from_pep3118(fmt)
    fields = []
    if dtype.names is None and dtype.subdtype is not None and dtype.subdtype[0].names is not None:
        fields.append(["", 0])  # a lone array of structs
        fields_of(dtype.subdtype[0], "[*].", 0, fields)
    elif dtype.names is None:
        fields.append(["", 0])
    else:
        fields_of(dtype, "", 0, fields)
    return {"itemsize": dtype.itemsize,
            "fields": [[path.encode("utf-8").hex(), offset] for path, offset in fields]}


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
