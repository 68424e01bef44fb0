"""The search and article pages as headless Chromium lays them out: Persian results, right to left.

Chromium comes from Debian's `chromium` package and is driven over its DevTools pipe (no extra Python
package). Under CI (env CI set) it must be installed; elsewhere the test is skipped when it is missing.
A screenshot of each page is kept under test-artifacts/.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE_ARTICLES, build_archive

from archive.datasette.process import running_datasette

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--hide-scrollbars", "--window-size=1200,900", "--remote-debugging-pipe"]

if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("chromium is not installed (apt-get install chromium); CI installs it and runs this test",
                allow_module_level=True)

# For every element matching a selector: its computed direction and alignment, and where its text
# sits in its box (a right-aligned short line starts far from the box's left edge).
LAYOUT_JS = """
(selector) => Array.from(document.querySelectorAll(selector)).map(el => {
  const box = el.getBoundingClientRect(), range = document.createRange();
  range.selectNodeContents(el);
  const ink = range.getBoundingClientRect(), style = getComputedStyle(el);
  return {text: el.textContent.trim(), direction: style.direction, align: style.textAlign,
          gapLeft: ink.left - box.left, gapRight: box.right - ink.right};
})
"""


class Browser:
    """Headless Chromium over --remote-debugging-pipe: fd 3 carries commands, fd 4 replies."""

    def __init__(self, profile: Path):
        assert CHROMIUM, "chromium must be installed under CI"
        to_chrome, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome = os.pipe()

        def wire_pipes() -> None:
            os.dup2(to_chrome, 3)
            os.dup2(from_chrome, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"], preexec_fn=wire_pipes,
            pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome)
        os.close(from_chrome)
        self._ids = 0
        self._buffer = b""
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.send("Page.enable", session=self.session)

    def _message(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_chrome, 1 << 16)
            assert chunk, "chromium closed its DevTools pipe"
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._ids += 1
        message: dict[str, Any] = {"id": self._ids, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._message()
            if reply.get("id") == self._ids:
                assert "error" not in reply, reply
                return reply["result"]

    def open(self, url: str, screenshot: str) -> None:
        """Load `url`, wait for its load event, and keep a screenshot in test-artifacts/."""
        self.send("Page.navigate", session=self.session, url=url)
        while self._message().get("method") != "Page.loadEventFired":
            pass
        shot = self.send("Page.captureScreenshot", session=self.session, format="png")
        png = base64.b64decode(shot["data"])
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / screenshot).write_bytes(png)

    def layout(self, selector: str) -> list[dict[str, Any]]:
        result = self.send("Runtime.evaluate", session=self.session, returnByValue=True,
                           expression=f"({LAYOUT_JS})({json.dumps(selector)})")
        return result["result"]["value"]

    def value(self, expression: str) -> Any:
        return self.send("Runtime.evaluate", session=self.session, returnByValue=True,
                         expression=expression)["result"]["value"]

    def close(self) -> None:
        try:
            self.send("Browser.close")
        finally:
            os.close(self._to_chrome)
            os.close(self._from_chrome)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def browser(tmp_path):
    chrome = Browser(tmp_path / "profile")
    yield chrome
    chrome.close()


def _right_to_left(element: dict[str, Any]) -> bool:
    """Laid out right to left: rtl, and its (short) text hugs the right edge of its box."""
    return element["direction"] == "rtl" and element["gapRight"] < 2 and element["gapLeft"] > 50


def test_persian_search_results_and_article_render_right_to_left(tmp_path, browser):
    path = build_archive(tmp_path / "archive.db")
    article = SAMPLE_ARTICLES[0]
    with running_datasette(path) as base:
        query = "كتاب ايران"  # Arabic letters; the article is written with Persian ones
        browser.open(f"{base}/archive/-/search?q={urllib.parse.quote(query)}", "search-fa.png")
        assert browser.value("document.querySelector('input[name=q]').value") == query
        titles = browser.layout(".search-results li h3")
        assert [t["text"] for t in titles] == [article["title"]]
        assert _right_to_left(titles[0]), titles
        snippets = browser.layout(".search-results .snippet")
        assert "کتاب ایران" in snippets[0]["text"] and _right_to_left(snippets[0]), snippets
        link = browser.value("document.querySelector('.search-results h3 a').href")

        browser.open(link, "article-fa.png")
        paragraphs = browser.layout(".article-text p")
        assert [p["text"] for p in paragraphs] == article["text"].split("\n")
        assert all(_right_to_left(p) for p in paragraphs), paragraphs
        assert _right_to_left(browser.layout("article h1")[0])
        assert browser.value("document.querySelector('.article-links a[rel]').href") == article["url"]
        english = browser.layout(".article-links li")[0]
        assert english["direction"] == "ltr"  # the page around the article stays left to right
