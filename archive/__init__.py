"""The newsarchive SQLite archive: schema, single writer, search and export (no Scrapy here)."""
