#!/usr/bin/env python3
"""Runs docs/guide.md against an installed pep3118 (part of ctest install.package).

Every fenced block after a `<!-- file: NAME -->` line is written to NAME in a scratch directory
(all of them first, as a reader would create them); then every ```sh block after `<!-- run -->`
is run there, in order, with bash (pkg-config finding the installed
package, Debian's python3 first on PATH), and when an `<!-- output -->` block follows it, what
the commands print must be exactly that."""
import argparse, os, pathlib, re, subprocess, sys

parser = argparse.ArgumentParser()
parser.add_argument("--guide", required=True)
parser.add_argument("--pkgconfig-dir", required=True)
parser.add_argument("--work", required=True)
args = parser.parse_args()

text = pathlib.Path(args.guide).read_text()
work = pathlib.Path(args.work)
work.mkdir(parents=True, exist_ok=True)
# A marker line, then a fenced block: (marker, argument, body).
blocks = re.findall(r"<!-- (file|run|output)(?:: (\S+))? -->\n```[a-z]*\n(.*?)```\n", text, re.S)
if not blocks:
    sys.exit("check_guide: no marked blocks in " + args.guide)

env = dict(os.environ)
env["PKG_CONFIG_PATH"] = args.pkgconfig_dir
env["PATH"] = "/usr/bin:/bin:" + env.get("PATH", "")

for marker, name, body in blocks:
    if marker == "file":
        (work / name).write_text(body)

failures = 0
last_output = None
for marker, name, body in blocks:
    if marker == "file":
        continue
    if marker == "run":
        run = subprocess.run(["bash", "-euo", "pipefail", "-c", body], cwd=work, env=env,
                             capture_output=True, text=True)
        if run.returncode != 0:
            print(f"check_guide: this block failed ({run.returncode}):\n{body}\n{run.stdout}{run.stderr}")
            failures += 1
        last_output = run.stdout
    elif last_output is None:
        print("check_guide: an output block without a run block before it")
        failures += 1
    elif last_output != body:
        print(f"check_guide: the output differs.\n--- the guide shows:\n{body}--- the commands print:\n{last_output}")
        failures += 1
        last_output = None
sys.exit(1 if failures else 0)
