#!/usr/bin/env python3
"""Rebuilds fuzz/seeds/<target>/ from the tests: a spread of the corpus formats of
tests/corpus/test-suite-vectors.jsonl (both rule sets) plus the hostile inputs of
tests/test_hostile.cpp in small versions. Deterministic; run from anywhere."""
import hashlib, json, pathlib, shutil

root = pathlib.Path(__file__).resolve().parent.parent
seeds = root / "fuzz" / "seeds"

formats = []
for line in (root / "tests/corpus/test-suite-vectors.jsonl").read_text().splitlines():
    if line.strip():
        fmt = json.loads(line).get("fmt")
        if isinstance(fmt, str) and fmt not in formats:
            formats.append(fmt)
# Every len(formats)/40-th format: about 40 small files.
step = max(1, len(formats) // 40)
corpus = [f.encode() for f in formats[::step] if len(f) <= 200]

hostile = [b"i}xyz", b"T{i", b"T{i:a:", b"(2,)i", b"()i", b"(2 3)i", b"2(3)i", b":a:", b"&",
           b"Zi", b"i\0i", b"i:\xff\xfe:", b"T{i:caf\xc3:}", b"99999999999999999999i",
           b"9223372036854775807b9223372036854775807b", b"(4611686018427387904,4)i",
           b"T{" * 300, b"T{" * 260 + b"d" + b"}" * 260, b"&" * 300 + b"i", b"T{&X{" * 60,
           b"(" + b"1," * 70 + b"1)i", b"(1)" * 70 + b"i", b"}" * 50, b":" * 50,
           b"<" * 50 + b"i" + b" " * 50, b"0" * 50 + b"3i", b"X{i->}", b"X{->i}", b"X{}",
           b"T{}", b"&X{i:a:,d->T{b}}", b"3t", b"(2,3)T{i:x:(2)d:y:}:s:", b"i:\xc3\xa9:",
           b"", b" ", b"\n", b"4s", b"0s", b"255p"]

def write(target, items):
    out = seeds / target
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for item in items:
        (out / hashlib.sha1(item).hexdigest()[:16]).write_bytes(item)

write("parse", corpus + hostile)
write("roundtrip", corpus + hostile)
write("engines", corpus + hostile)
# fast_path: the subset the fast path of check() takes (src/fast_path.hpp) and its edges.
subset = [b"<i", b"T{i:a:d:b:h:c:}", b"T{b:flag:i:count:d:ratio:h:kind:q:total:}",
          b"T{i:a:T{d:b:T{h:c:q:d:}:inner:}:middle:}", b"i:ab:d:cd:h:ef:q:gh:Ki:kl:d:mn:", b"iii",
          b"T{T{T{i}}}", b"T{}", b"T{4x}", b"bxi", b"b3xq", b"T{i<}", b"<>i", b"i<", b"x:pad:",
          b"i:f0:i", b"i:f:i", b"T{i:a:i:a:}", b"T{i:a:}:a:", b"^bi", b"=q", b"!h", b"@g", b"<g", b"^P",
          b"2s", b"0p", b"0i", b"2T{i}", b"T{iK}", b"i:\x01:\x7f:", b"4611686018427387903x4611686018427387904x",
          b"T{" * 20 + b"b:a:d:b:" + b"}" * 20]
write("fast_path", corpus + hostile + subset)
# compare: pairs "a\nb": a format against itself, against its neighbour, against a hostile one.
pairs = []
for i, a in enumerate(corpus):
    pairs.append(a + b"\n" + a)
    pairs.append(a + b"\n" + corpus[(i + 1) % len(corpus)])
pairs += [b"i\n=i", b"<i\n@i", b">i\n!i", b"T{i:a:}\nT{i:b:}", b"ii\n2i", b"(2)i\n2i",
          b"T{b:a:i:b:}\nT{b:a:3x:i:b:}", b"d\nq", b"ZF\nF", b"Zf\nF", b"i\ni}", b"&i\nP"]
write("compare", pairs)
