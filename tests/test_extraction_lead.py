"""The printed standfirst is put back when precision mode drops it, and only then."""

from __future__ import annotations

import pytest
import trafilatura
from lxml import html as lxml_html

from crawler.extraction import extract_html
from crawler.extraction.blocks import Line
from crawler.extraction.lead import recover_lead, with_lead

LEAD = "Ab Mai verkehrt eine zusätzliche Schnellfähre zwischen Cuxhaven und Helgoland, täglich und ganzjährig."
BODY = [Line("Die Reederei hat am Dienstag bekannt gegeben, dass von Mai an eine weitere Verbindung fährt.", "p")]


def _tree(body: str):
    return lxml_html.document_fromstring(f"<html><head><title>t</title></head><body>{body}</body></html>")


@pytest.mark.parametrize(
    ("markup", "description", "expected"),
    [
        # a lead paragraph under the headline, the description word for word
        (f"<h1>Fähre</h1><p class='lead'>{LEAD}</p>", LEAD, LEAD),
        # printed with non-breaking spaces and an inline tag: still the same words
        (f"<h2 class='subtitle'><b>Ab Mai</b>&nbsp;verkehrt{LEAD[len('Ab Mai verkehrt') :]}</h2>", LEAD, LEAD),
        # a description cut short with an ellipsis: the whole printed paragraph comes back
        (f"<div class='excerpt'>{LEAD} Der Fahrplan folgt.</div>", LEAD[:60] + "…", LEAD + " Der Fahrplan folgt."),
        # an SEO summary the page never prints: nothing is added
        ("<p>Ganz anderer Text ohne Bezug zur Beschreibung, aber lang genug für einen Absatz.</p>", LEAD, None),
        # printed only inside a teaser link, a hidden element or a caption: not a lead
        (f"<a href='/x'><p>{LEAD}</p></a>", LEAD, None),
        (f"<div hidden><p>{LEAD}</p></div>", LEAD, None),
        (f"<div style='display: none'><p>{LEAD}</p></div>", LEAD, None),
        (f"<figure><figcaption><p>{LEAD}</p></figcaption></figure>", LEAD, None),
        # a label-length description is not a lead
        ("<p class='lead'>Nachrichten aus Cuxhaven</p>", "Nachrichten aus Cuxhaven", None),
        # a paragraph much longer than a complete description is not the lead
        (f"<p>{LEAD} {LEAD} {LEAD}</p>", LEAD, None),
        # no description at all
        (f"<p class='lead'>{LEAD}</p>", None, None),
    ],
)
def test_recover_lead(markup: str, description: str | None, expected: str | None) -> None:
    lead = recover_lead(_tree(markup), description, BODY, "Fähre")
    assert (lead.text if lead else None) == expected


def test_lead_already_extracted_is_not_added_twice() -> None:
    lines = [Line(LEAD, "p"), *BODY]
    assert recover_lead(_tree(f"<p class='lead'>{LEAD}</p>"), LEAD, lines, None) is None


def test_lead_goes_after_a_leading_headline() -> None:
    lead = Line(LEAD, "p")
    headline = Line("Fähre", "head")
    assert with_lead([headline, *BODY], lead, "Fähre") == [headline, lead, *BODY]
    assert with_lead(BODY, lead, "Fähre") == [lead, *BODY]
    assert with_lead(BODY, None, "Fähre") == BODY


PERSIAN_LEAD = "اسکله جدید بندرخمیر با هدف توسعه گردشگری دریایی و حمل‌ونقل کالا به بهره‌برداری رسید."
PARAGRAPH = (
    "به گزارش صبح ساحل، اسکله جدید بندرخمیر صبح امروز با حضور استاندار هرمزگان و جمعی از مسئولان استانی "
    "به‌طور رسمی افتتاح شد و از هفته آینده شناورهای مسافری و باری می‌توانند از آن استفاده کنند."
)


def test_persian_lead_through_the_extractor_keeps_its_joiners() -> None:
    """The layout precision mode loses the lead in: headline and lead in a <header>, body beside it."""
    page = (
        "<html lang='fa' dir='rtl'><head><title>افتتاح اسکله | صبح ساحل</title>"
        f"<meta name='description' content='{PERSIAN_LEAD}'></head><body><article><header>"
        f"<h1>افتتاح اسکله</h1><p class='lead'>{PERSIAN_LEAD}</p></header><div class='article-body'>"
        + "".join(f"<p>{PARAGRAPH}</p>" for _ in range(3))
        + "</div></article></body></html>"
    )
    assert "با هدف توسعه گردشگری" not in (trafilatura.extract(page, favor_precision=True) or "")
    result = extract_html(page, "https://sahel.example/fa/news/7")
    assert result.status == "ok"
    assert result.text.count(PERSIAN_LEAD) == 1
    assert result.text.index(PERSIAN_LEAD) < result.text.index(PARAGRAPH)
