#!/usr/bin/env python3
"""Code the documentation shows from a file of the tree is that file's code.

Every fenced block after a `<!-- excerpt: PATH -->` line must be made of PATH's lines, in
PATH's order (lines may be left out, none changed or added): so an example in the docs is the
one a test compiles and runs. Usage: check_excerpts.py ROOT DOC.md..."""
import pathlib, re, sys

root = pathlib.Path(sys.argv[1])
failures = found = 0
for doc in sys.argv[2:]:
    text = pathlib.Path(doc).read_text()
    for path, block in re.findall(r"<!-- excerpt: (\S+) -->\n```[a-z]*\n(.*?)```\n", text, re.S):
        found += 1
        lines = iter((root / path).read_text().splitlines())
        for number, line in enumerate(block.splitlines(), 1):
            if not any(line == candidate for candidate in lines):
                print(f"{doc}: line {number} of the excerpt of {path} is not {path}'s next line: {line!r}")
                failures += 1
                break
if found == 0:
    sys.exit("check_excerpts: no excerpt in " + " ".join(sys.argv[2:]))
sys.exit(1 if failures else 0)
