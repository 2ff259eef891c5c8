#!/usr/bin/python3
"""The list of known differences must not drift from docs/dialects.md.

Every entry of tests/conformance/known_differences.txt (`producer<TAB>format<TAB>reason`) must
name a producer of the suite, give a reason, and its format must appear in docs/dialects.md
as the exact text of a code span (in backticks). A `compare` entry is a pair written
`A vs B`: each of A and B must appear so. Prints `N passed, M failed`; exits 1 on any failure.
"""

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

PRODUCERS = ("numpy", "struct", "ctypes", "compare")
DEFAULT_LIST = os.path.join(HERE, "known_differences.txt")
DEFAULT_DOC = os.path.join(HERE, "..", "..", "docs", "dialects.md")


def code_spans(markdown):
    """The text of every inline code span and every line of every fenced block.

    A span opened by n backticks ends at the next run of exactly n backticks (CommonMark); one
    leading and one trailing space are stripped when both are there and the text is not all
    spaces, so `` `x` `` can show a backtick.
    """
    spans = set()
    fence = None
    prose = []
    for line in markdown.split("\n"):
        stripped = line.lstrip()
        if fence is None and (stripped.startswith("```") or stripped.startswith("~~~")):
            fence = stripped[:3]
            continue
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            else:
                spans.add(line.strip())
            continue
        prose.append(line)
    text = "\n".join(prose)
    position = 0
    while True:
        opening = re.compile(r"`+").search(text, position)
        if not opening:
            break
        ticks = opening.group(0)
        closing = re.compile(r"(?<!`)" + ticks + r"(?!`)").search(text, opening.end())
        if not closing:
            position = opening.end()
            continue
        content = text[opening.end():closing.start()].replace("\n", " ")
        if len(content) >= 2 and content[0] == " " and content[-1] == " " and content.strip():
            content = content[1:-1]
        spans.add(content)
        position = closing.end()
    return spans


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", default=DEFAULT_LIST, help="known_differences.txt")
    parser.add_argument("--doc", default=DEFAULT_DOC, help="docs/dialects.md")
    args = parser.parse_args(argv)

    try:
        with open(args.list, encoding="utf-8") as stream:
            lines = stream.read().split("\n")
    except OSError as exc:
        print(f"FATAL: cannot read {args.list}: {exc}", file=sys.stderr)
        return 1
    try:
        with open(args.doc, encoding="utf-8") as stream:
            spans = code_spans(stream.read())
    except OSError as exc:
        print(f"FATAL: cannot read {args.doc}: {exc}", file=sys.stderr)
        print("  Every known difference of the conformance suite must be explained there; the "
              "formats it must show (in backticks):", file=sys.stderr)
        for line in lines:
            if line.strip() and not line.startswith("#") and line.count("\t") == 2:
                print(f"    {line.split(chr(9))[1]}", file=sys.stderr)
        return 1

    passed = failed = 0
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{os.path.basename(args.list)}:{number}"
        columns = line.split("\t")
        if len(columns) != 3 or not all(c.strip() for c in columns):
            failed += 1
            print(f"FAIL {where}: expected producer<TAB>format<TAB>reason, got {line!r}")
            continue
        producer, fmt, _reason = columns
        if producer not in PRODUCERS:
            failed += 1
            print(f"FAIL {where}: unknown producer {producer!r} (one of {', '.join(PRODUCERS)})")
            continue
        shown = fmt.split(" vs ") if producer == "compare" else [fmt]
        missing = [text for text in shown if text not in spans]
        if producer == "compare" and len(shown) != 2:
            failed += 1
            print(f"FAIL {where}: a compare entry is a pair 'A vs B', got {fmt!r}")
        elif missing:
            failed += 1
            print(f"FAIL {where}: {', '.join(repr(m) for m in missing)} does not appear in "
                  f"backticks in {os.path.relpath(args.doc)}")
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    if passed + failed == 0:
        print(f"FATAL: no entries in {args.list}", file=sys.stderr)
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
