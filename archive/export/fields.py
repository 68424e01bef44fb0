"""The article fields an export can hold: name, kind and what each one means."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..errors import ConfigError

#: text: a string; time: ISO 8601 text in the archive; list: a JSON list of strings; int: an integer.
Kind = Literal["text", "time", "list", "int"]


@dataclass(frozen=True)
class Field:
    """One exportable column of `articles`."""

    name: str
    kind: Kind
    description: str
    #: The publisher wrote this time with its own UTC offset: Parquet keeps that text in `<name>_local`.
    local: bool = False


FIELDS: tuple[Field, ...] = (
    Field("url", "text", "Canonical URL of the article (unique)."),
    Field("source", "text", "Name of the source (see the sources table of this card)."),
    Field("title", "text", "Headline as published."),
    Field("text", "text", "Body text as published, boilerplate removed; paragraphs separated by newlines."),
    Field("published", "time", "When the publisher says it published the article; null when unknown.",
          local=True),
    Field("modified", "time", "When the publisher says it last modified the article; or null.",
          local=True),
    Field("language", "text", "Language of the text (ISO 639-1 code)."),
    Field("authors", "list", "Author names."),
    Field("description", "text", "Summary or lead given by the publisher."),
    Field("tags", "list", "Keywords given by the publisher."),
    Field("categories", "list", "Sections or categories given by the publisher."),
    Field("image", "text", "URL of the lead image."),
    Field("sitename", "text", "Site name the page gives."),
    Field("word_count", "int", "Whitespace-separated words in text."),
    Field("content_hash", "text", "SHA-256 of title and text; changes when the article is edited."),
    Field("date_evidence", "text", "JSON object: where the publication and modification dates were found."),
    Field("first_seen", "time", "When the crawler first archived the article (UTC)."),
    Field("last_seen", "time", "When the crawler last fetched the article (UTC)."),
    Field("last_changed", "time", "When title or text last changed (UTC); older versions are in revisions."),
    Field("capture_id", "int", "id of the raw capture (HTTP response) the article was extracted from."),
    Field("status", "text", "Extraction status: ok; paywalled when only the teaser above a paywall was "
          "visible (the text is that teaser); encoding_error when some bytes were undecodable."),
    Field("extractor", "text", "Extractor and its version that produced the article."),
    Field("boilerplate_removed", "int", "Characters of boilerplate (menus, comments, lists) taken out."),
    Field("duplicate_of", "text", "URL of the earliest published article this one is a near-duplicate of "
          "(the same story, e.g. syndicated from another source); null for originals."),
    Field("copies", "int", "How many other archived articles are near-duplicates of the same story."),
)

FIELDS_BY_NAME = {f.name: f for f in FIELDS}


def parse_fields(spec: str | None) -> list[Field]:
    """The fields named in a comma-separated list, in that order; every field when `spec` is empty."""
    if not spec or not spec.strip():
        return list(FIELDS)
    names = [name.strip() for name in spec.split(",") if name.strip()]
    unknown = [name for name in names if name not in FIELDS_BY_NAME]
    if unknown:
        valid = ", ".join(f.name for f in FIELDS)
        raise ConfigError(f"unknown field(s) {', '.join(unknown)} in --fields; valid fields: {valid}")
    if not names:
        raise ConfigError("--fields names no field")
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ConfigError(f"--fields names {', '.join(duplicates)} more than once")
    return [FIELDS_BY_NAME[name] for name in names]
