"""Pathological pages end as extraction_failed with a reason: never an exception, never a stall."""

from __future__ import annotations

import signal

import pytest

import crawler.extraction as extraction
from crawler.extraction import Budget, extract_html
from crawler.extraction.budget import BudgetExceeded, check_size

ARTICLE = "<html><body><article>" + "<p>A sentence of an ordinary article about the harbour.</p>" * 20


def test_huge_page_fails_before_parsing():
    page = "<html><body>" + "<p>filler text</p>" * 1_600_000 + "</body></html>"  # about 28 MB
    result = extract_html(page, "https://example.org/huge")
    assert result.status == "extraction_failed"
    assert "too large" in (result.reason or "")


def test_big_inline_scripts_do_not_count_against_the_size_budget():
    page = "<html><head><script>" + "x" * 300 + "</script></head><body><p>text</p></body></html>"
    assert check_size(page, Budget(max_chars=200)).count("<script") == 0
    with pytest.raises(BudgetExceeded):
        check_size("<p>" + "y" * 300 + "</p>", Budget(max_chars=200))


def test_hundred_thousand_nested_elements():
    page = "<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</body></html>"
    result = extract_html(page, "https://example.org/nested")
    assert result.status == "extraction_failed"
    assert result.reason


def test_too_many_elements():
    page = "<html><body>" + "<span>a</span>" * 5_000 + "</body></html>"
    result = extract_html(page, None, budget=Budget(max_elements=1_000))
    assert result.status == "extraction_failed"
    assert "too many elements" in (result.reason or "")


@pytest.mark.timeout(20)
def test_time_budget_interrupts_a_stalled_extraction(monkeypatch):
    def stall(*args, **kwargs):
        while True:
            pass

    monkeypatch.setattr(extraction.trafilatura, "bare_extraction", stall)
    result = extract_html(ARTICLE, None, budget=Budget(seconds=0.2))
    assert result.status == "extraction_failed"
    assert "time budget" in (result.reason or "")


@pytest.mark.timeout(20)
def test_time_budget_leaves_an_outer_timer_running():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        extract_html(ARTICLE, None, budget=Budget(seconds=5))
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 30
        assert signal.getsignal(signal.SIGALRM) is not extraction.budget._raise_budget
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert fired == []


def test_library_errors_become_extraction_failed(monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(extraction.trafilatura, "bare_extraction", broken)
    result = extract_html(ARTICLE, None)
    assert result.status == "extraction_failed"
    assert "KeyError" in (result.reason or "")


@pytest.mark.parametrize("page", ["", "   ", "<html></html>", "\x00\x01\x02", "<<<>>>", "<p>hi</p>"])
def test_degenerate_pages_never_raise(page):
    result = extract_html(page, None)
    assert result.status in {"empty", "extraction_failed", "not_article"}
