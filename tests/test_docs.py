"""The README is tested: every documented command and flag exists, every setting is documented, and
the offline commands it tells a new user to run work on a temporary directory."""

from __future__ import annotations

import json
import re
import shlex
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli
from tests.support.crawling import run_cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

#: `newsarchive CMD ...` in an inline code span or on a line of a fenced block.
_COMMAND = re.compile(r"(?:^|/)newsarchive ([a-z][a-z-]*)(.*)")
_FLAG = re.compile(r"(?<![\w-])(--[a-z][a-z0-9-]*|-[a-zA-Z])(?![\w-])")


def documented_uses() -> list[tuple[str, str]]:
    """(command, rest of the line) for every `newsarchive COMMAND ...` the README shows in code."""
    spans = re.findall(r"`([^`\n]+)`", README)
    fenced = [line for block in re.findall(r"```[a-z]*\n(.*?)```", README, flags=re.S) for line in block.splitlines()]
    uses = []
    for text in spans + fenced:
        for part in re.split(r"&&|\|\||;|>", text.replace("\\|", "|")):  # shell lists and redirections
            match = _COMMAND.search(part.strip())
            if match:
                uses.append((match.group(1), match.group(2).rstrip()))
    return uses


@cache
def help_text(command: str) -> str:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0, f"newsarchive {command} --help failed: {result.output}"
    return result.output


def test_the_readme_shows_every_command_and_only_real_ones():
    documented = {command for command, _ in documented_uses()}
    commands = set(cli.list_commands(click_context()))
    assert documented - commands == set(), "the README shows commands that do not exist"
    assert commands - documented == set(), "commands missing from the README"


def click_context():
    import click

    return click.Context(cli)


USES = sorted(set(documented_uses()))


@pytest.mark.parametrize(("command", "rest"), USES, ids=[f"{c}{r}"[:60] for c, r in USES])
def test_every_documented_flag_is_in_the_commands_help(command, rest):
    flags = set(_FLAG.findall(rest))
    missing = {flag for flag in flags if not re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", help_text(command))}
    assert missing == set(), f"README documents {sorted(missing)} for `newsarchive {command}`, --help does not"


@pytest.mark.parametrize("command", sorted(set(cli.list_commands(click_context()))))
def test_every_command_has_help_with_an_example(command):
    text = help_text(command)
    assert "Example" in text and f"newsarchive {command}" in text


def test_every_newsarchive_setting_is_documented():
    names = set()
    for path in list((ROOT / "crawler").rglob("*.py")) + list((ROOT / "archive").rglob("*.py")):
        names |= set(re.findall(r"\bNEWSARCHIVE_[A-Z][A-Z_]*[A-Z]\b", path.read_text(encoding="utf-8")))
    internal = {"NEWSARCHIVE_CONFIG"}  # how the runner hands the parsed sources file to the components
    undocumented = sorted(name for name in names - internal if f"`{name}`" not in README)
    assert undocumented == [], "settings missing from the README"


def setup_commands() -> list[list[str]]:
    """The commands the README's set-up section tells a new user to run, without the install steps."""
    section = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    found = []
    for line in re.findall(r"\.venv/bin/newsarchive ([^`\n]+)", section):
        found.append(shlex.split(line))
    return found


def test_the_readmes_offline_commands_work_on_a_fresh_directory(tmp_path):
    commands = setup_commands()
    assert [args[0] for args in commands] == ["demo", "serve", "search"], commands
    db = str(tmp_path / "archive.db")
    outputs = {}
    for args in commands:
        if args[0] == "serve":  # a server runs until stopped: ask it for one page instead
            args = [*args, "--get", "/archive/articles.json?_shape=array&_size=5"]
        result = run_cli([*args, "--db", db])
        assert result.returncode == 0, (args, result.stdout, result.stderr, result.exception)
        outputs[args[0]] = result.stdout
    assert re.search(r"Demo run \d+: ok", outputs["demo"])
    rows = json.loads(outputs["serve"])
    assert len(rows) == 5 and all(row["title"] for row in rows)
    query = commands[2][1]
    assert query in outputs["search"] or "بندر" in outputs["search"], outputs["search"]
    check = run_cli(["check", "--db", db])
    assert check.returncode == 0, check.stdout + check.stderr
