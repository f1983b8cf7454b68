"""docs/evaluation.md is run: every worked example's commands (`$ nangluc …` in its text blocks)
are run on that example's `registry.json` and `plan.json`, and must print what the page shows
(warnings on stderr first, as a terminal shows them, where the page shows them).

An example is a section headed `### Example N` or `#### Example N`; its registry and plan are
the first JSON blocks after a line naming `registry.json` and `plan.json` (or a Python block
that writes `registry.json`). A block may show
several commands, each followed by its output."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from cli_support import REPO, cli_path, describe_status

DOC = REPO / "docs" / "evaluation.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.M | re.S)
HEADING = re.compile(r"^#{3,4} (Example \d+[^\n]*)\n", re.M)


def examples() -> list[tuple[str, str, str, list[tuple[str, str]]]]:
    """(title, registry text, plan text, [(command, expected output)]) per example."""
    text = DOC.read_text(encoding="utf-8")
    heads = list(HEADING.finditer(text))
    out = []
    for i, h in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        # The example runs to the next heading of any level.
        nxt = re.compile(r"^#{1,4} ", re.M).search(text, h.end())
        body = text[h.end():min(end, nxt.start() if nxt else end)]
        files: dict[str, str] = {}
        runs: list[tuple[str, str]] = []
        for m in FENCE.finditer(body):
            before = body[:m.start()].rstrip().rsplit("\n", 1)[-1]
            lang, content = m.group(1), m.group(2)
            if lang == "python" and "registry.json" in before:
                files["make_registry.py"] = content  # a script that writes registry.json
            elif lang == "json":
                for name in ("registry.json", "plan.json"):
                    if name in before and name not in files:
                        files[name] = content
            elif lang == "text" and content.startswith("$ nangluc "):
                parts = re.split(r"^\$ (nangluc [^\n]*)\n", content, flags=re.M)
                runs += [(parts[k], parts[k + 1]) for k in range(1, len(parts), 2)]
        registry = files.get("registry.json", files.get("make_registry.py"))
        if registry and "plan.json" in files and runs:
            out.append((h.group(1), registry, files["plan.json"], runs))
    return out


EXAMPLES = examples()


def test_the_page_has_worked_examples():
    assert len(EXAMPLES) >= 12


@pytest.mark.parametrize("title,registry,plan,runs", EXAMPLES, ids=[e[0].split(":")[0] for e in EXAMPLES])
def test_example_prints_what_the_page_shows(cli, tmp_path: Path, title, registry, plan, runs):
    if registry.lstrip().startswith("{"):
        (tmp_path / "registry.json").write_text(registry, encoding="utf-8")
    else:  # the example writes its registry with a Python script
        (tmp_path / "make_registry.py").write_text(registry, encoding="utf-8")
        subprocess.run([sys.executable, "make_registry.py"], cwd=tmp_path, check=True, timeout=60)
    (tmp_path / "plan.json").write_text(plan, encoding="utf-8")
    for command, expected in runs:
        # Through a shell, for the pipes some blocks show (`| sed -n '1,27p'`).
        proc = subprocess.run(["bash", "-o", "pipefail", "-c", shlex.quote(str(cli_path())) + command[len("nangluc"):]],
                              cwd=tmp_path, capture_output=True, timeout=60, check=False)
        rc, out, err = proc.returncode, proc.stdout.decode(), proc.stderr.decode()
        assert rc == 0, f"{title}: `{command}`: {describe_status(rc)}\n{err}"
        # As a terminal shows it: the warnings (stderr) come before the output; a block that
        # shows none (the page shows each warning once) is compared with the output alone.
        shown = (err if "warning[" in expected else "") + out.replace("\r\n", "\n")
        got = [line.rstrip() for line in shown.strip("\n").split("\n")]
        want = [line.rstrip() for line in expected.strip("\n").split("\n")]
        if want[-1] == "…":  # the page shows the first lines only (`| sed -n '1,27p'`)
            want.pop()
        assert got == want, f"{title}: `{command}` printed:\n" + "\n".join(got)
