"""Near-duplicates across sources, through the real store: syndicated copies found, distinct stories apart."""

from __future__ import annotations

import json
from itertools import combinations

import pytest
from click.testing import CliRunner

from archive.cli import cli
from archive.duplicates import band_layout, clusters, group_of, rebuild, settings
from archive.duplicates.signature import Layout, compared_words, shingles
from archive.store import Archive
from tests.support.syndication import (
    COPIES,
    FA_SHRIMP,
    LONG_TAIL,
    ORIGINALS,
    SITES,
    TAIL_PAIR,
    Story,
    articles,
    copy_pairs,
)


def url_of(story: Story) -> str:
    return f"https://{story.site}.example{story.path}"


def save(archive: Archive, story: Story, *, text: str | None = None, fetched: str | None = None) -> str:
    url = url_of(story)
    return archive.save_article(
        {"url": url, "source": story.site, "title": story.title, "text": story.text if text is None else text,
         "published": story.published, "language": story.language},
        {"url": url, "final_url": url, "source": story.site, "status": 200, "headers": {}, "body": b"<html/>",
         "outcome": "ok", "fetched": fetched or story.published})


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "a.db") as a:
        a.upsert_sources([{"name": s, "url": f"https://{s}.example/", "language": lang} for s, lang in SITES.items()])
        yield a


def grouped_pairs(archive: Archive) -> set[frozenset[str]]:
    """Pairs of article keys the archive put in one group."""
    rows = archive.db.execute("SELECT url, coalesce(duplicate_of, url) FROM articles").fetchall()
    key = {url: url.rsplit("/", 1)[1] for url, _ in rows}
    return {frozenset((key[a], key[b])) for (a, ra), (b, rb) in combinations(rows, 2) if ra == rb}


def test_every_copy_found_and_no_distinct_story_joined(archive):
    stories = articles()
    for story in stories:
        assert save(archive, story) == "new"
    expected = copy_pairs(stories)
    assert len(expected) == 17  # five stories printed by three sites, two by two
    assert grouped_pairs(archive) == expected
    # each copy names its group's original, the earliest published article of the story
    for original in ORIGINALS:
        copies = archive.db.execute("SELECT url FROM articles WHERE duplicate_of = ?", [url_of(original)]).fetchall()
        assert len(copies) == len(COPIES[original.key])
        row = archive.db.execute("SELECT duplicate_of, copies FROM articles WHERE url = ?",
                                 [url_of(original)]).fetchone()
        assert row == (None, len(COPIES[original.key]))
    # the pairs found carry their similarity and when they were found
    for article, other, similarity, found in archive.db.execute("SELECT * FROM near_duplicates"):
        assert article > other and 0.8 <= similarity <= 1 and found


def test_shared_boilerplate_tail_does_not_make_two_stories_copies(archive):
    festival, traffic = TAIL_PAIR
    tail_words = len(compared_words("\n".join(LONG_TAIL)))
    assert tail_words > len(compared_words(traffic.text)) / 2  # most of each text is the shared tail
    save(archive, festival)
    save(archive, traffic)
    assert archive.db["near_duplicates"].count == 0
    assert archive.db.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL OR copies > 0"
                              ).fetchone()[0] == 0


def jaccard_of(a: str, b: str) -> float:
    from archive.duplicates.signature import jaccard

    return jaccard(shingles(a, Layout()), shingles(b, Layout()))


def test_revisions_of_one_url_are_not_duplicates(archive):
    original = ORIGINALS[0]
    save(archive, original)
    edited = original.text.replace("۱۲۰۰", "۱۳۰۰").replace("چهار هزار", "پنج هزار")
    assert save(archive, original, text=edited, fetched="2024-10-06T00:00:00+00:00") == "updated"
    assert archive.db["revisions"].count == 1
    assert archive.db["near_duplicates"].count == 0
    assert archive.db.execute("SELECT duplicate_of, copies FROM articles").fetchall() == [(None, 0)]
    # the new version's band keys replaced the old ones: one set per article
    assert archive.db["near_duplicate_keys"].count == 1
    assert archive.db["near_duplicate_bands"].count == settings(archive.db).layout.bands


def test_short_articles_are_never_matched(archive):
    short = [s for s in articles() if s.key.startswith("short-")]
    assert len(short) == 2 and short[0].text == short[1].text
    assert len(short[0].text.split()) < 50
    for story in short:
        save(archive, story)
    assert archive.db["near_duplicates"].count == 0
    assert archive.db["near_duplicate_keys"].count == 0


def test_original_is_the_earliest_published_even_when_archived_last(archive):
    original = ORIGINALS[0]
    copy_one, copy_two = (s for s in articles() if s.story == original.key and s.key != original.key)
    for story in (copy_two, copy_one, original):  # a backfill crawl reaches the wire story last
        save(archive, story)
    rows = dict(archive.db.execute("SELECT url, duplicate_of FROM articles").fetchall())
    assert rows == {url_of(original): None, url_of(copy_one): url_of(original), url_of(copy_two): url_of(original)}
    assert {r[0] for r in archive.db.execute("SELECT copies FROM articles")} == {2}


