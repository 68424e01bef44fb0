"""Per-source learned boilerplate: lines recurring across a source's articles are learned and removed."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from archive.cli import cli
from crawler.boilerplate import LearnedBoilerplate, line_keys
from crawler.demo.server import SiteServer
from tests.support.crawling import cli_result, crawl, write_sources
from tests.support.sites import Story, article_page, news_site

pytestmark = pytest.mark.timeout(300)
PLACES = ["بندرعباس", "قشم", "کیش", "بندر لنگه", "میناب", "جاسک", "پارسیان", "بستک", "رودان", "حاجی‌آباد"]
SIGNATURE = ["این گزارش در ستون اخبار شهرستان‌ها منتشر می‌شود", "صدای مردم جنوب را در شبکه‌های اجتماعی دنبال کنید",
             "بازنشر این گزارش تنها با ذکر نام رسانه مجاز است"]


def story(n: int) -> Story:
    place = PLACES[n % len(PLACES)]
    body = [f"به گزارش خبرنگار ما از {place}، طرح شماره {n} آبرسانی روستایی با حضور مسئولان استان افتتاح شد.",
            f"فرماندار {place} گفت اجرای این طرح {n + 3} ماه طول کشید و {n * 120} خانوار از آن بهره‌مند می‌شوند.",
            f"وی افزود مرحله دوم طرح در سال آینده در {PLACES[(n + 3) % len(PLACES)]} آغاز خواهد شد."]
    return Story(n, f"افتتاح طرح آبرسانی شماره {n} در {place}", body + SIGNATURE)


@pytest.mark.parametrize("texts, learned", [
    ([f"خبر {p}\nانتهای پیام" for p in PLACES], {"انتهای پیام"}),
    ([f"خبر {p}\nانتهای پیام" for p in PLACES[:4]], set()),  # fewer than MIN_COUNT articles
    ([f"خبر یکتا {i}" for i in range(20)], {"خبر یکتا 0"}),  # digits normalise: an id line recurs
])
def test_learning_as_a_table(texts, learned):
    model = LearnedBoilerplate()
    for text in texts:
        model.observe(line_keys(text))
    assert set(model.learned) == learned


def test_a_source_s_repeated_lines_are_learned_and_removed_with_no_body_loss(tmp_path):
    items = [story(n) for n in range(1, 31)]
    with SiteServer(lambda base: news_site(base, items)) as site:
        db = tmp_path / "a.db"
        result = crawl(db, write_sources(tmp_path / "s.toml", {"sahel": site.base_url}, revisit_hours=0,
                                         language="fa"))
        assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(db) as conn:
        texts = [t for (t,) in conn.execute("SELECT text FROM articles ORDER BY id")]
    assert len(texts) == 30
    leaked = [t for t in texts if any(line in t for line in SIGNATURE)]
    assert 0 < len(leaked) < 15  # the first articles keep them: nothing is learned from a handful

    code, output, exc = cli_result(["reprocess", "--db", str(db)])
    assert code == 0, (output, exc)
    with sqlite3.connect(db) as conn:
        rows = {url: (text, removed) for url, text, removed in conn.execute(
            "SELECT url, text, boilerplate_removed FROM articles")}
        revisions = conn.execute("SELECT count(*) FROM revisions").fetchone()[0]
    for story_ in items:
        text, removed = rows[site.base_url + story_.path]
        assert not any(line in text for line in SIGNATURE)
        assert all(p in text for p in story_.paragraphs[:3])  # every line of the body is still there
        assert removed > 0
    assert revisions == len(leaked)  # reprocessing kept the old versions of the articles it cleaned

    board = CliRunner().invoke(cli, ["boilerplate", "sahel", "--db", str(db), "--format", "json"])
    assert board.exit_code == 0, board.output
    report = json.loads(board.output)
    assert report["articles"] == 30
    learned = {line["example"]: line for line in report["lines"] if line["learned"]}
    assert set(SIGNATURE) <= set(learned)
    assert all(learned[line]["count"] == 30 and learned[line]["share"] == 1.0 for line in SIGNATURE)

    page = tmp_path / "new.html"
    page.write_bytes(article_page(story(99)))
    plain = CliRunner().invoke(cli, ["extract", str(page), "--format", "json"])
    cleaned = CliRunner().invoke(cli, ["extract", str(page), "--db", str(db), "--source", "sahel"])
    assert SIGNATURE[1] in json.loads(plain.output)["text"]  # the generic filter does not know this line
    assert not any(line in json.loads(cleaned.output)["text"] for line in SIGNATURE)


def test_boilerplate_command_errors(sample_db):
    result = CliRunner().invoke(cli, ["boilerplate", "nope", "--db", str(sample_db)])
    assert result.exit_code == 1 and "no source named 'nope'" in result.output
    alone = CliRunner().invoke(cli, ["extract", str(sample_db), "--source", "sahel"])
    assert alone.exit_code == 2 and "--db and --source go together" in alone.output
