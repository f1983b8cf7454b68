#!/usr/bin/env python3
"""Lists the functions in src/ longer than a limit (default 80 lines) and the files longer than
600 lines, so the architecture's size rules can be checked: python3 scripts/long-functions.py.
A function is a brace block opened at the end of a line that looks like a signature, at
namespace or class level; lambdas and nested blocks count toward the function around them."""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIGNATURE = re.compile(r"^\s*(?:template\s*<.*>\s*)?[\w:<>,~\*&\s\[\]]*\b([~\w:]+)\s*\(.*\)\s*(?:const)?\s*(?:noexcept)?\s*(?:->\s*[\w:<>]+\s*)?(?::.*)?\{\s*$")
NOT_FUNCTIONS = {"if", "for", "while", "switch", "catch", "namespace", "struct", "class", "enum"}


def functions(path: Path):
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        # A signature may run over several lines: join them while its parentheses are open.
        head, k = lines[i], i
        while head.count("(") > head.count(")") and k + 1 < len(lines) and k - i < 6:
            k += 1
            head += " " + lines[k].strip()
        m = SIGNATURE.match(head)
        if m:
            i = k
        name = m.group(1) if m else None
        if name and name.split("::")[-1] not in NOT_FUNCTIONS and not lines[i].lstrip().startswith(("}", "else")):
            depth, j = 0, i
            while j < len(lines):
                code = re.sub(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|//.*', "", lines[j])
                depth += code.count("{") - code.count("}")
                if depth <= 0 and j > i or (depth == 0 and j == i and "}" in code):
                    break
                j += 1
            yield name, i + 1, j - i + 1
            i = j + 1
            continue
        i += 1


def main() -> int:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 80
    bad = 0
    for path in sorted((ROOT / "src").rglob("*.[ch]pp")):
        rel = path.relative_to(ROOT)
        n = path.read_text(encoding="utf-8").count("\n")
        if n > 600:
            print(f"{rel}: {n} lines (file)")
            bad += 1
        for name, line, length in functions(path):
            if length > limit:
                print(f"{rel}:{line}: {name}: {length} lines")
                bad += 1
    print(f"{bad} over the limits (functions > {limit} lines, files > 600 lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
