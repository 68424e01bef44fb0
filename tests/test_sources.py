"""Sources file: valid files load; every mistake is one line naming the file and line."""

import pytest

from archive.errors import EXIT_CONFIG, ConfigError
from crawler.sources import load_sources

GOOD = """
# Two sources
[[source]]
name = "sobhesahel"
url = "https://www.sobhesahel.com/"
language = "fa"
delay = 2
concurrency = 1
revisit_hours = 24

[[source]]
name = "coastal"
url = "https://coastal.example/"
feeds = ["https://coastal.example/feed.atom"]
timezone = "Europe/London"
article_pattern = "/news/.+/\\\\d{4}/"
"""


def write(tmp_path, text):
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file_loads_with_defaults(tmp_path):
    sources = load_sources(write(tmp_path, GOOD))
    sahel, coastal = sources.sources
    assert (sahel.name, sahel.delay, sahel.concurrency, sahel.revisit_hours) == ("sobhesahel", 2.0, 1, 24.0)
    assert sahel.tz == "Asia/Tehran"  # Persian sources print Tehran time unless told otherwise
    assert coastal.tz == "Europe/London" and coastal.feeds == ("https://coastal.example/feed.atom",)
    assert coastal.revisit_hours == 48 and coastal.max_depth == 2
    assert sahel.hosts() >= {"sobhesahel.com", "www.sobhesahel.com", "m.sobhesahel.com"}
    assert [s.name for s in sources.select(["coastal"])] == ["coastal"]


@pytest.mark.parametrize("text, message", [
    ("[[source]]\nname = \"a\"\nurl = ", "not valid TOML"),
    ("title = 'no sources'\n", "no [[source]] tables"),
    ("\n\n[[source]]\nname = \"a\"\n", ":3: source has no 'url'"),
    ("[[source]]\nurl = \"https://a.example/\"\n", ":1: source has no 'name'"),
    ("[[source]]\nname = \"a\"\nurl = \"https://a.example/\"\n\n[[source]]\nname = \"a\"\nurl = \"https://b.example/\"\n",
     ":6: duplicate source name 'a' (first at line 1)"),  # the line of the second name
    ("[[source]]\nname = \"a\"\nurl = \"https://a.example/\"\narticle_pattern = \"(unclosed\"\n",
     ":4: article_pattern is not a valid regular expression"),  # the key's own line
    ("[[source]]\nname = \"a\"\nurl = \"ftp://a.example/\"\n", "url must be an http(s) URL"),
    ("[[source]]\nname = \"a\"\nurl = \"https://a.example/\"\ndelay = -1\n", "delay must be a non-negative number"),
    ("[[source]]\nname = \"a\"\nurl = \"https://a.example/\"\nconcurrency = 0\n", "concurrency must be at least 1"),
    ("[[source]]\nname = \"a\"\nurl = \"https://a.example/\"\ntimezone = \"Mars/Olympus\"\n", "unknown timezone"),
    ("[[source]]\nname = \"a\"\nurl = \"https://a.example/\"\ncalendar = \"mayan\"\n", "calendar must be one of"),
    ("[[source]]\nname = \"a\"\nurl = \"https://a.example/\"\nlanguage = \"Persian\"\n", "ISO 639-1"),
    ("[[source]]\nname = \"a\"\nurl = \"https://a.example/\"\nfeeds = \"https://a.example/rss\"\n",
     "feeds must be a list of strings"),
    ("[[source]]\nname = \"a\"\nurl = \"https://a.example/\"\nspeed = 3\n", "unknown key 'speed'"),
    ("[[source]]\nname = \"a b\"\nurl = \"https://a.example/\"\n", "name must be letters"),
])
def test_mistakes_are_one_line_errors_with_file_and_line(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_sources(path)
    error = str(info.value)
    assert error.startswith(str(path)), error
    assert message in error
    assert "\n" not in error
    assert info.value.exit_code == EXIT_CONFIG


def test_missing_file_and_unknown_source(tmp_path):
    with pytest.raises(ConfigError, match="no such sources file"):
        load_sources(tmp_path / "absent.toml")
    with pytest.raises(ConfigError, match="no source named 'nope' \\(sources: sobhesahel, coastal\\)"):
        load_sources(write(tmp_path, GOOD)).select(["nope"])


def test_shipped_sources_file_is_valid():
    from pathlib import Path

    shipped = load_sources(Path(__file__).parent.parent / "sources.toml")
    names = [s.name for s in shipped.sources]
    assert "sobhesahel" in names and len(names) >= 4
    assert {s.language for s in shipped.sources} >= {"fa", "ar", "en"}
