"""The C++ programs in docs/ compile against the public headers: every ```cpp block that has a
`main(` is checked with the compiler (syntax and types only), so an API change cannot leave a
page's example behind."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from cli_support import REPO

PROGRAMS = [(page.name, k, block)
            for page in sorted((REPO / "docs").glob("*.md"))
            for k, block in enumerate(re.findall(r"```cpp\n(.*?)```", page.read_text(encoding="utf-8"), re.S))
            if "main(" in block]


def test_the_docs_have_cpp_programs():
    assert len(PROGRAMS) >= 2


@pytest.mark.parametrize("page,index,program", PROGRAMS, ids=[f"{p}#{k}" for p, k, _ in PROGRAMS])
def test_a_cpp_program_in_the_docs_compiles(tmp_path, page, index, program):
    compiler = shutil.which("c++") or shutil.which("g++")
    if not compiler:
        pytest.skip("no C++ compiler")
    source = tmp_path / "program.cpp"
    source.write_text(program, encoding="utf-8")
    proc = subprocess.run([compiler, "-std=c++20", "-fsyntax-only", f"-I{REPO / 'include'}", str(source)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, f"{page} program {index} does not compile:\n{proc.stderr[:3000]}"
