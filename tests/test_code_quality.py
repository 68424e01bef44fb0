"""The code base stays ruff- and mypy-clean, and the archive never imports the crawler."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name):
    path = Path(sys.executable).parent / name
    return str(path) if path.exists() else shutil.which(name)


def test_ruff_clean():
    ruff = _tool("ruff")
    assert ruff, "ruff is part of the [test] extra"
    result = subprocess.run([ruff, "check", "crawler", "archive", "tests", "bench"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.timeout(600)
def test_mypy_clean():
    mypy = _tool("mypy")
    assert mypy, "mypy is part of the [test] extra"
    result = subprocess.run([mypy, "crawler", "archive"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]


def test_archive_never_imports_crawler_or_scrapy():
    offenders = []
    for path in (ROOT / "archive").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names
                          if n.split(".")[0] in ("crawler", "scrapy", "twisted")]
    assert offenders == []


def test_archive_commands_work_without_scrapy():
    code = ("import sys; sys.modules['scrapy'] = None; sys.modules['crawler'] = None\n"
            "from archive.cli import cli\n"
            "from click.testing import CliRunner\n"
            "r = CliRunner().invoke(cli, ['--help'])\n"
            "assert r.exit_code == 0, r.output\n"
            "assert 'search' in r.output and 'serve' in r.output\n"
            "print('ok')")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stdout + result.stderr