def test_a_copy_rewritten_into_another_story_leaves_its_group(archive):
    original = ORIGINALS[0]
    copy_one = next(s for s in articles() if s.story == original.key and s.key != original.key)
    save(archive, original)
    save(archive, copy_one)
    assert archive.db.execute("SELECT count(*) FROM articles WHERE copies = 1").fetchone()[0] == 2
    other_story = "\n".join(ORIGINALS[1].paragraphs)
    assert save(archive, copy_one, text=other_story, fetched="2024-10-07T00:00:00+00:00") == "updated"
    assert archive.db.execute("SELECT duplicate_of, copies FROM articles").fetchall() == [(None, 0), (None, 0)]
    assert archive.db["near_duplicates"].count == 0


def test_persian_spelling_variants_do_not_hide_a_copy(archive):
    original = ORIGINALS[0]
    arabic_letters = original.text.replace("ی", "ي").replace("ک", "ك").replace("\u200c", "")
    variant = Story("shrimp-arabic", "jonoubnews", "fa", "صيد ميگو", original.paragraphs, original.published, "x")
    save(archive, original)
    save(archive, variant, text=arabic_letters)
    assert archive.db.execute("SELECT similarity FROM near_duplicates").fetchone()[0] == 1.0


def test_rebuild_gives_the_incremental_relation_and_applies_a_new_threshold(archive):
    for story in articles():
        save(archive, story)
    incremental = grouped_pairs(archive)
    pairs = archive.db["near_duplicates"].count
    assert rebuild(archive.db) == sum(1 for _ in archive.db.execute("SELECT 1 FROM articles WHERE copies > 0"))
    assert grouped_pairs(archive) == incremental
    assert archive.db["near_duplicates"].count == pairs
    rebuild(archive.db, threshold=0.95)
    assert settings(archive.db).threshold == 0.95
    assert settings(archive.db).layout.bands == band_layout(0.95)[0]
    assert 0 < len(grouped_pairs(archive)) < len(incremental)
    assert all(s >= 0.95 for (s,) in archive.db.execute("SELECT similarity FROM near_duplicates"))


def test_band_layout_finds_pairs_at_the_threshold():
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
        bands, rows = band_layout(threshold)
        assert bands <= 32
        assert 1 - (1 - threshold ** rows) ** bands >= 0.995


def test_group_of_lists_the_original_first(archive):
    stories = articles()
    for story in stories:
        save(archive, story)
    quake_copy = next(s for s in stories if s.key.startswith("quake-2"))
    cluster = group_of(archive.db, url_of(quake_copy))
    assert cluster is not None and cluster.size == 3
    assert cluster.original.source == "irna" and cluster.original.similarity is None
    assert [m.source for m in cluster.copies] == ["sobhesahel", "jonoubnews"]
    assert all(m.similarity and m.similarity >= 0.8 for m in cluster.copies)
    assert group_of(archive.db, url_of(TAIL_PAIR[0])) is None
    assert [c.size for c in clusters(archive.db, sources=("porttimes",))] == [3, 3]


# -- the command line ---------------------------------------------------------------------------------


@pytest.fixture
def filled(tmp_path):
    db = tmp_path / "a.db"
    with Archive(db) as a:
        a.upsert_sources([{"name": s, "url": f"https://{s}.example/"} for s in SITES])
        for story in articles():
            save(a, story)
    return db


def test_cli_lists_clusters(filled):
    result = CliRunner().invoke(cli, ["duplicates", "--db", str(filled)])
    assert result.exit_code == 0, result.output
    assert result.output.count(" articles  first ") == 7
    assert "3 articles  first irna" in result.output
    assert "صید میگو در بوشهر از هفته آینده آغاز می\u200cشود" in result.output
    assert "original" in result.output


