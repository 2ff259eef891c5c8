#!/usr/bin/python3
"""struct.calcsize of formats, for the emit tests.

stdin: one JSON string (a format) per line, UTF-8. stdout: one line per format, its calcsize, or
"error: ..." when the struct module rejects it.
"""
import json
import struct
import sys


def main():
    for line in sys.stdin.buffer:
        fmt = json.loads(line.decode("utf-8"))
        try:
            answer = str(struct.calcsize(fmt))
        except struct.error as e:
            answer = f"error: {e}"
        print(answer, flush=True)


if __name__ == "__main__":
    main()
