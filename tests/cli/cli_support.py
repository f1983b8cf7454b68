"""Helpers shared by the command-line tests: finding and running `nangluc`, the minimal valid
registry the tests copy and break, and reading the problem lines the CLI prints on stderr
(evaluation.md §6: `FILE:LOCATION: error[CODE]: MESSAGE`, one per line)."""

from __future__ import annotations

import copy
import json
import os
import re
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_CLI = HERE / ".." / ".." / "build" / "dev" / "nangluc"

#: Seconds any single CLI run may take; the inputs here are tiny.
TIMEOUT = 60


def cli_path() -> Path:
    """The `nangluc` binary under test: $NANGLUC_CLI, else build/dev/nangluc of this repo."""
    return Path(os.environ.get("NANGLUC_CLI") or DEFAULT_CLI).resolve()


def run(*args: str | os.PathLike, cwd: str | os.PathLike | None = None,
        timeout: float = TIMEOUT) -> tuple[int, str, str]:
    """Runs `nangluc ARGS…` and returns (exit status, stdout, stderr) as text.

    A negative status means the process died of a signal (a crash); stdout and stderr are
    decoded with replacement so that a bad byte in a message never hides the status."""
    proc = subprocess.run([str(cli_path()), *map(str, args)], cwd=cwd, capture_output=True,
                          timeout=timeout, check=False)
    return (proc.returncode, proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"))


def describe_status(rc: int) -> str:
    if rc < 0:
        try:
            return f"killed by signal {signal.Signals(-rc).name}"
        except ValueError:
            return f"killed by signal {-rc}"
    if rc in (134, 139):
        return f"exit status {rc} (a shell-reported abort/segfault)"
    return f"exit status {rc}"


# ---- the minimal valid registry -------------------------------------------------------------

#: Province "12" > district "105" > commune "03199" > village "03199-01"; one person in a
#: post at the commune, a qualification, a course, a session, an enrollment and a quota.
#: Indexes matter: tests name locations such as /units/2/parent.
VALID_REGISTRY: dict = {
    "format": "nangluc/registry@1",
    "profile": "vn-population",
    "units": [
        {"id": "12", "name": "Tỉnh Lai Châu", "level": "tinh", "kind": "tinh"},
        {"id": "105", "name": "Huyện Tam Đường", "level": "huyen", "kind": "huyen", "parent": "12"},
        {"id": "03199", "name": "Xã Bình Lư", "level": "xa", "kind": "xa", "parent": "105"},
        {"id": "03199-01", "name": "Bản Nà Đon", "level": "thon", "kind": "ban", "parent": "03199"},
    ],
    "persons": [
        {"id": "P1", "name": "Lò Thị Mai", "sex": "F", "birth_date": "1990-04-12",
         "external_ids": {"staff": "LC-0001"}},
    ],
    "assignments": [
        {"person": "P1", "unit": "03199", "category": "cong_chuc", "roles": ["chuyen_trach_dan_so_xa"],
         "sector": "dan_so", "start": "2020-01-01"},
    ],
    "qualifications": [
        {"person": "P1", "kind": "education", "code": "dai_hoc", "field": "y_khoa", "awarded": "2012-06-30"},
    ],
    "courses": [
        {"id": "C1", "title": "Bồi dưỡng dân số viên", "kind": "boi_duong", "topics": ["dan_so_co_ban"],
         "hours": 40, "confers": {"kind": "certificate", "code": "bd_dan_so_vien", "valid_for": "P5Y"}},
    ],
    "sessions": [
        {"id": "S1", "course": "C1", "start": "2023-03-01", "end": "2023-03-10", "organizer": "12",
         "location": "Lai Châu", "capacity": 30, "cost_vnd": 50000000, "funding": "ngan_sach_dia_phuong",
         "attendance": [{"category": "cong_tac_vien", "sex": "F", "count": 12}]},
    ],
    "enrollments": [
        {"person": "P1", "session": "S1", "status": "completed"},
    ],
    "quotas": [
        {"unit": "03199", "category": "cong_chuc", "sector": "dan_so", "count": 1, "from": "2020-01-01"},
    ],
}


def valid_registry() -> dict:
    """A fresh deep copy of VALID_REGISTRY, safe to break."""
    return copy.deepcopy(VALID_REGISTRY)


def dump(doc: dict, indent: int | None = 2) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=indent).encode("utf-8")


def write_registry(path: Path, content: dict | bytes) -> Path:
    path.write_bytes(content if isinstance(content, bytes) else dump(content))
    return path


# ---- reading problem lines ------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    file: str
    location: str  # "" for the whole document
    severity: str  # "error" or "warning"
    code: str
    message: str