def test_cli_filters_by_source_and_date_as_json(filled):
    runner = CliRunner()
    result = runner.invoke(cli, ["duplicates", "--db", str(filled), "--source", "porttimes", "--format", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert {c["original"]["url"] for c in found} == {"https://gulfwire.example/news/port",
                                                      "https://gulfwire.example/news/heat"}
    assert all(c["size"] == 3 and len(c["copies"]) == 2 for c in found)
    result = runner.invoke(cli, ["duplicates", "--db", str(filled), "--since", "2024-10-08", "--format", "json"])
    assert {c["original"]["url"] for c in json.loads(result.output)} == {
        "https://irna.example/news/quake", "https://coastdaily.example/news/fish"}


def test_cli_rebuild_with_threshold(filled):
    result = CliRunner().invoke(cli, ["duplicates", "--db", str(filled), "--rebuild", "--threshold", "0.99"])
    assert result.exit_code == 0, result.output
    assert "compared 27 articles; 0 are in a cluster" in result.output
    assert "No near-duplicate clusters." in result.output
    result = CliRunner().invoke(cli, ["duplicates", "--db", str(filled), "--rebuild"])  # the stored 0.99 stays
    assert "0 are in a cluster" in result.output
    result = CliRunner().invoke(cli, ["duplicates", "--db", str(filled), "--rebuild", "--threshold", "0.8"])
    assert "19 are in a cluster" in result.output  # five stories of three articles, two of two


@pytest.mark.parametrize("args, message", [
    (["--threshold", "0.9"], "--threshold takes effect only with --rebuild"),
    (["--rebuild", "--threshold", "0.2"], "must be between 0.5 and 1.0"),
    (["--since", "last week"], "not an ISO date"),
    (["--source", "nosuch"], "no source named 'nosuch'"),
])
def test_cli_user_errors_are_one_line(filled, args, message):
    result = CliRunner().invoke(cli, ["duplicates", "--db", str(filled), *args])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_cli_rebuild_of_a_missing_archive(tmp_path):
    result = CliRunner().invoke(cli, ["duplicates", "--db", str(tmp_path / "none.db"), "--rebuild"])
    assert result.exit_code != 0 and "no such archive" in result.output
    assert not (tmp_path / "none.db").exists() and not (tmp_path / "none.db.lock").exists()


def test_fixture_copies_keep_their_edits():
    """The fixture's copies are edited the way republishers edit: the test above is not trivially passed."""
    stories = {s.key: s for s in articles()}
    shrimp, second = stories["shrimp"], stories["shrimp-2-jonoubnews"]
    assert shrimp.paragraphs[0] not in second.paragraphs and FA_SHRIMP[5] not in second.paragraphs
    assert second.paragraphs[-1] not in shrimp.paragraphs and shrimp.title != second.title
    assert jaccard_of(shrimp.text, second.text) < 0.9


# -- exports ------------------------------------------------------------------------------------------


def test_export_has_duplicate_of_and_no_duplicates_keeps_one_article_per_story(filled, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--db", str(filled), "--format", "jsonl", "-o", str(tmp_path / "all.jsonl")])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    by_url = {r["url"]: r for r in rows}
    assert len(rows) == 27
    assert by_url["https://sobhesahel.example/news/shrimp-1-sobhesahel"]["duplicate_of"] == \
        "https://irna.example/news/shrimp"
    assert by_url["https://irna.example/news/shrimp"]["duplicate_of"] is None
    assert by_url["https://irna.example/news/shrimp"]["copies"] == 2
    result = runner.invoke(cli, ["export", "--db", str(filled), "--format", "csv", "-o",
                                 str(tmp_path / "one" / "o.csv"), "--no-duplicates", "--fields", "url,duplicate_of"])
    assert result.exit_code == 0, result.output
    assert "Exported 15 articles" in result.output  # 27 articles, 12 of them copies
    lines = (tmp_path / "one" / "o.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "url,duplicate_of" and all(line.endswith(",") for line in lines[1:])
    card = (tmp_path / "one" / "README.md").read_text(encoding="utf-8")
    assert "- `--no-duplicates`\n" in card and "This export holds 0 copies." in card


def test_dataset_card_counts_originals_and_copies_per_source(filled, tmp_path):
    result = CliRunner().invoke(cli, ["export", "--db", str(filled), "--format", "parquet",
                                      "-o", str(tmp_path / "a.parquet")])
    assert result.exit_code == 0, result.output
    card = (tmp_path / "README.md").read_text(encoding="utf-8")
    section = card.split("## Originals and copies")[1].split("\n## ")[0]
    assert "This export holds 12 copies." in section
    # irna: 3 wire originals and its copy of the water story; jonoubnews: 3 copies, its own story, a short item
    assert "| irna | 4 | 3 | 1 |" in section
    assert "| jonoubnews | 5 | 2 | 3 |" in section
    assert "| gulfwire | 3 | 2 | 1 |" in section
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "a.parquet", columns=["duplicate_of", "copies"])
    assert sum(v is not None for v in table.column("duplicate_of").to_pylist()) == 12
    assert str(table.schema.field("copies").type) == "int64"


def test_warc_export_refuses_no_duplicates(filled, tmp_path):
    result = CliRunner().invoke(cli, ["export", "--db", str(filled), "--format", "warc", "-o",
                                      str(tmp_path / "c.warc.gz"), "--no-duplicates"])
    assert result.exit_code != 0
    assert "--no-duplicates filters articles" in result.output and "Traceback" not in result.output


def test_an_archive_without_the_relation_is_told_to_rebuild(filled, tmp_path):
    with Archive(filled) as a:
        a.db.execute("DROP TABLE near_duplicates")
    for args in (["duplicates"], ["export", "--format", "jsonl", "-o", str(tmp_path / "x.jsonl")]):
        result = CliRunner().invoke(cli, [*args, "--db", str(filled)])
        assert result.exit_code != 0
        assert "run `newsarchive duplicates --rebuild` once" in result.output
