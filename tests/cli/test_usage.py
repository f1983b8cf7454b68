"""Usage errors exit with status 2 (evaluation.md §6); --version and --help exit with 0."""

from __future__ import annotations

import re

import pytest

from cli_support import REPO, describe_status, write_registry

FILE = "registry.json"


def header_version() -> str:
    text = (REPO / "include" / "nangluc" / "version.hpp").read_text(encoding="utf-8")
    m = re.search(r'#define\s+NANGLUC_VERSION_STRING\s+"([^"]+)"', text)
    assert m, "NANGLUC_VERSION_STRING not found in include/nangluc/version.hpp"
    return m.group(1)


USAGE_ERRORS = [
    ("no-subcommand", []),
    ("unknown-subcommand", ["frobnicate", FILE]),
    ("unknown-option", ["validate", "--bogus", FILE]),
    ("unknown-global-option", ["--bogus"]),
    ("validate-without-a-registry", ["validate"]),
    ("validate-with-too-many-arguments", ["validate", FILE, FILE, FILE]),
    ("convert-without-an-output", ["convert", FILE]),
    ("structure-as-of-that-is-not-a-date", ["structure", FILE, "--as-of", "tomorrow"]),
    ("structure-as-of-feb-30", ["structure", FILE, "--as-of", "2025-02-30"]),
    ("structure-as-of-without-a-value", ["structure", FILE, "--as-of"]),
    ("structure-format-not-table-json-or-csv", ["structure", FILE, "--format", "xml"]),
    ("structure-lang-not-vi-or-en", ["structure", FILE, "--lang", "fr"]),
    ("convert-date-format-not-iso-or-dmy", ["convert", FILE, "out", "--date-format", "mdy"]),
    ("generate-unknown-profile", ["generate", "--profile", "hanoi"]),
    ("generate-zero-persons", ["generate", "--profile", "national", "--persons", "0"]),
]


@pytest.mark.parametrize("args", [a for _, a in USAGE_ERRORS], ids=[i for i, _ in USAGE_ERRORS])
def test_a_usage_error_exits_with_status_2_and_explains_on_stderr(run, tmp_path, valid_registry, args):
    write_registry(tmp_path / FILE, valid_registry)
    rc, out, err = run(*args, cwd=tmp_path)
    assert rc == 2, f"expected exit status 2 for a usage error, got {describe_status(rc)}\n{err}"
    assert err.strip(), "a usage error must say what is wrong on stderr"
    assert out == "", f"nothing on stdout for a usage error: {out!r}"
    assert not (tmp_path / "out").exists()


def test_a_bad_as_of_date_is_named_in_the_message(run, tmp_path, valid_registry):
    write_registry(tmp_path / FILE, valid_registry)
    rc, out, err = run("structure", FILE, "--as-of", "2025-02-30", cwd=tmp_path)
    assert rc == 2
    assert "--as-of" in err and "2025-02-30" in err, err


def test_a_bad_format_value_is_named_in_the_message(run, tmp_path, valid_registry):
    write_registry(tmp_path / FILE, valid_registry)
    rc, out, err = run("structure", FILE, "--format", "xml", cwd=tmp_path)
    assert rc == 2
    assert "--format" in err and "xml" in err, err


def test_version_prints_the_library_version_and_exits_0(run):
    rc, out, err = run("--version")
    assert rc == 0, err
    assert out.strip() == f"nangluc {header_version()}"


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["validate", "--help"], ["convert", "--help"],
                                  ["structure", "--help"], ["generate", "--help"]],
                         ids=["help", "short-help", "validate-help", "convert-help", "structure-help",
                              "generate-help"])
def test_help_exits_0_and_prints_usage_on_stdout(run, args):
    rc, out, err = run(*args)
    assert rc == 0, f"{describe_status(rc)}\n{err}"
    assert "Usage:" in out, out


def test_top_level_help_lists_the_subcommands(run):
    rc, out, _ = run("--help")
    assert rc == 0
    for sub in ("validate", "convert", "structure", "generate"):
        assert sub in out, f"--help does not list {sub}:\n{out}"


def test_a_valid_as_of_date_in_either_format_is_accepted(run, tmp_path, valid_registry):
    write_registry(tmp_path / FILE, valid_registry)
    for as_of in ("2025-12-31", "31/12/2025"):
        rc, out, err = run("structure", FILE, "--as-of", as_of, "--format", "json", cwd=tmp_path)
        assert rc == 0, f"--as-of {as_of}: {describe_status(rc)}\n{err}"
        assert '"as_of": "2025-12-31"' in out


def test_a_usage_error_is_reported_before_the_registry_is_read(run, tmp_path):
    # The registry does not exist: a bad option must still be a usage error (2), not an
    # input error (1).
    rc, out, err = run("structure", "missing.json", "--as-of", "tomorrow", cwd=tmp_path)
    assert rc == 2, f"{describe_status(rc)}\n{err}"
