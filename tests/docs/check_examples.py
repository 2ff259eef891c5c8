#!/usr/bin/env python3
"""Runs every `$ pep3118 ...` example in the given Markdown files and compares its output.

A ```console block holds commands (lines starting with `$ `) each followed by the output it
prints (stdout and stderr interleaved as a terminal shows them: stdout first, then stderr).
`$ echo $?` checks the exit status of the previous command. Commands are run with bash, with
`pep3118` on PATH pointing at the binary under test.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile


def examples(path):
    text = open(path, encoding="utf-8").read()
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        command, expected = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    yield command, expected
                command, expected = line[2:], []
            else:
                expected.append(line)
        if command is not None:
            yield command, expected


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as bindir:
        os.symlink(os.path.abspath(args.cli), os.path.join(bindir, "pep3118"))
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"])
        passed = failed = 0
        last_status = 0
        for path in args.files:
            for command, expected in examples(path):
                if command == "echo $?":
                    actual = [str(last_status)]
                else:
                    run = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env)
                    last_status = run.returncode
                    actual = (run.stdout + run.stderr).splitlines()
                if actual == expected:
                    passed += 1
                else:
                    failed += 1
                    print(f"{path}: `{command}` printed:", *actual, "but the document shows:", *expected, sep="\n  ")
        print(f"{passed} passed, {failed} failed")
        return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