_TAIL = re.compile(r": (?P<severity>error|warning)\[(?P<code>[a-z][a-z0-9_]*)\]: (?P<message>\S.*)\Z")
JSON_POINTER = re.compile(r"\A(/[^/]*)+\Z")
LINE_COLUMN = re.compile(r"\A[1-9][0-9]*:[1-9][0-9]*\Z")


def parse_problem(line: str, file: str) -> Problem:
    """Parses `FILE:LOCATION: SEVERITY[CODE]: MESSAGE` for a known FILE; raises AssertionError
    naming the line when it does not have that shape."""
    assert line.startswith(file), f"problem line does not start with the file name {file!r}: {line!r}"
    rest = line[len(file):]
    location = ""
    if rest.startswith(":") and not rest.startswith(": "):
        # LOCATION runs to the first ": error[" / ": warning[" (pointers may hold ': ' only
        # inside keys, which these tests do not use).
        m = re.search(r": (error|warning)\[", rest)
        assert m, f"no ': error[CODE]:' after the location in {line!r}"
        location, rest = rest[1:m.start()], rest[m.start():]
    m = _TAIL.match(rest)
    assert m, f"problem line is not 'FILE:LOCATION: error[CODE]: MESSAGE': {line!r}"
    return Problem(file, location, m["severity"], m["code"], m["message"])


def parse_problems(stderr: str, file: str) -> list[Problem]:
    """Every stderr line as a Problem (there must be no other output on stderr)."""
    lines = stderr.splitlines()
    return [parse_problem(line, file) for line in lines]


def errors_of(problems: list[Problem]) -> list[tuple[str, str]]:
    return sorted((p.location, p.code) for p in problems if p.severity == "error")


def warnings_of(problems: list[Problem]) -> list[tuple[str, str]]:
    return sorted((p.location, p.code) for p in problems if p.severity == "warning")


def assert_refused(rc: int, out: str, err: str, file: str) -> list[Problem]:
    """The shared contract of a refused input: exit status exactly 1 (never a signal or an
    abort), nothing on stdout, and every stderr line a well-formed problem naming `file`."""
    assert rc == 1, f"expected exit status 1 for invalid input, got {describe_status(rc)}\nstderr:\n{err}"
    assert out == "", f"nothing should be printed on stdout when the input is refused: {out!r}"
    assert err.endswith("\n"), f"stderr should end with a newline: {err!r}"
    problems = parse_problems(err, file)
    assert any(p.severity == "error" for p in problems), f"no error line on stderr:\n{err}"
    for p in problems:
        assert p.location == "" or JSON_POINTER.match(p.location) or LINE_COLUMN.match(p.location), (
            f"location is neither a JSON pointer nor line:column: {p}")
    return problems


def assert_accepted(rc: int, out: str, err: str, file: str, warnings: int = 0) -> None:
    """`validate` accepted the registry: status 0, the one-line summary on stdout, and only
    warning lines (as many as said) on stderr."""
    assert rc == 0, f"expected the registry to be accepted, got {describe_status(rc)}\nstderr:\n{err}"
    assert out.startswith(f"{file}: valid: ") and out.endswith(f"; {warnings} warnings\n"), (
        f"unexpected validate summary: {out!r}")
    problems = parse_problems(err, file)
    assert [p.severity for p in problems] == ["warning"] * warnings, f"stderr:\n{err}"


def tree_snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every path under `folder` with the bytes of files (None for folders)."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


# ---- CSV support probe ----------------------------------------------------------------------

_csv_probe: tuple[bool, str] | None = None


def csv_support(tmp_root: Path | None = None) -> tuple[bool, str]:
    """Whether the binary under test writes and reads CSV folders (some builds stub them out):
    converts the valid registry to a folder and validates that folder. Cached per session."""
    global _csv_probe
    if _csv_probe is not None:
        return _csv_probe
    import tempfile
    if not cli_path().exists():
        _csv_probe = (False, f"no nangluc binary at {cli_path()}")
        return _csv_probe
    with tempfile.TemporaryDirectory(dir=tmp_root) as d:
        src = write_registry(Path(d) / "valid.json", valid_registry())
        out = Path(d) / "tables"
        rc, _, err = run("convert", src, out)
        if rc != 0 or not (out / "units.csv").is_file():
            _csv_probe = (False, f"CSV writing does not work in this build "
                                 f"(convert valid.json FOLDER: {describe_status(rc)}: {err.strip()[:200]})")
            return _csv_probe
        rc, _, err = run("validate", out)
        if rc != 0:
            _csv_probe = (False, f"CSV reading does not work in this build "
                                 f"(validate FOLDER: {describe_status(rc)}: {err.strip()[:200]})")
            return _csv_probe
    _csv_probe = (True, "")
    return _csv_probe
