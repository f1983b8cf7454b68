"""docs/architecture.md matches the tree: every file or folder it names in backquotes exists,
and every source file of the library's folders is named there or lies in a folder it names."""
from __future__ import annotations

import re

from cli_support import REPO

DOC = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
NAMED = set(re.findall(r"`((?:src|include|bindings|tests|scripts|bench|docs)/[^`<>* ]+)`", DOC))


def test_every_path_the_page_names_exists():
    missing = sorted(p for p in NAMED if not (REPO / p.rstrip("/")).exists())
    assert not missing, f"docs/architecture.md names paths that do not exist: {missing}"


def test_the_page_names_the_engine_s_files_and_every_src_folder():
    folders = {p.name for p in (REPO / "src").iterdir() if p.is_dir()}
    for folder in folders:
        assert f"src/{folder}/" in DOC, f"src/{folder}/ is not described in docs/architecture.md"
    for path in sorted((REPO / "src" / "engine").rglob("*.cpp")):
        rel = path.relative_to(REPO).as_posix()
        assert rel in NAMED, f"{rel} is not in docs/architecture.md"
