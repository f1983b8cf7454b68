"""The error catalogue is complete: every problem code the library or the command line can
produce is documented in docs/errors.md, and some test feeds an input that produces it.

Codes are found in the sources where problems are made: the code is the first or the
second-to-last argument of an `error(…)`/`warning(…)`-like call (`problems.error(CODE, file,
location, message)`, `error(list, i, field, CODE, message)`, `r.error(field, CODE, message)`),
the string after `severity::error,` in a problem built in place, or `error[CODE]` written out.
"""

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCES = [p for d in ("src", "include") for p in (ROOT / d).rglob("*") if p.suffix in (".cpp", ".hpp")]

CALL = re.compile(r"\b(?:error|warning|err|warn)\s*\(")
LITERAL = re.compile(r'^"([a-z][a-z_]*)"$')


def split_args(text: str, start: int) -> list[str]:
    """The top-level arguments of the call whose '(' is at text[start - 1]."""
    args, depth, current, i = [], 0, [], start
    in_string = False
    while i < len(text):
        c = text[i]
        if in_string:
            current.append(c)
            if c == "\\":
                current.append(text[i + 1])
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            current.append(c)
        elif c in "([{":
            depth += 1
            current.append(c)
        elif c in ")]}":
            if depth == 0:
                args.append("".join(current).strip())
                return args
            depth -= 1
            current.append(c)
        elif c == "," and depth == 0:
            args.append("".join(current).strip())
            current = []
        else:
            current.append(c)
        i += 1
    return args


def codes_in_sources() -> dict[str, str]:
    """code -> a file that makes it."""
    found: dict[str, str] = {}
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        rel = str(path.relative_to(ROOT))
        for m in CALL.finditer(text):
            args = split_args(text, m.end())
            if len(args) < 2:
                continue
            # (code, file, location, message) or (…, code, message) with 1 or 3 before it.
            candidates = [args[0]] if len(args) == 4 else [args[-2]] if len(args) in (3, 5) else []
            for candidate in candidates:
                lit = LITERAL.match(candidate)
                if lit:
                    found.setdefault(lit.group(1), rel)
        for m in re.finditer(r'severity::(?:error|warning),\s*"([a-z_]+)"', text):
            found.setdefault(m.group(1), rel)
        for m in re.finditer(r'(?:error|warning)\[([a-z_]+)\]', text):
            found.setdefault(m.group(1), rel)
    return found


def codes_in_docs() -> set[str]:
    text = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^### ([a-z_]+)\s*$", text, re.M))
    table_rows = set(re.findall(r"^\| `([a-z_]+)`", text, re.M))
    return headings | table_rows


def codes_in_tests() -> set[str]:
    """Codes some test names as the outcome of an input it feeds: `error[CODE]` in an expected
    line, or "CODE" / 'CODE' compared with what a load reported. (Tests name codes only as
    expected results, and the test suite passes, so each named code is produced.)"""
    found: set[str] = set()
    this = pathlib.Path(__file__).resolve()
    for path in (ROOT / "tests").rglob("*"):
        if path.suffix not in (".py", ".cpp") or path.resolve() == this:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found |= set(re.findall(r"(?:error|warning)\[([a-z_]+)\]", text))
        found |= set(re.findall(r"[\"']([a-z]+(?:_[a-z]+)*)[\"']", text))
    return found


def test_sources_make_codes():
    # A sanity check of the scan itself: it must see codes from every kind of call.
    codes = codes_in_sources()
    for expected in ("json_syntax", "cycle", "csv_syntax", "too_many_errors", "io_error", "unknown_group",
                     "completion_without_post", "file_too_large"):
        assert expected in codes


def test_every_code_is_documented():
    undocumented = {c: f for c, f in codes_in_sources().items() if c not in codes_in_docs()}
    assert not undocumented, f"codes missing from docs/errors.md (code: where made): {undocumented}"


#: Codes no input can produce: `internal` reports a bug in nangluc (the fuzz targets hunt for
#: inputs that would cause one).
NOT_FROM_INPUT = {"internal"}


def test_every_code_is_produced_by_a_test():
    untested = {c: f for c, f in codes_in_sources().items()
                if c not in codes_in_tests() and c not in NOT_FROM_INPUT}
    assert not untested, f"codes no test input produces (code: where made): {untested}"


def test_documented_codes_exist():
    stale = codes_in_docs() - set(codes_in_sources())
    assert not stale, f"docs/errors.md documents codes nothing makes: {sorted(stale)}"

